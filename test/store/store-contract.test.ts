import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../src/store/index.ts'
import { engines, type TestStore } from '../support/engines.ts'

/**
 * What every service may rely on, whichever engine is underneath: the shapes rows come back
 * in, what a transaction promises, and how rows are locked. A service written against one
 * engine and run on the other breaks here first, not in a user's hands.
 */

const NOW = '2026-12-05T10:00:00.000Z'

async function addSite(store: Store, slug = 'contract'): Promise<number> {
  const row = await store.db
    .insertInto('sites')
    .values({
      slug,
      name: '合同测试',
      base_url: 'https://example.gov.cn',
      language: 'zh-CN',
      time_zone: 'Asia/Shanghai',
      output_prefix: '',
      theme: 'default',
      org_code: '',
      site_id_code: '',
      icp: '',
      police_record: '',
      sponsor: '',
      contact: '',
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function addChanges(store: Store, siteId: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, index) => ({
    site_id: siteId,
    entity: 'article',
    entity_id: index + 1,
    action: 'update',
    created_at: NOW,
    claimed_by: null,
    claimed_at: null,
    done_at: null,
  }))
  await store.db.insertInto('changes').values(rows).execute()
}

/** Claims up to `limit` unclaimed changes for `worker`, holding the rows until `holdMs` has passed. */
async function claimChanges(store: Store, worker: string, limit: number, holdMs: number): Promise<number[]> {
  return store.transaction(async (tx) => {
    const rows = await store
      .forUpdateSkipLocked(
        tx.selectFrom('changes').select('id').where('claimed_by', 'is', null).orderBy('id').limit(limit),
      )
      .execute()
    const ids = rows.map((row) => row.id)
    if (ids.length > 0) {
      await tx
        .updateTable('changes')
        .set({ claimed_by: worker, claimed_at: NOW })
        .where('id', 'in', ids)
        .execute()
    }
    await sleep(holdMs)
    return ids
  })
}

for (const engine of engines()) {
  describe(`${engine.name}: the store contract`, () => {
    let t: TestStore
    let siteId: number
    beforeEach(async () => {
      t = await engine.open()
      siteId = await addSite(t.store)
    })
    afterEach(async () => {
      await t.dispose()
    })

    it('gives timestamps back as the ISO 8601 UTC strings that were written', async () => {
      const site = await t.store.db
        .selectFrom('sites')
        .select(['created_at', 'updated_at'])
        .where('id', '=', siteId)
        .executeTakeFirstOrThrow()
      expect(site).toEqual({ created_at: NOW, updated_at: NOW })
      expect(typeof site.created_at).toBe('string')
    })

    it('orders timestamps by time', async () => {
      await addChanges(t.store, siteId, 3)
      const times = ['2026-12-05T10:00:00.000Z', '2026-01-31T23:59:59.999Z', '2026-12-05T09:59:59.000Z']
      for (const [index, time] of times.entries()) {
        await t.store.db
          .updateTable('changes')
          .set({ created_at: time })
          .where('entity_id', '=', index + 1)
          .execute()
      }
      const ordered = await t.store.db
        .selectFrom('changes')
        .select('created_at')
        .orderBy('created_at')
        .execute()
      expect(ordered.map((row) => row.created_at)).toEqual([...times].sort())
    })

    it('gives ids, counts and 64-bit integers back as JavaScript numbers', async () => {
      await addChanges(t.store, siteId, 2)
      const count = await t.store.db
        .selectFrom('changes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(count.n).toBe(2)
      expect(typeof siteId).toBe('number')
      // Search sort keys are minute × 2^24 + id: far past 32 bits, still exact in a double.
      const big = 29_000_000 * 2 ** 24 + 12_345
      const result = await sql<{ n: number }>`select cast(${big} as bigint) as n`.execute(t.store.db)
      expect(result.rows[0]?.n).toBe(big)
    })

    it('gives JSON columns back as text that parses to what was written', async () => {
      const state = { queue: ['https://example.gov.cn/a.html'], done: 3, isPaused: false, note: '断点续传' }
      const run = await t.store.db
        .insertInto('import_runs')
        .values({
          site_id: siteId,
          source: 'https://example.gov.cn/',
          started_by: 'admin',
          started_at: NOW,
          state: JSON.stringify(state),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const row = await t.store.db
        .selectFrom('import_runs')
        .select('state')
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow()
      expect(typeof row.state).toBe('string')
      expect(JSON.parse(row.state as string)).toEqual(state)
    })

    it('reads a JSON field as the same text on both engines', async () => {
      await t.store.db
        .insertInto('import_runs')
        .values({
          site_id: siteId,
          source: 'x',
          started_by: 'admin',
          started_at: NOW,
          state: JSON.stringify({
            word: '公示',
            count: 12,
            ratio: 1.5,
            isOpen: true,
            isShut: false,
            none: null,
          }),
        })
        .execute()
      const fields = ['word', 'count', 'ratio', 'isOpen', 'isShut', 'none', 'missing']
      const row = await t.store.db
        .selectFrom('import_runs')
        .select(fields.map((field) => t.store.jsonFieldText('state', field).as(field)))
        .executeTakeFirstOrThrow()
      expect(row).toEqual({
        word: '公示',
        count: '12',
        ratio: '1.5',
        isOpen: 'true',
        isShut: 'false',
        none: null,
        missing: null,
      })
    })

    it('reads long Chinese text back whole through textAsRead', async () => {
      const name = '计量测试'.repeat(5_000)
      await t.store.db.updateTable('sites').set({ name }).where('id', '=', siteId).execute()
      const row = await t.store.db
        .selectFrom('sites')
        .select(t.store.textAsRead('name').as('name'))
        .where('id', '=', siteId)
        .executeTakeFirstOrThrow()
      const text = typeof row.name === 'string' ? row.name : new TextDecoder().decode(row.name)
      expect(text).toBe(name)
    })

    it('keeps nothing of a transaction that failed', async () => {
      const failing = t.store.transaction(async (tx) => {
        await tx
          .insertInto('changes')
          .values({
            site_id: siteId,
            entity: 'article',
            entity_id: 1,
            action: 'update',
            created_at: NOW,
            claimed_by: null,
            claimed_at: null,
            done_at: null,
          })
          .execute()
        await tx.updateTable('sites').set({ name: '改了一半' }).where('id', '=', siteId).execute()
        throw new Error('crash between the writes')
      })
      await expect(failing).rejects.toThrow('crash between the writes')
      const changes = await t.store.db.selectFrom('changes').select('id').execute()
      const site = await t.store.db
        .selectFrom('sites')
        .select('name')
        .where('id', '=', siteId)
        .executeTakeFirstOrThrow()
      expect(changes).toEqual([])
      expect(site.name).toBe('合同测试')
    })

    it('refuses a second row with the same unique key and leaves the first intact', async () => {
      await expect(addSite(t.store, 'contract')).rejects.toThrow()
      const sites = await t.store.db.selectFrom('sites').select('slug').execute()
      expect(sites).toEqual([{ slug: 'contract' }])
    })

    it('gives two workers claiming the same queue at once different rows, and every row to one of them', async () => {
      await addChanges(t.store, siteId, 10)
      const [first, second] = await Promise.all([
        claimChanges(t.store, 'worker-a', 6, 200),
        claimChanges(t.store, 'worker-b', 6, 200),
      ])
      expect(first.filter((id) => second.includes(id))).toEqual([])
      expect([...first, ...second].length).toBe(10)
      const owners = await t.store.db
        .selectFrom('changes')
        .select(['id', 'claimed_by'])
        .orderBy('id')
        .execute()
      for (const row of owners) {
        expect(row.claimed_by).toBe(first.includes(row.id) ? 'worker-a' : 'worker-b')
      }
    })

    it('makes a writer of a locked row wait until the holder commits', async () => {
      const events: string[] = []
      const holder = t.store.transaction(async (tx) => {
        await t.store
          .forUpdate(tx.selectFrom('sites').select('name').where('id', '=', siteId))
          .executeTakeFirstOrThrow()
        events.push('locked')
        await sleep(300)
        await tx.updateTable('sites').set({ name: '先到' }).where('id', '=', siteId).execute()
        events.push('holder commits')
      })
      await sleep(50)
      const waiter = t.store.transaction(async (tx) => {
        const row = await t.store
          .forUpdate(tx.selectFrom('sites').select('name').where('id', '=', siteId))
          .executeTakeFirstOrThrow()
        events.push(`waiter read ${row.name}`)
      })
      await Promise.all([holder, waiter])
      expect(events).toEqual(['locked', 'holder commits', 'waiter read 先到'])
    })
  })
}
