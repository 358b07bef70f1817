import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent } from '../../src/content/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'
import { runFabu } from '../support/run-fabu.ts'

/**
 * The change log is one outbox that every publisher shares: the server's background queue, a
 * `fabu publish` typed by hand, an import, and later the nodes of a cluster. They take turns
 * per site through its lease, and every change is consumed by exactly one run.
 */

async function holdLease(store: Store, siteId: number, holder: string, expiresInMs: number): Promise<void> {
  const now = Date.now()
  await store.db
    .insertInto('publish_leases')
    .values({
      site_id: siteId,
      holder,
      acquired_at: new Date(now).toISOString(),
      expires_at: new Date(now + expiresInMs).toISOString(),
    })
    .onConflict((conflict) =>
      conflict
        .column('site_id')
        .doUpdateSet({ holder, expires_at: new Date(now + expiresInMs).toISOString() }),
    )
    .execute()
}

async function pendingChanges(store: Store, siteId: number): Promise<number> {
  const rows = await store.db
    .selectFrom('changes')
    .select('id')
    .where('site_id', '=', siteId)
    .where('done_at', 'is', null)
    .execute()
  return rows.length
}

for (const engine of engines()) {
  describe(`${engine.name}: one outbox for every publisher`, () => {
    const t = usePublishedSite(engine)

    it('two processes publishing one site at once take turns, and each change is consumed by exactly one run', async () => {
      for (let day = 8; day <= 10; day++) await t.article(t.columns.ynyw, `院内要闻${day}`, day)
      const otherStore = await t.openAnotherStore()
      const otherPublisher = new Publisher(otherStore, createContent(otherStore), {
        outputRootFor: () => join(t.output, 'site'),
        manifestDir: join(t.output, 'manifests'),
        workers: 1,
      })
      try {
        const [mine, theirs] = await Promise.all([
          t.publisher.publish({ site: t.site.id }),
          otherPublisher.publish({ site: t.site.id }),
        ])
        expect([...mine.failed, ...theirs.failed]).toEqual([])
      } finally {
        await otherPublisher.close()
        await otherStore.close()
      }
      const runs = await t.store.db
        .selectFrom('publish_runs')
        .select(['started_at', 'finished_at', 'written'])
        .where('site_id', '=', t.site.id)
        .orderBy('id', 'desc')
        .limit(2)
        .execute()
      const [second, first] = runs
      if (!first || !second) throw new Error('both publishes should have recorded a run')
      // One after the other, never overlapping; the second found nothing left to do.
      expect(second.started_at >= first.finished_at).toBe(true)
      expect(first.written).toBeGreaterThan(0)
      expect(second.written).toBe(0)
      const changes = await t.store.db
        .selectFrom('changes')
        .select(['claimed_by', 'done_at'])
        .where('site_id', '=', t.site.id)
        .where('entity', '=', 'article')
        .orderBy('id', 'desc')
        .limit(3)
        .execute()
      expect(changes.every((change) => change.done_at !== null)).toBe(true)
      expect(new Set(changes.map((change) => change.claimed_by)).size).toBe(1)
      expect(await t.read('xwzx/ynyw/index.html')).toContain('院内要闻10')
    })

    it('a publish that finds the site taken says who holds it, consumes nothing, and takes over once the lease has expired', async () => {
      await t.article(t.columns.tzgg, '通知3', 25)
      await holdLease(t.store, t.site.id, 'node-b:4242:cafe', 60_000)
      await expect(t.publisher.publish({ site: t.site.id, leaseWaitMs: 0 })).rejects.toMatchObject({
        code: 'PUBLISH_IN_PROGRESS',
        message: expect.stringContaining('node-b:4242:cafe'),
      })
      expect(await pendingChanges(t.store, t.site.id)).toBeGreaterThan(0)

      // node-b died: its lease runs out and the site is taken over.
      await holdLease(t.store, t.site.id, 'node-b:4242:cafe', -1)
      const run = await t.publisher.publish({ site: t.site.id, leaseWaitMs: 0 })
      expect(run.written).toContain('tzgg/index.html')
      expect(await pendingChanges(t.store, t.site.id)).toBe(0)
      const leases = await t.store.db.selectFrom('publish_leases').selectAll().execute()
      expect(leases).toEqual([])
    })

    it('waits for the other publisher to finish when told to wait', async () => {
      await t.article(t.columns.tzgg, '通知4', 26)
      await holdLease(t.store, t.site.id, 'node-b:4242:cafe', 60_000)
      const released = sleep(400).then(() =>
        t.store.db.deleteFrom('publish_leases').where('holder', '=', 'node-b:4242:cafe').execute(),
      )
      const run = await t.publisher.publish({ site: t.site.id, leaseWaitMs: 10_000 })
      await released
      expect(run.written).toContain('tzgg/index.html')
    })

    it('a run whose lease was taken over while it stalled records nothing and leaves its changes pending', async () => {
      await t.article(t.columns.tzgg, '通知5', 27)
      let isTakenOver = false
      const run = t.publisher.publish({
        site: t.site.id,
        onProgress: () => {
          if (isTakenOver) return
          isTakenOver = true
          void holdLease(t.store, t.site.id, 'node-c:7:beef', 60_000)
        },
      })
      await expect(run).rejects.toMatchObject({ code: 'INVALID_STATE' })
      expect(await pendingChanges(t.store, t.site.id)).toBeGreaterThan(0)
      const holder = await t.store.db.selectFrom('publish_leases').select('holder').executeTakeFirst()
      expect(holder?.holder).toBe('node-c:7:beef')
    })
  })
}

describe('fabu publish while another process publishes the site', () => {
  let folder: string
  const fabu = (...args: string[]) => runFabu(folder, { ...process.env, DATABASE_URL: '' }, ...args)

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-lease-cli-'))
    expect((await fabu('demo', '--json')).code).toBe(0)
  }, 120_000)
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('refuses with PUBLISH_IN_PROGRESS after --wait, then publishes once the site is free', async () => {
    const store = await openStore({ sqlitePath: join(folder, 'fabu.db') })
    try {
      const site = await store.db.selectFrom('sites').select('id').executeTakeFirstOrThrow()
      await holdLease(store, site.id, 'server:1:feed', 60_000)
      const refused = await fabu('publish', '--wait', '1')
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('PUBLISH_IN_PROGRESS')
      expect(refused.stderr).toContain('server:1:feed')
      expect(await pendingChanges(store, site.id)).toBeGreaterThan(0)

      await store.db.deleteFrom('publish_leases').execute()
      const published = await fabu('publish', '--json', '--wait', '0')
      expect(published.code, published.stderr).toBe(0)
      expect(JSON.parse(published.stdout).written.length).toBeGreaterThan(10)
      expect(await pendingChanges(store, site.id)).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('refuses a --wait that is not whole seconds', async () => {
    const refused = await fabu('publish', '--wait', 'soon')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('--wait')
  })
})
