import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { createPublicSite } from './public-site.ts'
import { isBot, ViewCounter } from './view-counter.ts'

for (const engine of engines()) {
  describe(`${engine.name}: the view counter`, () => {
    const t = useContent(engine)
    let articleId: number
    let counter: ViewCounter

    beforeEach(async () => {
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      const article = await t.content.articles.create(editor, { columnId: column.id, title: '计数' })
      articleId = (await t.content.articles.publish(editor, article.id)).id
      counter = new ViewCounter(t.store, { flushEveryMs: 60_000 })
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
      for (let i = 0; i < 25; i++) await counter.hit(articleId)
      expect(await storedViews()).toBe(0)
      expect(await counter.views(articleId)).toBe(25)
      await counter.flush()
      expect(await storedViews()).toBe(25)
    })

    it('keeps the count across a restart, up to the last flush', async () => {
      await counter.hit(articleId)
      await counter.hit(articleId)
      await counter.close()
      const restarted = new ViewCounter(t.store)
      expect(await restarted.hit(articleId)).toBe(3)
      await restarted.close()
    })

    it('counts nothing for an article that is not published', async () => {
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '草稿', slug: 'cg' })
      const draft = await t.content.articles.create(editor, { columnId: column.id, title: '草稿' })
      expect(await counter.hit(draft.id)).toBeNull()
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
