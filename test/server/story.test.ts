import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { type ApiClient, PASSWORD, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const EDITOR_PASSWORD = 'Wenzhang#2026x'

/** A one-page PDF, enough for a content check. */
function smallPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  )
}

async function upload(client: ApiClient, site: string, name: string, bytes: Buffer, type: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  return client.request('POST', `/api/sites/${site}/uploads`, form)
}

for (const engine of engines()) {
  describe(`${engine.name}: the editorial story over HTTP`, () => {
    const t = useAdminServer(engine)

    it('takes an article from a new site through rejection and approval to the published site, and off it again', async () => {
      // The administrator sets up a site with one reviewed column, an editor and a reviewer.
      await t.addUser('admin', [{ role: 'admin' }])
      const admin = await t.signedIn('admin')
      const site = await admin.post('/api/sites', {
        slug: 'simt',
        name: '上海市计量测试技术研究院',
        baseUrl: 'https://www.simt.com.cn',
      })
      expect(site.status).toBe(201)
      const column = await admin.post('/api/columns', {
        siteId: site.body.id,
        name: '通知公告',
        slug: 'tzgg',
        reviewLevels: 1,
      })
      expect(column.status, JSON.stringify(column.body)).toBe(201)
      const editorUser = await admin.post('/api/users', {
        userName: 'bianji',
        displayName: '张编辑',
        password: PASSWORD,
      })
      const reviewerUser = await admin.post('/api/users', {
        userName: 'shenhe',
        displayName: '李审核',
        password: PASSWORD,
        mustChangePassword: false,
      })
      expect([editorUser.status, reviewerUser.status]).toEqual([201, 201])
      const grants = [
        await admin.post(`/api/users/${editorUser.body.id}/grants`, { role: 'editor', siteId: site.body.id }),
        await admin.post(`/api/users/${reviewerUser.body.id}/grants`, {
          role: 'reviewer',
          siteId: site.body.id,
          columnId: column.body.id,
          reviewLevel: 1,
        }),
      ]
      expect(grants.map((grant) => grant.status)).toEqual([201, 201])

      // The editor signs in, must first replace the password the administrator chose.
      const editor = t.client()
      expect((await editor.signIn('bianji')).body.mustChangePassword).toBe(true)
      expect((await editor.get('/api/sites')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
      const changed = await editor.post('/api/session/password', {
        currentPassword: PASSWORD,
        newPassword: EDITOR_PASSWORD,
      })
      expect(changed.status, JSON.stringify(changed.body)).toBe(204)
      expect((await editor.get('/api/sites')).status).toBe(200)

      // … writes an article with an image and a PDF attachment, and submits it.
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
        .png()
        .toBuffer()
      const image = await upload(editor, 'simt', '计量宣传周.png', png, 'image/png')
      const pdf = await upload(editor, 'simt', '关于开展计量宣传周的通知.pdf', smallPdf(), 'application/pdf')
      expect([image.status, pdf.status], JSON.stringify([image.body, pdf.body])).toEqual([201, 201])
      expect(pdf.body.name).toBe('关于开展计量宣传周的通知.pdf')
      const draft = await editor.post('/api/articles', {
        columnId: column.body.id,
        title: '关于开展2026年计量宣传周活动的通知',
        bodyHtml: `<p>各部门：</p><p><img src="${image.body.url}" alt="宣传周海报"></p>`,
        attachments: [
          { name: pdf.body.name, url: pdf.body.url, size: pdf.body.size, mimeType: pdf.body.mimeType },
        ],
      })
      expect(draft.status, JSON.stringify(draft.body)).toBe(201)
      const id = draft.body.id
      expect((await editor.post(`/api/articles/${id}/submit`)).body.status).toBe('submitted')

      // The reviewer rejects it with a comment; the editor fixes it and submits again.
      const reviewer = await t.signedIn('shenhe')
      const rejected = await reviewer.post(`/api/articles/${id}/reject`, { comment: '请补充活动时间' })
      expect(rejected.body).toMatchObject({ status: 'rejected', reviewComment: '请补充活动时间' })
      const fixed = await editor.patch(`/api/articles/${id}`, {
        baseRevision: 1,
        bodyHtml: `<p>各部门：活动时间为5月20日。</p><p><img src="${image.body.url}" alt="宣传周海报"></p>`,
      })
      expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
      expect((await editor.post(`/api/articles/${id}/submit`)).body.status).toBe('submitted')
      const approved = await reviewer.post(`/api/articles/${id}/approve`, { level: 1 })
      expect(approved.body.status, JSON.stringify(approved.body)).toBe('published')

      // The page appears in the output with its image and attachment.
      await t.queue.runPending()
      const published = (await editor.get(`/api/articles/${id}`)).body
      const root = join(t.output, 'sites', 'simt')
      const page = await readFile(join(root, published.urlPath), 'utf8')
      expect(page).toContain('关于开展2026年计量宣传周活动的通知')
      expect(page).toContain('活动时间为5月20日')
      expect(page).toContain(`src="${image.body.url}"`)
      expect(page).toContain(`href="${pdf.body.url}"`)
      expect(existsSync(join(root, image.body.url))).toBe(true)
      expect(existsSync(join(root, pdf.body.url))).toBe(true)
      expect(await readFile(join(root, 'tzgg/index.html'), 'utf8')).toContain(
        '关于开展2026年计量宣传周活动的通知',
      )

      // The editor withdraws it: the page is gone from the output and from its list.
      const withdrawn = await editor.post(`/api/articles/${id}/withdraw`, { reason: '活动延期' })
      expect(withdrawn.body.status).toBe('withdrawn')
      await t.queue.runPending()
      expect(existsSync(join(root, published.urlPath))).toBe(false)
      expect(await readFile(join(root, 'tzgg/index.html'), 'utf8')).not.toContain(
        '关于开展2026年计量宣传周活动的通知',
      )

      // Every step is in the audit log, as the audit administrator reads it.
      await t.addUser('auditor', [{ role: 'audit_admin' }])
      const auditor = await t.signedIn('auditor')
      const actions = (await auditor.get('/api/audit?limit=200')).body.items.map(
        (r: { action: string }) => r.action,
      )
      for (const action of [
        'article.create',
        'article.submit',
        'article.reject',
        'article.approve',
        'article.withdraw',
        'upload.create',
      ]) {
        expect(actions).toContain(action)
      }
    })
  })
}
