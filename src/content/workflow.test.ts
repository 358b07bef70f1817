import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import type { Actor } from './actor.ts'

const reviewer: Actor = { id: 'u-9', name: '李审核', address: '192.0.2.9' }
const second: Actor = { id: 'u-10', name: '王复审', address: '192.0.2.10' }
const third: Actor = { id: 'u-11', name: '赵终审', address: '192.0.2.11' }
const system: Actor = { id: 'system', name: 'system', address: '' }

for (const engine of engines()) {
  describe(`${engine.name}: the editorial workflow`, () => {
    const t = useContent(engine)

    async function draftIn(reviewLevels: number, extra: Record<string, unknown> = {}) {
      const column = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: `审核${reviewLevels}级`,
        slug: `review-${reviewLevels}`,
        reviewLevels,
      })
      return t.content.articles.create(editor, {
        columnId: column.id,
        title: '关于开展计量宣传周的通知',
        ...extra,
      })
    }

    async function pendingChanges() {
      const rows = await t.store.db
        .selectFrom('changes')
        .select('action')
        .where('entity', '=', 'article')
        .execute()
      return rows.map((row) => row.action)
    }

    it('publishes on submit in a column without review', async () => {
      const draft = await draftIn(0)
      const submitted = await t.content.articles.submit(editor, draft.id)
      expect(submitted.status).toBe('published')
      expect(submitted.firstPublishedAt).toBe('2026-11-27T08:00:00.000Z')
      expect(await pendingChanges()).toEqual(['publish'])
    })

    it('passes each of three review levels in turn before publishing', async () => {
      const draft = await draftIn(3)
      expect((await t.content.articles.submit(editor, draft.id)).status).toBe('submitted')
      expect((await t.content.articles.approve(reviewer, draft.id, 1)).reviewStage).toBe(1)
      expect((await t.content.articles.approve(second, draft.id, 2)).status).toBe('submitted')
      expect(await pendingChanges()).toEqual([])
      const published = await t.content.articles.approve(third, draft.id, 3)
      expect(published.status).toBe('published')
      expect(await pendingChanges()).toEqual(['publish'])
    })

    it('lets no one approve what they submitted, nor pass two levels of one review', async () => {
      const draft = await draftIn(2)
      await t.content.articles.submit(editor, draft.id)
      await expect(t.content.articles.approve(editor, draft.id, 1)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      await t.content.articles.approve(reviewer, draft.id, 1)
      await expect(t.content.articles.approve(reviewer, draft.id, 2)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      expect((await t.content.articles.get(draft.id)).reviewStage).toBe(1)
      expect((await t.content.articles.approve(second, draft.id, 2)).status).toBe('published')
    })

    it('asks for the review of the most demanding column an article also appears in', async () => {
      const quiet = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '无审核',
        slug: 'quiet',
      })
      const strict = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '首页要闻',
        slug: 'strict',
        reviewLevels: 1,
      })
      const draft = await t.content.articles.create(editor, {
        columnId: quiet.id,
        alsoInColumnIds: [strict.id],
        title: '引用到首页的文章',
      })
      expect((await t.content.articles.submit(editor, draft.id)).status).toBe('submitted')
    })

    it('shows the real time of publication when the chosen time passed during review', async () => {
      const draft = await draftIn(1, { publishAt: '2026-11-27 16:30' })
      await t.content.articles.submit(editor, draft.id)
      t.clock.now = new Date('2026-11-28T02:00:00.000Z')
      const published = await t.content.articles.approve(reviewer, draft.id, 1)
      expect(published).toMatchObject({ status: 'published', publishAt: '2026-11-28T02:00:00.000Z' })
    })

    it('refuses an approval at a level the article is not waiting for', async () => {
      const draft = await draftIn(2)
      await t.content.articles.submit(editor, draft.id)
      await t.content.articles.approve(reviewer, draft.id, 1)
      await expect(t.content.articles.approve(second, draft.id, 1)).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })
      expect((await t.content.articles.get(draft.id)).reviewStage).toBe(1)
    })

    it('returns a rejected article to its author with the comment, and review starts over', async () => {
      const draft = await draftIn(2)
      await t.content.articles.submit(editor, draft.id)
      await t.content.articles.approve(reviewer, draft.id, 1)
      const rejected = await t.content.articles.reject(reviewer, draft.id, '请补充活动时间')
      expect(rejected).toMatchObject({ status: 'rejected', reviewComment: '请补充活动时间', reviewStage: 0 })
      await expect(t.content.articles.reject(reviewer, draft.id, '再退一次')).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })
      const resubmitted = await t.content.articles.submit(editor, draft.id)
      expect(resubmitted).toMatchObject({ status: 'submitted', reviewStage: 0 })
      await expect(t.content.articles.approve(reviewer, draft.id, 2)).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })
    })

    it('refuses a rejection without a comment', async () => {
      const draft = await draftIn(1)
      await t.content.articles.submit(editor, draft.id)
      await expect(t.content.articles.reject(reviewer, draft.id, '  ')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'comment',
      })
      expect((await t.content.articles.get(draft.id)).status).toBe('submitted')
    })

    it('schedules an approved article whose publish time lies ahead and publishes it when due', async () => {
      const draft = await draftIn(1, { publishAt: '2026-11-28 09:30' })
      await t.content.articles.submit(editor, draft.id)
      const approved = await t.content.articles.approve(reviewer, draft.id, 1)
      expect(approved.status).toBe('scheduled')
      expect(await t.content.articles.runDue(system)).toEqual({ published: [], withdrawn: [], unpinned: [] })
      t.clock.now = new Date('2026-11-28T01:30:00.000Z')
      expect(await t.content.articles.runDue(system)).toEqual({
        published: [draft.id],
        withdrawn: [],
        unpinned: [],
      })
      const published = await t.content.articles.get(draft.id)
      expect(published).toMatchObject({ status: 'published', publishAt: '2026-11-28T01:30:00.000Z' })
      expect(await t.content.articles.runDue(system)).toEqual({ published: [], withdrawn: [], unpinned: [] })
    })

    it('withdraws a published article at its scheduled time', async () => {
      const draft = await draftIn(0)
      await t.content.articles.submit(editor, draft.id)
      await t.content.articles.scheduleUnpublish(editor, draft.id, '2026-12-01 00:00')
      t.clock.now = new Date('2026-12-01T00:00:00.000Z')
      expect(await t.content.articles.runDue(system)).toEqual({
        published: [],
        withdrawn: [draft.id],
        unpinned: [],
      })
      expect(await t.content.articles.get(draft.id)).toMatchObject({ status: 'withdrawn', unpublishAt: null })
      expect(await pendingChanges()).toEqual(['publish', 'withdraw'])
    })

    it('refuses a withdrawal time in the past', async () => {
      const draft = await draftIn(0)
      await expect(
        t.content.articles.scheduleUnpublish(editor, draft.id, '2020-01-01 00:00'),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'unpublishAt',
      })
    })

    it('records each step in the audit log, and back-dating with both times', async () => {
      const draft = await draftIn(1)
      await t.content.articles.submit(editor, draft.id)
      await t.content.articles.reject(reviewer, draft.id, '标题有误')
      await t.content.articles.update(editor, draft.id, { baseRevision: 1, publishAt: '2017-12-14 16:44' })
      const records = await t.content.audit.list({ limit: 10 })
      const actions = records.map((record) => record.action)
      expect(actions).toEqual(expect.arrayContaining(['article.submit', 'article.reject', 'article.update']))
      const update = records.find((record) => record.action === 'article.update')
      expect(update?.detail).toMatchObject({
        backdatedTo: '2017-12-14T08:44:00.000Z',
        previousPublishAt: null,
      })
      const reject = records.find((record) => record.action === 'article.reject')
      expect(reject?.detail).toMatchObject({ comment: '标题有误', level: 1 })
    })
  })
}
