import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

async function newsroom(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计测院',
    baseUrl: 'https://simt.example.gov.cn',
  })
  const column = await t.content.columns.create(operator, {
    siteId: site.id,
    name: '要闻',
    slug: 'news',
    reviewLevels: 1,
  })
  await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
  await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
  await t.addUser('shenhe', [{ role: 'reviewer', siteId: site.id }])
  const admin = await t.signedIn('guanli')
  for (const entry of [
    { word: '台湾国', kind: 'political', level: 'block', suggestion: '台湾地区' },
    { word: '最佳', kind: 'advertising', level: 'warn' },
    { word: '国务院办公厅', kind: 'protected', level: 'block' },
  ]) {
    expect((await admin.post(`/api/sites/${site.id}/words`, entry)).status).toBe(201)
  }
  return { site, column, admin, editor: await t.signedIn('bianji'), reviewer: await t.signedIn('shenhe') }
}

for (const engine of engines()) {
  describe(`${engine.name}: forbidden words before publication`, () => {
    const t = useAdminServer(engine)

    it('checks a draft without saving it and returns each hit with its place and suggestion', async () => {
      const { site, editor } = await newsroom(t)
      const checked = await editor.post(`/api/sites/${site.id}/words/check`, {
        title: '台 湾 国代表团来访',
        bodyHtml: '<p>国务院办公听发布<img src="/a.png" alt="最佳风景"></p>',
        attachments: [{ name: '台湾国.pdf', url: '/files/a.pdf' }],
      })
      expect(checked.status).toBe(200)
      expect(
        checked.body.hits.map((hit: Record<string, unknown>) => [
          hit.field,
          hit.found,
          hit.level,
          hit.suggestion,
        ]),
      ).toEqual([
        ['title', '台 湾 国', 'block', '台湾地区'],
        ['body', '国务院办公听', 'block', '国务院办公厅'],
        ['alt.0', '最佳', 'warn', null],
        ['attachments.0.name', '台湾国', 'block', '台湾地区'],
      ])
      expect((await editor.get('/api/articles?site=simt')).body.total).toBe(0)
    })

    it('returns the hits of every save as warnings with their places, and saves all the same', async () => {
      const { column, editor } = await newsroom(t)
      const created = await editor.post('/api/articles', {
        columnId: column.id,
        title: '台湾国代表团来访',
        subtitle: '效果最佳',
        bodyHtml: '<p>国务院办公听发布<img src="/a.png" alt="最佳风景"></p>',
      })
      expect(created.status).toBe(201)
      expect(created.body.status).toBe('draft')
      const hitsOf = (body: { wordingHits: Record<string, unknown>[] }) =>
        body.wordingHits.map((hit) => [hit.field, hit.start, hit.end, hit.found, hit.level, hit.suggestion])
      expect(hitsOf(created.body)).toEqual([
        ['title', 0, 3, '台湾国', 'block', '台湾地区'],
        ['subtitle', 2, 4, '最佳', 'warn', null],
        ['body', 0, 6, '国务院办公听', 'block', '国务院办公厅'],
        ['alt.0', 0, 2, '最佳', 'warn', null],
      ])
      const updated = await editor.patch(`/api/articles/${created.body.id}`, {
        baseRevision: created.body.revision,
        title: '代表团来访',
        summary: '台 湾 国',
        attachments: [{ name: '最佳方案.pdf', url: '/files/a.pdf' }],
      })
      expect(updated.status).toBe(200)
      expect(hitsOf(updated.body)).toEqual([
        ['subtitle', 2, 4, '最佳', 'warn', null],
        ['summary', 0, 5, '台 湾 国', 'block', '台湾地区'],
        ['body', 0, 6, '国务院办公听', 'block', '国务院办公厅'],
        ['alt.0', 0, 2, '最佳', 'warn', null],
        ['attachments.0.name', 0, 2, '最佳', 'warn', null],
      ])
      expect((await editor.get(`/api/articles/${created.body.id}`)).body.summary).toBe('台 湾 国')
    })

    it('refuses submit while a 禁用 word stands, listing the hits, and lets a reviewer override with an audited reason', async () => {
      const { column, editor, reviewer } = await newsroom(t)
      const draft = (
        await editor.post('/api/articles', {
          columnId: column.id,
          title: '台湾国代表团来访',
          bodyHtml: '<p>本次活动效果最佳。</p>',
        })
      ).body
      const refused = await editor.post(`/api/articles/${draft.id}/submit`)
      expect(refused.status).toBe(422)
      expect(refused.body.error.code).toBe('WORDING_BLOCKED')
      expect(refused.body.error.message).toContain('「台湾国」')
      expect(refused.body.error.hits).toEqual([
        { field: 'title', start: 0, end: 3, found: '台湾国', word: '台湾国', suggestion: '台湾地区' },
      ])
      const english = await editor.request(
        'POST',
        `/api/articles/${draft.id}/submit`,
        {},
        { 'accept-language': 'en' },
      )
      expect(english.body.error.message).toContain('forbidden word')
      // The editor may ask for an exception, which sends it to review: the reviewer decides.
      const asked = await editor.post(`/api/articles/${draft.id}/submit`, {
        overrideReason: '引用外交部原文',
      })
      expect(asked.body.status).toBe('submitted')
      const approved = await reviewer.post(`/api/articles/${draft.id}/approve`, { level: 1 })
      expect(approved.status).toBe(422)
      expect(approved.body.error.code).toBe('WORDING_BLOCKED')
      const passed = await reviewer.post(`/api/articles/${draft.id}/approve`, {
        level: 1,
        overrideReason: '引用外交部原文',
      })
      expect(passed.status).toBe(200)
      expect(passed.body.status).toBe('published')
      const records = await t.content.audit.list({ action: 'article.approve' })
      const success = records.find((record) => record.outcome === 'success')
      expect(success?.actor).toContain('shenhe')
      expect(success?.detail.wordingOverride).toEqual({
        reason: '引用外交部原文',
        hits: [{ field: 'title', start: 0, end: 3, found: '台湾国', word: '台湾国', suggestion: '台湾地区' }],
      })
      expect(records.some((record) => record.errorCode === 'WORDING_BLOCKED')).toBe(true)
    })

    it('keeps an editor from overriding where submitting publishes at once', async () => {
      const { site, editor } = await newsroom(t)
      const open = await t.content.columns.create(operator, { siteId: site.id, name: '动态', slug: 'dt' })
      const draft = (await editor.post('/api/articles', { columnId: open.id, title: '台湾国代表团来访' }))
        .body
      const waved = await editor.post(`/api/articles/${draft.id}/submit`, { overrideReason: '我觉得没问题' })
      expect(waved.status).toBe(403)
      expect((await editor.get(`/api/articles/${draft.id}`)).body.status).toBe('draft')
    })

    it('lets an article with only 提示 words through, and blocks direct publishing of a misspelt protected name', async () => {
      const { column, editor, admin } = await newsroom(t)
      const fine = (await editor.post('/api/articles', { columnId: column.id, title: '效果最佳的一次活动' }))
        .body
      expect((await editor.post(`/api/articles/${fine.id}/submit`)).body.status).toBe('submitted')
      const slip = (await admin.post('/api/articles', { columnId: column.id, title: '国务院办公听通知' }))
        .body
      const refused = await admin.post(`/api/articles/${slip.id}/publish`)
      expect(refused.body.error.code).toBe('WORDING_BLOCKED')
      expect(refused.body.error.hits[0]).toMatchObject({ found: '国务院办公听', suggestion: '国务院办公厅' })
    })

    it('lets only the site administrators change the lists', async () => {
      const { site, editor, admin } = await newsroom(t)
      const added = await editor.post(`/api/sites/${site.id}/words`, {
        word: '某词',
        kind: 'sensitive',
        level: 'block',
      })
      expect(added.status).toBe(403)
      expect((await editor.get(`/api/sites/${site.id}/words`)).body.items).toHaveLength(3)
      const imported = await admin.post(`/api/sites/${site.id}/words/import`, {
        entries: [
          { word: '某词', kind: 'sensitive', level: 'block' },
          { word: '最佳', kind: 'advertising', level: 'block' },
        ],
      })
      expect(imported.body).toEqual({ added: 1, updated: 1 })
      const bad = await admin.post(`/api/sites/${site.id}/words/import`, {
        entries: [
          { word: '好词', kind: 'sensitive', level: 'block' },
          { word: '', kind: 'x' },
        ],
      })
      expect(bad.status).toBe(422)
      const words = (await admin.get(`/api/sites/${site.id}/words`)).body.items.map(
        (e: { word: string }) => e.word,
      )
      expect(words).not.toContain('好词')
      expect((await admin.post(`/api/sites/${site.id}/words/remove`, { word: '某词' })).status).toBe(204)
      expect((await admin.get(`/api/sites/${site.id}/words`)).body.items).toHaveLength(3)
    })
  })
}
