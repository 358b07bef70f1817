import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { countRows, editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import type { Actor } from './actor.ts'

const reviewer: Actor = { id: 'u-9', name: '李审核', address: '192.0.2.9' }

for (const engine of engines()) {
  describe(`${engine.name}: articles`, () => {
    const t = useContent(engine)

    async function column(slug = 'jswm', extra: Record<string, unknown> = {}) {
      return t.content.columns.create(editor, { siteId: t.site.id, name: `栏目${slug}`, slug, ...extra })
    }

    it('filters by days as the site counts them, from its own midnight', async () => {
      const jswm = await column()
      await t.content.articles.create(editor, {
        columnId: jswm.id,
        title: '凌晨发布',
        publishAt: '2026-11-28 00:30',
      })
      const on = (day: string) => t.content.articles.list({ site: t.site.id, from: day, to: day })
      expect((await on('2026-11-28')).items.map((a) => a.title)).toEqual(['凌晨发布'])
      expect((await on('2026-11-27')).total).toBe(0)
    })

    it('keeps every field of the seed article as entered', async () => {
      const jswm = await column()
      const article = await t.content.articles.create(editor, {
        columnId: jswm.id,
        title: '扛起文明大旗走在前 勇担社会责任谱新篇',
        subtitle: '市计测院蝉联全国文明单位荣誉称号',
        source: '院党委办公室',
        keywords: ['全国文明单位', '精神文明'],
        publishAt: '2017-12-14 16:44',
        bodyHtml: '<p>近日,市级机关工作党委召开市级机关系统精神文明建设工作座谈会。</p>',
      })
      const read = await t.content.articles.get(article.id)
      expect(read).toMatchObject({
        title: '扛起文明大旗走在前 勇担社会责任谱新篇',
        subtitle: '市计测院蝉联全国文明单位荣誉称号',
        source: '院党委办公室',
        keywords: ['全国文明单位', '精神文明'],
        publishAt: '2017-12-14T08:44:00.000Z',
        status: 'draft',
        revision: 1,
        createdBy: '张编辑',
      })
    })

    it('keeps a published article’s publish time when an edit clears the field', async () => {
      const jswm = await column()
      const created = await t.content.articles.create(editor, {
        columnId: jswm.id,
        title: '已发布的文章',
        publishAt: '2017-12-14 16:44',
        bodyHtml: '<p>正文</p>',
      })
      const published = await t.content.articles.publish(editor, created.id)
      const edited = await t.content.articles.update(editor, published.id, {
        baseRevision: published.revision,
        publishAt: null,
      })
      expect(edited.publishAt).toBe('2017-12-14T08:44:00.000Z')
      const draft = await t.content.articles.create(editor, {
        columnId: jswm.id,
        title: '草稿',
        publishAt: '2017-12-14 16:44',
      })
      const cleared = await t.content.articles.update(editor, draft.id, {
        baseRevision: draft.revision,
        publishAt: null,
      })
      expect(cleared.publishAt).toBeNull()
    })

    it('sanitizes the body on save', async () => {
      const jswm = await column()
      const article = await t.content.articles.create(editor, {
        columnId: jswm.id,
        title: '标题',
        bodyHtml: '<p style="text-indent:2em" onmouseover="x()">正文<img src="x" onerror="alert(1)"></p>',
      })
      expect(article.bodyHtml).not.toMatch(/onmouseover|onerror/)
      expect(article.bodyHtml).toContain('text-indent:2em')
    })

    it('refuses a publish time that is not a time, naming the field', async () => {
      const jswm = await column()
      await expect(
        t.content.articles.create(editor, {
          columnId: jswm.id,
          title: '标题',
          publishAt: '2017-13-14 16:44',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'publishAt' })
    })

    it('checks custom fields against the column schema', async () => {
      const ywsl = await column('ywsl', {
        fieldSchema: [
          { name: 'deadline', label: '办理时限', type: 'number', isRequired: true },
          { name: 'channel', label: '受理渠道', type: 'select', options: ['窗口', '网上'] },
        ],
      })
      await expect(
        t.content.articles.create(editor, { columnId: ywsl.id, title: '计量器具检定' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'customFields.deadline',
      })
      await expect(
        t.content.articles.create(editor, {
          columnId: ywsl.id,
          title: '计量器具检定',
          customFields: { deadline: 5, channel: '邮寄' },
        }),
      ).rejects.toMatchObject({ field: 'customFields.channel' })
      const ok = await t.content.articles.create(editor, {
        columnId: ywsl.id,
        title: '计量器具检定',
        customFields: { deadline: 5, channel: '网上' },
      })
      expect(ok.customFields).toEqual({ deadline: 5, channel: '网上' })
    })

    it('lists an article in the further columns it is quoted into (引用)', async () => {
      const home = await column('djdt')
      const other = await column('jswm')
      const article = await t.content.articles.create(editor, {
        columnId: home.id,
        alsoInColumnIds: [other.id],
        title: '引用',
      })
      expect(article.alsoInColumnIds).toEqual([other.id])
      const listed = await t.content.articles.list({ site: 'simt', columnId: other.id })
      expect(listed.items.map((a) => a.id)).toEqual([article.id])
    })

    it('lists pinned articles first, then newest first', async () => {
      const c = await column()
      await t.content.articles.create(editor, { columnId: c.id, title: '旧', publishAt: '2020-01-01 09:00' })
      await t.content.articles.create(editor, { columnId: c.id, title: '新', publishAt: '2024-01-01 09:00' })
      await t.content.articles.create(editor, {
        columnId: c.id,
        title: '置顶',
        publishAt: '2019-01-01 09:00',
        weight: 5,
      })
      const listed = await t.content.articles.list({ site: t.site.id, columnId: c.id })
      expect(listed.items.map((a) => a.title)).toEqual(['置顶', '新', '旧'])
      expect(listed.total).toBe(3)
    })

    it('finds articles by words of the title, treating % literally', async () => {
      const c = await column()
      await t.content.articles.create(editor, { columnId: c.id, title: '合格率达到100%' })
      await t.content.articles.create(editor, { columnId: c.id, title: '合格率达到1000' })
      const found = await t.content.articles.list({ site: 'simt', text: '100%' })
      expect(found.items.map((a) => a.title)).toEqual(['合格率达到100%'])
    })

    describe('revisions', () => {
      it('refuses a save based on a stale revision, and both versions survive', async () => {
        const c = await column()
        const created = await t.content.articles.create(editor, {
          columnId: c.id,
          title: '初稿',
          bodyHtml: '<p>一</p>',
        })
        await t.content.articles.update(editor, created.id, { baseRevision: 1, title: '张编辑的修改' })
        const stale = t.content.articles.update(reviewer, created.id, {
          baseRevision: 1,
          title: '李审核的修改',
        })
        await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT', latest: 2 })
        const current = await t.content.articles.get(created.id)
        expect(current.title).toBe('张编辑的修改')
        expect((await t.content.articles.revision(created.id, 1)).title).toBe('初稿')
        expect(await t.content.articles.revisions(created.id)).toHaveLength(2)
      })

      it('lets exactly one of two simultaneous saves of the same revision through', async () => {
        const c = await column()
        const created = await t.content.articles.create(editor, { columnId: c.id, title: '初稿' })
        const results = await Promise.allSettled([
          t.content.articles.update(editor, created.id, { baseRevision: 1, title: 'A' }),
          t.content.articles.update(reviewer, created.id, { baseRevision: 1, title: 'B' }),
        ])
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
        const rejected = results.find((r) => r.status === 'rejected')
        expect(rejected?.status === 'rejected' && rejected.reason.code).toBe('VERSION_CONFLICT')
        expect((await t.content.articles.get(created.id)).revision).toBe(2)
      })

      it('records who saved each revision and when', async () => {
        const c = await column()
        const created = await t.content.articles.create(editor, { columnId: c.id, title: '初稿' })
        t.clock.now = new Date('2026-11-28T02:00:00.000Z')
        await t.content.articles.update(reviewer, created.id, { baseRevision: 1, subtitle: '副标题' })
        const history = await t.content.articles.revisions(created.id)
        expect(history).toEqual([
          { revision: 2, actor: '李审核 (u-9)', actorName: '李审核', createdAt: '2026-11-28T02:00:00.000Z' },
          { revision: 1, actor: '张编辑 (u-7)', actorName: '张编辑', createdAt: '2026-11-27T08:00:00.000Z' },
        ])
      })

      it('diffs two revisions field by field and the body as text', async () => {
        const c = await column()
        const created = await t.content.articles.create(editor, {
          columnId: c.id,
          title: '计量检定通知',
          bodyHtml: '<p>本院将于下周一开展计量检定工作。</p><p>请各单位做好准备。</p>',
        })
        await t.content.articles.update(editor, created.id, {
          baseRevision: 1,
          title: '计量检定工作通知',
          bodyHtml: '<p>本院将于下周三开展计量检定工作。</p><p>请各单位做好准备。</p>',
        })
        const diff = await t.content.articles.diff(created.id, 1, 2)
        expect(diff.fields.map((f) => f.field).sort()).toEqual(['bodyHtml', 'title'])
        expect(diff.fields.find((f) => f.field === 'title')).toMatchObject({
          before: '计量检定通知',
          after: '计量检定工作通知',
        })
        expect(
          diff.body
            .filter((p) => p.kind === 'removed')
            .map((p) => p.text)
            .join(''),
        ).toContain('一')
        expect(
          diff.body
            .filter((p) => p.kind === 'added')
            .map((p) => p.text)
            .join(''),
        ).toContain('三')
        expect(
          diff.body
            .filter((p) => p.kind === 'same')
            .map((p) => p.text)
            .join(''),
        ).toContain('请各单位做好准备')
      })

      it('restores an old revision as a new one, keeping the history', async () => {
        const c = await column()
        const created = await t.content.articles.create(editor, { columnId: c.id, title: '第一版' })
        await t.content.articles.update(editor, created.id, { baseRevision: 1, title: '第二版' })
        const restored = await t.content.articles.restoreRevision(editor, created.id, 1, 2)
        expect(restored).toMatchObject({ title: '第一版', revision: 3 })
        await expect(t.content.articles.restoreRevision(editor, created.id, 1, 2)).rejects.toMatchObject({
          code: 'VERSION_CONFLICT',
        })
      })
    })

    describe('government disclosure', () => {
      const disclosure = { topicCategory: '综合政务', issuingAgency: '上海市计量测试技术研究院' }

      it('assigns 索引号 as <org code>/<year>-<serial> in a disclosure column', async () => {
        const gk = await column('gzzd', { isDisclosure: true })
        const a = await t.content.articles.create(editor, {
          columnId: gk.id,
          title: '制度一',
          publishAt: '2024-03-01 10:00',
          disclosure,
        })
        const b = await t.content.articles.create(editor, {
          columnId: gk.id,
          title: '制度二',
          publishAt: '2024-05-01 10:00',
          disclosure,
        })
        expect(a.disclosure?.indexNo).toBe('42500000X/2024-00001')
        expect(b.disclosure?.indexNo).toBe('42500000X/2024-00002')
      })

      it('keeps the 索引号 when the article is edited', async () => {
        const gk = await column('gzzd', { isDisclosure: true })
        const a = await t.content.articles.create(editor, { columnId: gk.id, title: '制度', disclosure })
        const edited = await t.content.articles.update(editor, a.id, {
          baseRevision: 1,
          disclosure: { ...disclosure, documentNo: '沪计测院〔2026〕3号' },
        })
        expect(edited.disclosure).toMatchObject({
          indexNo: a.disclosure?.indexNo,
          documentNo: '沪计测院〔2026〕3号',
        })
      })

      it('requires the disclosure fields in a disclosure column', async () => {
        const gk = await column('gzzd', { isDisclosure: true })
        await expect(
          t.content.articles.create(editor, { columnId: gk.id, title: '制度' }),
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          field: 'disclosure',
        })
      })

      it('hands out unique serials to 20 articles created at once', async () => {
        const gk = await column('gzzd', { isDisclosure: true })
        const created = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            t.content.articles.create(
              { ...editor, id: `u-${i}` },
              { columnId: gk.id, title: `同时创建 ${i}`, disclosure },
            ),
          ),
        )
        const numbers = created.map((a) => a.disclosure?.indexNo)
        expect(new Set(numbers).size).toBe(20)
        expect(numbers.map((n) => Number(n?.split('-')[1])).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 20 }, (_, i) => i + 1),
        )
      })
    })

    describe('one transaction per call', () => {
      it('leaves no partial rows, no change row and no drawn serial when a save fails after writing', async () => {
        const disclosure = { topicCategory: '综合政务', issuingAgency: '院办' }
        const c = await column('gzzd', { isDisclosure: true })
        const published = await t.content.articles.create(editor, {
          columnId: c.id,
          title: '已发布',
          disclosure,
        })
        await t.content.articles.publish(editor, published.id)
        const snapshot = async () => ({
          articles: await countRows(t.store, 'articles'),
          revisions: await countRows(t.store, 'article_revisions'),
          changes: await countRows(t.store, 'changes'),
          quotes: await countRows(t.store, 'article_columns'),
          serial: (await t.store.db.selectFrom('disclosure_serials').select('last_serial').executeTakeFirst())
            ?.last_serial,
          title: (await t.content.articles.get(published.id)).title,
        })
        const before = await snapshot()
        // The revision is the last row a save writes: failing there means everything else was written first.
        await failRevisionInserts()
        await expect(
          t.content.articles.create(editor, {
            columnId: c.id,
            alsoInColumnIds: [],
            title: '失败',
            disclosure,
          }),
        ).rejects.toThrow(/injected failure/)
        await expect(
          t.content.articles.update(editor, published.id, { baseRevision: 1, title: '改' }),
        ).rejects.toThrow(/injected failure/)
        expect(await snapshot()).toEqual(before)
        await allowRevisionInserts()
        const next = await t.content.articles.create(editor, { columnId: c.id, title: '下一篇', disclosure })
        expect(next.disclosure?.indexNo).toBe('42500000X/2026-00002')
      })

      async function failRevisionInserts() {
        if (engine.name === 'postgres') {
          await sql`create function fail_revision() returns trigger language plpgsql as $$
            begin raise exception 'injected failure'; end $$`.execute(t.store.db)
          await sql`create trigger fail_revision before insert on article_revisions
            for each row execute function fail_revision()`.execute(t.store.db)
        } else {
          await sql`create trigger fail_revision before insert on article_revisions
            begin select raise(abort, 'injected failure'); end`.execute(t.store.db)
        }
      }

      async function allowRevisionInserts() {
        await sql`drop trigger fail_revision${engine.name === 'postgres' ? sql` on article_revisions` : sql``}`.execute(
          t.store.db,
        )
      }

      it('refuses text the database cannot hold, naming the field', async () => {
        const c = await column()
        await expect(
          t.content.articles.create(editor, { columnId: c.id, title: 'a\0b' }),
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          field: 'title',
        })
        await expect(
          t.content.articles.create(editor, { columnId: c.id, title: 't', keywords: ['\ud800'] }),
        ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'keywords.0' })
      })

      it('never leaves a live article in a column deleted at the same moment', async () => {
        for (let round = 0; round < 8; round++) {
          const c = await column(`race${round}`)
          await Promise.allSettled([
            t.content.columns.delete(editor, c.id),
            t.content.articles.create(editor, { columnId: c.id, title: `竞争 ${round}` }),
          ])
          const columnRow = await t.store.db
            .selectFrom('columns')
            .select('deleted_at')
            .where('id', '=', c.id)
            .executeTakeFirstOrThrow()
          const live = await t.content.articles.list({ site: t.site.id, columnId: c.id })
          expect(columnRow.deleted_at !== null && live.total > 0).toBe(false)
        }
      })

      it('writes a change row with every change to a published article, in its transaction', async () => {
        const c = await column()
        const a = await t.content.articles.create(editor, { columnId: c.id, title: '草稿' })
        const changesOfArticles = async () =>
          (
            await t.store.db
              .selectFrom('changes')
              .select(['entity', 'entity_id', 'action'])
              .where('entity', '=', 'article')
              .execute()
          ).map((r) => `${r.action}:${r.entity_id}`)
        expect(await changesOfArticles()).toEqual([])
        await t.content.articles.publish(editor, a.id)
        await t.content.articles.update(editor, a.id, { baseRevision: 1, title: '已改' })
        await t.content.articles.withdraw(editor, a.id, '内容有误')
        expect(await changesOfArticles()).toEqual([`publish:${a.id}`, `update:${a.id}`, `withdraw:${a.id}`])
      })
    })

    describe('publishing and withdrawing', () => {
      it('keeps the first publication time and the given publish time', async () => {
        const c = await column()
        const a = await t.content.articles.create(editor, {
          columnId: c.id,
          title: '旧闻',
          publishAt: '2017-12-14 16:44',
        })
        const published = await t.content.articles.publish(editor, a.id)
        expect(published).toMatchObject({
          status: 'published',
          publishAt: '2017-12-14T08:44:00.000Z',
          firstPublishedAt: '2026-11-27T08:00:00.000Z',
        })
      })

      it('requires a reason to withdraw (撤稿)', async () => {
        const c = await column()
        const a = await t.content.articles.create(editor, { columnId: c.id, title: '稿件' })
        await t.content.articles.publish(editor, a.id)
        await expect(t.content.articles.withdraw(editor, a.id, '  ')).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
        })
        expect((await t.content.articles.withdraw(editor, a.id, '信息有误')).status).toBe('withdrawn')
      })
    })

    describe('the recycle bin', () => {
      it('deletes softly and restores', async () => {
        const c = await column()
        const a = await t.content.articles.create(editor, { columnId: c.id, title: '误删' })
        await t.content.articles.delete(editor, a.id)
        await expect(t.content.articles.get(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
        const bin = await t.content.articles.list({ site: 'simt', isDeleted: true })
        expect(bin.items.map((x) => [x.title, x.deletedBy])).toEqual([['误删', '张编辑']])
        expect((await t.content.articles.restore(editor, a.id)).deletedAt).toBeNull()
      })

      it('purges only what has been in the bin longer than the retention', async () => {
        const c = await column()
        const old = await t.content.articles.create(editor, { columnId: c.id, title: '早删' })
        const recent = await t.content.articles.create(editor, { columnId: c.id, title: '近删' })
        await t.content.articles.delete(editor, old.id)
        t.clock.now = new Date('2026-12-20T08:00:00.000Z')
        await t.content.articles.delete(editor, recent.id)
        t.clock.now = new Date('2027-01-05T08:00:00.000Z')
        const result = await t.content.recycleBin.purge(editor, { olderThanDays: 30 })
        expect(result.articles).toBe(1)
        await expect(t.content.articles.restore(editor, old.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
        expect((await t.content.articles.restore(editor, recent.id)).title).toBe('近删')
      })

      it('refuses to restore an article whose column is gone', async () => {
        const c = await column()
        const a = await t.content.articles.create(editor, { columnId: c.id, title: '孤儿' })
        await t.content.articles.delete(editor, a.id)
        await t.content.columns.delete(editor, c.id)
        await expect(t.content.articles.restore(editor, a.id)).rejects.toMatchObject({
          code: 'INVALID_STATE',
        })
      })
    })
  })
}
