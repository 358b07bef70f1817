import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { createPublicSite } from './public-site.ts'
import { RecentHits, readerOf } from './recent-hits.ts'
import { isBot, ViewCounter } from './view-counter.ts'

const HOUR = 60 * 60 * 1000

for (const engine of engines()) {
  describe(`${engine.name}: the view counter`, () => {
    const t = useContent(engine)
    let articleId: number
    let counter: ViewCounter
    const clock = { now: Date.parse('2026-03-02T08:00:00Z') }

    beforeEach(async () => {
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      const article = await t.content.articles.create(editor, { columnId: column.id, title: '计数' })
      articleId = (await t.content.articles.publish(editor, article.id)).id
      clock.now = Date.parse('2026-03-02T08:00:00Z')
      counter = new ViewCounter(t.store, { flushEveryMs: 60_000, perReader: { now: () => clock.now } })
    })
    afterEach(async () => {
      await counter.close()
    })

    async function storedViews() {
      const row = await t.store.db
        .selectFrom('article_views')
        .select('views')
        .where('article_id', '=', articleId)
        .executeTakeFirst()
      return row?.views ?? 0
    }

    it('counts hits in memory and writes them in one batch, not once per hit', async () => {
      for (let i = 0; i < 25; i++) await counter.hit(articleId, `198.51.100.${i}`)
      expect(await storedViews()).toBe(0)
      expect(await counter.views(articleId)).toBe(25)
      await counter.flush()
      expect(await storedViews()).toBe(25)
    })

    it('keeps the count across a restart, up to the last flush', async () => {
      await counter.hit(articleId, '198.51.100.1')
      await counter.hit(articleId, '198.51.100.2')
      await counter.close()
      const restarted = new ViewCounter(t.store)
      expect(await restarted.hit(articleId, '198.51.100.3')).toBe(3)
      await restarted.close()
    })

    it('shows the hits another server counted once that server has flushed, not a stale total', async () => {
      let now = 0
      const here = new ViewCounter(t.store, { flushEveryMs: 60_000, rereadAfterMs: 1_000, now: () => now })
      const there = new ViewCounter(t.store, { flushEveryMs: 60_000 })
      expect(await here.hit(articleId, '198.51.100.1')).toBe(1)
      await here.flush()
      expect(await here.views(articleId)).toBe(1)
      for (let i = 0; i < 5; i++) await there.hit(articleId, `198.51.100.${10 + i}`)
      await there.flush()
      now += 999
      expect(await here.views(articleId)).toBe(1)
      now += 1
      expect(await here.views(articleId)).toBe(6)
      expect(await here.hit(articleId, '198.51.100.2')).toBe(7)
      await here.close()
      await there.close()
      expect(await storedViews()).toBe(7)
    })

    it('counts nothing for an article that is not published', async () => {
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '草稿', slug: 'cg' })
      const draft = await t.content.articles.create(editor, { columnId: column.id, title: '草稿' })
      expect(await counter.hit(draft.id, '198.51.100.1')).toBeNull()
    })

    it('counts 100 hits from one address on one article once, and again in the next hour', async () => {
      for (let i = 0; i < 100; i++) await counter.hit(articleId, '203.0.113.7')
      expect(await counter.views(articleId)).toBe(1)
      clock.now += 59 * 60 * 1000
      expect(await counter.hit(articleId, '203.0.113.7')).toBe(1)
      clock.now += 2 * 60 * 1000
      expect(await counter.hit(articleId, '203.0.113.7')).toBe(2)
      await counter.flush()
      expect(await storedViews()).toBe(2)
    })

    it('counts another address, and the same address on another article', async () => {
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '通知', slug: 'tz' })
      const other = await t.content.articles.create(editor, { columnId: column.id, title: '另一篇' })
      const otherId = (await t.content.articles.publish(editor, other.id)).id
      expect(await counter.hit(articleId, '203.0.113.7')).toBe(1)
      expect(await counter.hit(articleId, '203.0.113.8')).toBe(2)
      expect(await counter.hit(otherId, '203.0.113.7')).toBe(1)
      // One IPv6 /64 is one household or phone: its other addresses are the same reader.
      expect(await counter.hit(articleId, '2001:db8:1:2::1')).toBe(3)
      expect(await counter.hit(articleId, '2001:db8:1:2:aaaa::9')).toBe(3)
      expect(await counter.hit(articleId, '2001:db8:1:3::1')).toBe(4)
    })

    it('counts the forwarded address behind a trusted proxy, and the proxy itself otherwise', async () => {
      const reader = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0' }
      const behind = await createPublicSite({ root: '/nonexistent', counter, trustedProxies: ['127.0.0.1'] })
      const hit = (app: typeof behind, forwardedFor: string) =>
        app.inject({
          method: 'POST',
          url: `/_fabu/hits?id=${articleId}`,
          remoteAddress: '127.0.0.1',
          headers: { ...reader, 'x-forwarded-for': forwardedFor },
        })
      expect((await hit(behind, '203.0.113.1')).json().views).toBe(1)
      expect((await hit(behind, '203.0.113.2')).json().views).toBe(2)
      expect((await hit(behind, '203.0.113.2')).json().views).toBe(2)
      await behind.close()
      const direct = await createPublicSite({ root: '/nonexistent', counter })
      expect((await hit(direct, '203.0.113.3')).json().views).toBe(3)
      expect((await hit(direct, '203.0.113.4')).json().views).toBe(3)
      await direct.close()
    })

    it('answers over HTTP without cookies, ignores robots and refuses a bad id', async () => {
      const app = await createPublicSite({ root: '/nonexistent', counter })
      const reader = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0' }
      const first = await app.inject({ method: 'POST', url: `/_fabu/hits?id=${articleId}`, headers: reader })
      expect(first.statusCode).toBe(200)
      expect(first.json()).toEqual({ id: articleId, views: 1 })
      expect(first.headers['set-cookie']).toBeUndefined()
      expect(first.headers['content-security-policy']).not.toContain('unsafe-inline')
      const robot = await app.inject({
        method: 'POST',
        url: `/_fabu/hits?id=${articleId}`,
        headers: { 'user-agent': 'Baiduspider/2.0' },
      })
      expect(robot.json()).toEqual({ id: articleId, views: 1 })
      const bad = await app.inject({ method: 'POST', url: '/_fabu/hits?id=1%20or%201=1', headers: reader })
      expect(bad.statusCode).toBe(400)
      await app.close()
    })
  })
}

