import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import {
  accessOf,
  createServiceContext,
  operatorAccess,
  type Principal,
  systemActor,
} from '../content/index.ts'
import { createStatistics } from '../statistics/index.ts'
import { createTopics } from './topics.ts'

const BANNER = `/uploads/ab/cd/abcd${'0'.repeat(60)}.jpg`
const operator: Principal = { actor: systemActor('cli:test'), access: operatorAccess }

for (const engine of engines()) {
  describe(`${engine.name}: 专题`, () => {
    const t = useContent(engine)
    const topics = () => createTopics(createServiceContext(t.store))
    const editorIn = (siteId: number): Principal => ({
      actor: editor,
      access: accessOf(7, [{ id: 1, role: 'editor', siteId, columnId: null, reviewLevel: null }]),
    })

    it('creates a topic from the standard starter with its sub-columns, marked as a topic in the tree', async () => {
      const topic = await topics().create(operator, {
        siteId: t.site.id,
        starter: 'standard',
        name: '学习贯彻党的二十大精神',
        slug: 'esd',
        banner: BANNER,
      })
      expect(topic).toMatchObject({ path: 'esd', banner: BANNER, templateSet: 'topic' })
      expect(topic.subColumns.map((c) => [c.name, c.path])).toEqual([
        ['最新动态', 'esd/zxdt'],
        ['政策文件', 'esd/zcwj'],
        ['图片报道', 'esd/tpbd'],
      ])
      const tree = await t.content.columns.tree(t.site.id)
      expect(tree.get(topic.id)?.kind).toBe('topic')
      expect(tree.topicOf(topic.subColumns[1]?.id ?? 0)?.id).toBe(topic.id)
      expect((await topics().list(operator, t.site.id)).map((each) => each.name)).toEqual([
        '学习贯彻党的二十大精神',
      ])
      // The annual report's 专栏专题 counts it from the day it exists.
      const report = await createStatistics(t.store).report(operator, t.site.id, { preset: 'this-year' })
      expect(report.annual.specialTopics).toBe(1)
    })

    it('lets an editor quote an ordinary article into a sub-column', async () => {
      const topic = await topics().create(operator, {
        siteId: t.site.id,
        starter: 'brief',
        name: '专题',
        slug: 'zt',
      })
      const news = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      const article = await t.content.articles.create(editor, {
        columnId: news.id,
        title: '一篇要闻',
        bodyHtml: '<p>正文</p>',
        alsoInColumnIds: [topic.subColumns[0]?.id ?? 0],
      })
      expect(article.alsoInColumnIds).toEqual([topic.subColumns[0]?.id])
    })

    it('refuses an editor who does not administer the site, and writes nothing', async () => {
      await expect(
        topics().create(editorIn(t.site.id), {
          siteId: t.site.id,
          starter: 'standard',
          name: '专题',
          slug: 'zt',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect((await t.content.columns.tree(t.site.id)).all()).toHaveLength(0)
    })

    it('refuses a slug a sibling holds, a topic inside a topic and a banner that is no upload', async () => {
      const topic = await topics().create(operator, {
        siteId: t.site.id,
        starter: 'brief',
        name: '专题',
        slug: 'zt',
      })
      await expect(
        topics().create(operator, { siteId: t.site.id, starter: 'brief', name: '又一个', slug: 'zt' }),
      ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', field: 'slug' })
      await expect(
        topics().create(operator, {
          siteId: t.site.id,
          parentId: topic.subColumns[0]?.id ?? 0,
          starter: 'brief',
          name: '子专题',
          slug: 'zzt',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' })
      await expect(
        topics().update(operator, topic.id, { banner: 'https://example.com/x.jpg' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
      expect((await t.content.columns.tree(t.site.id)).all()).toHaveLength(3)
    })

    it('changes the banner and tells the publisher the topic changed', async () => {
      const topic = await topics().create(operator, {
        siteId: t.site.id,
        starter: 'brief',
        name: '专题',
        slug: 'zt',
      })
      const updated = await topics().update(operator, topic.id, { banner: BANNER })
      expect(updated.banner).toBe(BANNER)
      const change = await t.store.db
        .selectFrom('changes')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(change).toMatchObject({ entity: 'column', entity_id: topic.id, action: 'topic' })
      await expect(topics().update(editorIn(t.site.id), topic.id, { banner: null })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    })
  })
}
