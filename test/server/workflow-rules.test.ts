import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

async function siteWith(t: AdminServer, reviewLevels: number) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计测院',
    baseUrl: 'https://simt.example.gov.cn',
  })
  const column = await t.content.columns.create(operator, {
    siteId: site.id,
    name: '要闻',
    slug: 'news',
    reviewLevels,
  })
  return { site, column }
}

async function publishedHtml(folder: string): Promise<string> {
  let html = ''
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html'))
      html += await readFile(join(entry.parentPath, entry.name), 'utf8')
  }
  return html
}

for (const engine of engines()) {
  describe(`${engine.name}: review cannot be bypassed`, () => {
    const t = useAdminServer(engine)

    it('keeps an editor from changing a reviewed, published article in place', async () => {
      const { site, column } = await siteWith(t, 2)
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      await t.addUser('chushen', [{ role: 'reviewer', siteId: site.id, reviewLevel: 1 }])
      await t.addUser('fushen', [{ role: 'reviewer', siteId: site.id, reviewLevel: 2 }])
      const editor = await t.signedIn('bianji')
      const draft = (await editor.post('/api/articles', { columnId: column.id, title: '经审核的标题' })).body
      await editor.post(`/api/articles/${draft.id}/submit`)
      await (await t.signedIn('chushen')).post(`/api/articles/${draft.id}/approve`, { level: 1 })
      const published = await (await t.signedIn('fushen')).post(`/api/articles/${draft.id}/approve`, {
        level: 2,
      })
      expect(published.body.status).toBe('published')
      const edit = await editor.patch(`/api/articles/${draft.id}`, {
        baseRevision: published.body.revision,
        title: '未经审核的标题',
      })
      expect(edit.status).toBe(403)
      expect(edit.body.error.code).toBe('FORBIDDEN')
      await t.queue.runPending()
      const html = await publishedHtml(t.output)
      expect(html).toContain('经审核的标题')
      expect(html).not.toContain('未经审核的标题')
      // The way that is open: withdraw, change, submit again.
      await editor.post(`/api/articles/${draft.id}/withdraw`, { reason: '更正标题' })
      const fixed = await editor.patch(`/api/articles/${draft.id}`, {
        baseRevision: published.body.revision,
        title: '更正后的标题',
      })
      expect(fixed.status).toBe(200)
      expect((await editor.post(`/api/articles/${draft.id}/submit`)).body.status).toBe('submitted')
    })

    it('keeps an editor from changing an approved, scheduled article before it goes out', async () => {
      const { site, column } = await siteWith(t, 1)
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      await t.addUser('shenhe', [{ role: 'reviewer', siteId: site.id }])
      const editor = await t.signedIn('bianji')
      const draft = (
        await editor.post('/api/articles', {
          columnId: column.id,
          title: '审过的',
          publishAt: '2099-01-01 09:00',
        })
      ).body
      await editor.post(`/api/articles/${draft.id}/submit`)
      const approved = await (await t.signedIn('shenhe')).post(`/api/articles/${draft.id}/approve`, {
        level: 1,
      })
      expect(approved.body.status).toBe('scheduled')
      const edit = await editor.patch(`/api/articles/${draft.id}`, {
        baseRevision: approved.body.revision,
        title: '没审过的',
      })
      expect(edit.body.error.code).toBe('FORBIDDEN')
      expect((await t.content.articles.get(draft.id)).title).toBe('审过的')
    })

    it('lets no one approve what they submitted themselves', async () => {
      const { site, column } = await siteWith(t, 3)
      await t.addUser('solo', [
        { role: 'editor', siteId: site.id },
        { role: 'reviewer', siteId: site.id },
      ])
      const solo = await t.signedIn('solo')
      const draft = (await solo.post('/api/articles', { columnId: column.id, title: '自审自发' })).body
      await solo.post(`/api/articles/${draft.id}/submit`)
      const answers = []
      for (const level of [1, 2, 3])
        answers.push((await solo.post(`/api/articles/${draft.id}/approve`, { level })).status)
      expect(answers).toEqual([403, 409, 409])
      expect((await t.content.articles.get(draft.id)).status).toBe('submitted')
    })

    it('checks a restored revision’s columns and publish time as it checks a save', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://s.example.cn',
      })
      const mine = await t.content.columns.create(operator, {
        siteId: site.id,
        name: '编辑栏目',
        slug: 'mine',
      })
      const home = await t.content.columns.create(operator, {
        siteId: site.id,
        name: '首页要闻',
        slug: 'home',
      })
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id, columnId: mine.id }])
      const draft = await t.content.articles.create(operator, { columnId: mine.id, title: '引用测试' })
      await t.content.articles.update(operator, draft.id, {
        baseRevision: 1,
        alsoInColumnIds: [home.id],
        publishAt: '2017-12-14 16:44',
      })
      await t.content.articles.update(operator, draft.id, {
        baseRevision: 2,
        alsoInColumnIds: [],
        publishAt: null,
      })
      const editor = await t.signedIn('bianji')
      const direct = await editor.patch(`/api/articles/${draft.id}`, {
        baseRevision: 3,
        alsoInColumnIds: [home.id],
      })
      const viaRestore = await editor.post(`/api/articles/${draft.id}/revisions/2/restore`, {
        baseRevision: 3,
      })
      expect([direct.status, viaRestore.status]).toEqual([403, 403])
      expect((await t.content.articles.get(draft.id)).revision).toBe(3)
    })
  })
}