describe('telling robots from readers', () => {
  it('treats crawlers, scripts and an empty user agent as robots', () => {
    for (const agent of ['Baiduspider', 'Googlebot/2.1', 'curl/8.0', 'python-requests/2.31', undefined])
      expect(isBot(agent)).toBe(true)
    expect(isBot('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1')).toBe(false)
  })
})

describe('remembering who was counted', () => {
  it('stays within its capacity however many distinct readers come', () => {
    const recent = new RecentHits({ now: () => 0 })
    for (let i = 0; i < 1_000_000; i++)
      recent.isFirst(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, i >> 24)
    expect(recent.capacity).toBe(100_000)
    expect(recent.size).toBe(recent.capacity)
    // A million hashes take seconds on a loaded machine; the assertion is the size, not the time.
  }, 180_000)

  it('forgets the oldest reader first when full, and everyone when the hour turns', () => {
    let now = 0
    const recent = new RecentHits({ capacity: 3, now: () => now })
    expect(['a', 'b', 'c'].map((reader) => recent.isFirst(reader, 1))).toEqual([true, true, true])
    expect(recent.isFirst('d', 1)).toBe(true)
    expect([recent.isFirst('a', 1), recent.isFirst('d', 1)]).toEqual([true, false])
    now = HOUR
    expect(recent.size).toBe(3)
    expect(recent.isFirst('d', 1)).toBe(true)
    expect(recent.size).toBe(1)
  })

  it('knows an IPv6 reader by its /64 and an IPv4-mapped one by its IPv4 address', () => {
    expect(readerOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(readerOf('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(readerOf('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(readerOf('203.0.113.7')).toBe('203.0.113.7')
  })
})
