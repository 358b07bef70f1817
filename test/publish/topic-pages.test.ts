import { describe, expect, it } from 'vitest'
import { createServiceContext, operatorAccess, type Principal, systemActor } from '../../src/content/index.ts'
import { createTopics, type Topic } from '../../src/topics/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

const operator: Principal = { actor: systemActor('cli:test'), access: operatorAccess }
const banner = (digit: string) => `/uploads/ab/cd/abcd${digit.repeat(60)}.jpg`

for (const engine of engines()) {
  describe(`${engine.name}: a 专题's pages`, () => {
    const t = usePublishedSite(engine)

    /** 专题专栏 > 优化营商环境 from the standard starter, with a 通知公告 article quoted into 政策文件. */
    async function publishedTopic(): Promise<{ topic: Topic; quotedId: number }> {
      const holder = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '专题专栏',
        slug: 'ztzl',
        kind: 'page',
      })
      const topic = await createTopics(createServiceContext(t.store)).create(operator, {
        siteId: t.site.id,
        parentId: holder.id,
        starter: 'standard',
        name: '优化营商环境',
        slug: 'yshj',
        banner: banner('1'),
      })
      const [notice] = (
        await t.content.articles.list({ site: t.site.id, columnId: t.columns.tzgg.id, limit: 1 })
      ).items
      if (!notice) throw new Error('the fixture has no 通知公告')
      await t.content.articles.update(editor, notice.id, {
        alsoInColumnIds: [topic.subColumns[1]?.id ?? 0],
        baseRevision: notice.revision,
      })
      const run = await t.publish()
      expect(run.failed).toEqual([])
      return { topic, quotedId: notice.id }
    }

    it('publishes the topic with its banner, its own template and the quoted article in its sub-column', async () => {
      await publishedTopic()
      const index = await t.read('ztzl/yshj/index.html')
      expect(index).toContain('class="topic"')
      expect(index).toContain(`src="/uploads/ab/cd/abcd${'1'.repeat(60)}.jpg"`)
      expect(index).toMatch(/<h1 class="topic-title">优化营商环境<\/h1>/)
      for (const name of ['最新动态', '政策文件', '图片报道']) expect(index).toContain(name)
      expect(index).toContain('通知2')
      const policy = await t.read('ztzl/yshj/zcwj/index.html')
      expect(policy).toContain('class="topic-nav"')
      expect(policy).toContain('通知2')
      expect(policy).toContain('aria-current="page">政策文件')
      expect(await t.read('index.html')).toContain('专题专栏')
    }, 180_000)

    it('republishes the topic pages when a quoted article changes, and not the whole site', async () => {
      const { quotedId } = await publishedTopic()
      const quoted = await t.content.articles.get(quotedId)
      await t.content.articles.update(editor, quotedId, {
        title: '通知2（修订）',
        baseRevision: quoted.revision,
      })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(run.written).toEqual(
        expect.arrayContaining(['ztzl/yshj/index.html', 'ztzl/yshj/zcwj/index.html']),
      )
      expect(run.written).not.toContain('ztzl/yshj/zxdt/index.html')
      expect(await t.read('ztzl/yshj/index.html')).toContain('通知2（修订）')
      expect(await t.read('ztzl/yshj/zcwj/index.html')).toContain('通知2（修订）')
      // What the incremental run left is what a full publish writes: it finds nothing to change.
      expect((await t.publish('full')).written).toEqual([])
    }, 180_000)

    it('takes an article off the topic page when its quote is taken back', async () => {
      const { quotedId } = await publishedTopic()
      const quoted = await t.content.articles.get(quotedId)
      await t.content.articles.update(editor, quotedId, {
        alsoInColumnIds: [],
        baseRevision: quoted.revision,
      })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(await t.read('ztzl/yshj/zcwj/index.html')).not.toContain('通知2')
      expect(await t.read('ztzl/yshj/index.html')).not.toContain('通知2')
      expect((await t.publish('full')).written).toEqual([])
    }, 180_000)

    it('republishes the topic pages and the home page when the banner changes, without a full publish', async () => {
      const { topic } = await publishedTopic()
      await createTopics(createServiceContext(t.store)).update(operator, topic.id, { banner: banner('2') })
      const run = await t.publish()
      expect(run.mode).toBe('incremental')
      expect(run.written).toEqual(
        expect.arrayContaining(['ztzl/yshj/index.html', 'ztzl/yshj/zxdt/index.html', 'index.html']),
      )
      expect(run.written).not.toContain('xwzx/index.html')
      for (const page of ['ztzl/yshj/index.html', 'ztzl/yshj/tpbd/index.html', 'index.html'])
        expect(await t.read(page)).toContain(`abcd${'2'.repeat(60)}.jpg`)
      expect((await t.publish('full')).written).toEqual([])
    }, 180_000)
  })
}
