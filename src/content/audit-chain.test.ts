import { createHmac, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { editor } from '../../test/support/content-fixture.ts'
import { engines, type TestStore } from '../../test/support/engines.ts'
import type { Store } from '../store/index.ts'
import { attachAuditChain, checkpointAudit } from './audit-chain.ts'
import { linkOf } from './audit-link.ts'
import { type Content, createContent } from './content.ts'
import type { Site } from './site-service.ts'

function key(id: string) {
  return { id, secret: randomBytes(32) }
}

function keyring(...keys: ReturnType<typeof key>[]) {
  return { current: keys.at(-1) as ReturnType<typeof key>, byId: new Map(keys.map((k) => [k.id, k])) }
}

for (const engine of engines()) {
  describe(`${engine.name}: the audit chain against someone who can write the database`, () => {
    const t = {} as { store: Store; content: Content; site: Site }
    let opened: TestStore
    let folder: string
    let checkpointPath: string
    let columns = 0
    const first = key('k1')

    // The keys are in place before the first record, as the CLI places them on opening a store.
    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-audit-'))
      checkpointPath = join(folder, 'audit-checkpoints.log')
      opened = await engine.open()
      t.store = opened.store
      attachAuditChain(t.store, { keys: keyring(first), checkpointPath })
      await checkpointAudit(t.store)
      t.content = createContent(t.store)
      t.site = await t.content.sites.create(editor, {
        slug: 'simt',
        name: '计量院',
        baseUrl: 'https://simt.example',
      })
    })
    afterEach(async () => {
      await opened?.dispose()
      await rm(folder, { recursive: true, force: true })
    })

    async function someHistory(titles = ['放假通知', '招聘公告']) {
      columns++
      const c = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: `栏目 ${columns}`,
        slug: `c${columns}`,
      })
      for (const title of titles) await t.content.articles.create(editor, { columnId: c.id, title })
    }

    async function rows() {
      return t.store.db.selectFrom('audit_log').selectAll().orderBy('id').execute()
    }

    /** What an intruder does first: the append-only triggers go. */
    async function dropAppendOnlyGuard() {
      if (engine.name === 'postgres') {
        await sql`drop trigger audit_log_no_update on audit_log`.execute(t.store.db)
        await sql`drop trigger audit_log_no_truncate on audit_log`.execute(t.store.db)
      } else {
        await sql`drop trigger audit_log_no_update`.execute(t.store.db)
        await sql`drop trigger audit_log_no_delete`.execute(t.store.db)
      }
    }

    /** Re-links every remaining row as `link` says and points the head at the last one. */
    async function rechain(
      link: (
        previous: string,
        row: Awaited<ReturnType<typeof rows>>[number],
      ) => {
        hash: string
        keyId: string | null
      },
    ) {
      let previous = ''
      let lastId = 0
      for (const row of await rows()) {
        const { hash, keyId } = link(previous, row)
        await sql`update audit_log set prev_hash = ${previous}, hash = ${hash}, key_id = ${keyId} where id = ${row.id}`.execute(
          t.store.db,
        )
        previous = hash
        lastId = row.id
      }
      await sql`update audit_head set last_hash = ${previous}, last_id = ${lastId}`.execute(t.store.db)
    }

    it('verifies an untouched log against its checkpoints, and leaves a checkpoint of the head', async () => {
      await someHistory()
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: true, checked: 4, legacy: 0 })
      expect(result.checkpoints).toBeGreaterThanOrEqual(1)
      const lines = (await readFile(checkpointPath, 'utf8')).trim().split('\n')
      const [last] = (await rows()).slice(-1)
      expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ id: last?.id, link: last?.hash, key: 'k1' })
      expect((await t.content.audit.verify()).checkpoints).toBeGreaterThan(result.checkpoints)
    })

    it('does not verify a log emptied and reset to nothing', async () => {
      await someHistory()
      await t.content.audit.verify()
      await dropAppendOnlyGuard()
      await sql`delete from audit_log`.execute(t.store.db)
      await sql`update audit_head set last_hash = '', last_id = 0`.execute(t.store.db)
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false, checked: 0 })
      expect(result.reason).toMatch(
        /the log is empty, but the checkpoint of .* saw it reach #\d+: it was emptied/,
      )
    })

    it('does not verify a log whose last records were cut off and the head moved back', async () => {
      await someHistory()
      await t.content.audit.verify()
      const before = await rows()
      const kept = before.at(-3)
      await dropAppendOnlyGuard()
      await sql`delete from audit_log where id > ${kept?.id}`.execute(t.store.db)
      await sql`update audit_head set last_hash = ${kept?.hash}, last_id = ${kept?.id}`.execute(t.store.db)
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false })
      expect(result.reason).toMatch(/records were cut off the end/)
    })

    it('does not verify a log cut short and re-chained, even with the key', async () => {
      await someHistory()
      await t.content.audit.verify()
      await dropAppendOnlyGuard()
      const last = (await rows()).at(-1)
      await sql`delete from audit_log where id = ${last?.id}`.execute(t.store.db)
      await rechain((previous, row) => ({ hash: linkOf(first, previous, row), keyId: first.id }))
      expect((await t.content.audit.verify()).reason).toMatch(/records were cut off the end/)
    })

    it('does not verify a chain recomputed as plain SHA-256, as earlier versions linked it', async () => {
      await someHistory()
      await dropAppendOnlyGuard()
      const [, second] = await rows()
      await sql`update audit_log set actor = ${'某人 (u-1)'} where id = ${second?.id}`.execute(t.store.db)
      await rechain((previous, row) => ({ hash: linkOf(null, previous, row), keyId: null }))
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false })
      expect(result.reason).toMatch(
        /not keyed, though keyed records begin at #\d+: the chain was recomputed without the key/,
      )
    })

    it('does not verify a plain SHA-256 chain passed off as older than keys', async () => {
      await someHistory()
      await t.content.audit.verify()
      await dropAppendOnlyGuard()
      await rechain((previous, row) => ({ hash: linkOf(null, previous, row), keyId: null }))
      await sql`update audit_head set keyed_from = 1000000`.execute(t.store.db)
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false })
      expect(result.reason).toMatch(/the keyed part of the chain was moved/)
    })

    it('does not verify a chain recomputed with a key other than the audit key', async () => {
      await someHistory()
      await dropAppendOnlyGuard()
      const guessed = key('k1')
      const [, second] = await rows()
      await sql`update audit_log set outcome = 'failure' where id = ${second?.id}`.execute(t.store.db)
      await rechain((previous, row) => ({ hash: linkOf(guessed, previous, row), keyId: 'k1' }))
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false, brokenAt: (await rows())[0]?.id })
      expect(result.reason).toBe('record does not match its link under the audit key')
    })

    it('does not verify when a checkpointed record is deleted from the middle', async () => {
      await someHistory(['一'])
      await t.content.audit.verify()
      const checkpointed = (await rows()).at(-1)
      await someHistory(['二', '三'])
      await dropAppendOnlyGuard()
      await sql`delete from audit_log where id = ${checkpointed?.id}`.execute(t.store.db)
      await rechain((previous, row) => ({ hash: linkOf(first, previous, row), keyId: first.id }))
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false, brokenAt: checkpointed?.id })
      expect(result.reason).toMatch(/was deleted/)
    })

    it('does not verify when the checkpoint file was edited', async () => {
      await someHistory()
      await t.content.audit.verify()
      const text = await readFile(checkpointPath, 'utf8')
      const lines = text.trim().split('\n')
      const edited = JSON.parse(lines.at(-1) ?? '')
      edited.id -= 1
      await writeFile(checkpointPath, `${[...lines.slice(0, -1), JSON.stringify(edited)].join('\n')}\n`)
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false })
      expect(result.reason).toBe(`checkpoint file line ${lines.length}: checkpoint signature does not match`)
    })

    it('keeps older records verifying after the key is rotated, and needs the old key for them', async () => {
      await someHistory(['一'])
      await t.content.audit.verify()
      const second = key('k2')
      attachAuditChain(t.store, { keys: keyring(first, second), checkpointPath })
      await someHistory(['二'])
      expect(await t.content.audit.verify()).toMatchObject({ isIntact: true, checked: 5 })
      const keyIds = (await rows()).map((row) => row.key_id)
      expect(keyIds).toEqual(['k1', 'k1', 'k1', 'k2', 'k2'])

      attachAuditChain(t.store, { keys: keyring(second), checkpointPath })
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false })
      expect(result.reason).toMatch(/key "k1", not in the keyring/)
    })

    it('verifies records from before keys as legacy, and refuses keyed records turned legacy', async () => {
      // A log as an earlier version left it: plain SHA-256 links, no key, the head on its last row.
      await dropAppendOnlyGuard()
      await sql`delete from audit_log`.execute(t.store.db)
      let previous = ''
      for (const action of ['site.create', 'column.create']) {
        const fields = {
          at: '2026-01-01T00:00:00.000Z',
          actor: 'admin (u-1)',
          address: '',
          action,
          target_type: 'site',
          target_id: '1',
          outcome: 'success',
          error_code: null,
          detail: '{}',
        }
        const hash = linkOf(null, previous, fields)
        await t.store.db
          .insertInto('audit_log')
          .values({ ...fields, prev_hash: previous, hash, key_id: null })
          .execute()
        previous = hash
      }
      const legacy = await rows()
      const lastLegacy = legacy.at(-1)?.id ?? 0
      // What migration 13 does to such a log: the keyed part begins after it.
      await sql`update audit_head set last_hash = ${previous}, last_id = ${lastLegacy}, keyed_from = ${lastLegacy + 1}`.execute(
        t.store.db,
      )
      await rm(checkpointPath)
      attachAuditChain(t.store, { keys: keyring(first), checkpointPath })
      await checkpointAudit(t.store)
      await someHistory(['升级后'])
      expect(await t.content.audit.verify()).toMatchObject({ isIntact: true, checked: 4, legacy: 2 })
      await rechain((previous, row) => ({ hash: linkOf(null, previous, row), keyId: null }))
      expect((await t.content.audit.verify()).reason).toMatch(/recomputed without the key/)
    })

    it('signs checkpoints with the key, so a line forged without it is refused', async () => {
      await someHistory()
      const forged = { id: 1, link: 'x', at: '2026-01-01T00:00:00.000Z', keyedFrom: 1, key: 'k1' }
      const mac = createHmac('sha256', randomBytes(32)).update('anything').digest('hex')
      await writeFile(checkpointPath, `${JSON.stringify({ ...forged, mac })}\n`, { flag: 'a' })
      expect((await t.content.audit.verify()).reason).toMatch(/checkpoint signature does not match/)
    })
  })
}
