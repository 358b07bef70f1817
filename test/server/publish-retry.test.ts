import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import type { PublishRequest } from '../../src/publish/index.ts'
import { PublishQueue } from '../../src/publish/index.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

async function siteWithColumn(t: AdminServer, slug: string) {
  const site = await t.content.sites.create(operator, {
    slug,
    name: slug,
    baseUrl: `https://${slug}.example.cn`,
  })
  await t.content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tz' })
  return site
}

/** The background loop of a server, with a clock the test moves and the publishes it tried. */
function backgroundLoop(t: AdminServer) {
  const clock = { now: 1_000_000 }
  const tried: number[] = []
  const errors: string[] = []
  const publish = t.publisher.publish.bind(t.publisher)
  t.publisher.publish = (request: PublishRequest) => {
    tried.push(request.site as number)
    return publish(request)
  }
  const queue = new PublishQueue(t.content, t.publisher, {
    system: systemActor(),
    onError: (error) => errors.push((error as Error).message),
    now: () => clock.now,
  })
  return { queue, clock, tried, errors }
}

for (const engine of engines()) {
  describe(`${engine.name}: a site whose publish keeps failing`, () => {
    const t = useAdminServer(engine)

    it('is tried again later and later, while the other sites publish, and at once after a new change', async () => {
      const broken = await siteWithColumn(t, 'broken')
      const healthy = await siteWithColumn(t, 'healthy')
      // Settings saved before the theme was checked on save, or a theme removed from the disk.
      await t.store.db
        .updateTable('sites')
        .set({ theme: 'removed-theme' })
        .where('id', '=', broken.id)
        .execute()
      const loop = backgroundLoop(t)

      await loop.queue.runPending()
      expect(loop.tried.sort()).toEqual([broken.id, healthy.id].sort())
      expect(loop.errors).toHaveLength(1)
      expect(loop.errors[0]).toContain('removed-theme')
      expect(await t.publisher.pendingSites()).toEqual([
        { siteId: broken.id, newestChange: expect.any(Number) },
      ])

      // Two seconds later, as the server's timer ticks: not yet.
      loop.clock.now += 2_000
      await loop.queue.runPending()
      expect(loop.tried).toHaveLength(2)

      // After the first wait (4 s) it is tried again, and then waits twice as long.
      loop.clock.now += 2_000
      await loop.queue.runPending()
      expect(loop.tried).toHaveLength(3)
      loop.clock.now += 7_000
      await loop.queue.runPending()
      expect(loop.tried).toHaveLength(3)
      loop.clock.now += 1_000
      await loop.queue.runPending()
      expect(loop.tried).toHaveLength(4)
      expect(loop.errors).toHaveLength(3)

      // The administrator fixes the site: that change is published at once, without waiting.
      await t.content.sites.update(operator, broken.id, { theme: 'default' })
      await loop.queue.runPending()
      expect(loop.tried).toHaveLength(5)
      expect(loop.errors).toHaveLength(3)
      expect(await t.publisher.pendingSites()).toEqual([])
    })
  })
}
