import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { uploadResultSchema } from '../../src/server/article-response-schemas.ts'
import {
  type AdminServer,
  type ApiClient,
  type ApiResponse,
  useAdminServer,
} from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

async function siteWithColumns(t: AdminServer, slug: string) {
  const site = await t.content.sites.create(operator, {
    slug,
    name: `站点 ${slug}`,
    baseUrl: `https://${slug}.example.gov.cn`,
  })
  const news = await t.content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'news' })
  const notices = await t.content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'notices' })
  return { site, news, notices }
}

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

function upload(client: ApiClient, site: string, bytes: Buffer, fileName: string, query = '') {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName)
  return client.request('POST', `/api/sites/${site}/uploads${query}`, form)
}

/** A camera-sized photo: 4000 × 3000 with a gradient, so it is a real picture to scale. */
function photo(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3
      pixels[at] = (x * 255) / width
      pixels[at + 1] = (y * 255) / height
      pixels[at + 2] = 128
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 70 })
    .toBuffer()
}

async function lastAudit(t: AdminServer, action: string) {
  return t.store.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'error_code', 'actor', 'detail'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
}

for (const engine of engines()) {
  describe(`${engine.name}: the editor's tools over HTTP`, () => {
    const t = useAdminServer(engine)

    it('copies an article with its picture into a column of another site the editor may write in, as a draft recording its source', async () => {
      const home = await siteWithColumns(t, 'simt')
      const branch = await siteWithColumns(t, 'branch')
      await t.addUser('bianji', [
        { role: 'editor', siteId: home.site.id },
        { role: 'editor', siteId: branch.site.id, columnId: branch.notices.id },
      ])
      const editor = await t.signedIn('bianji')
      const picture = await upload(editor, 'simt', await photo(400, 300), '现场.jpg')
      expect(picture.status).toBe(201)
      const source = await editor.post('/api/articles', {
        columnId: home.news.id,
        title: '计量日活动',
        subtitle: '副题',
        bodyHtml: `<p>活动现场</p><p><img src="${picture.body.url}" alt="现场"></p>`,
        attachments: [{ name: '议程.jpg', url: picture.body.url }],
        weight: 3,
      })
      expect(source.status).toBe(201)

      const copied = await editor.post(`/api/articles/${source.body.id}/copy`, {
        columnId: branch.notices.id,
      })
      expect(copied.status, JSON.stringify(copied.body)).toBe(201)
      expect(copied.body).toMatchObject({
        siteId: branch.site.id,
        columnId: branch.notices.id,
        status: 'draft',
        title: '计量日活动',
        subtitle: '副题',
        bodyHtml: source.body.bodyHtml,
        attachments: source.body.attachments,
        copiedFromId: source.body.id,
        weight: 0,
        alsoInColumnIds: [],
      })
      expect(copied.body.id).not.toBe(source.body.id)
      // The picture the copy points to is now in the other site's uploads too.
      const stored = String(picture.body.url).replace('/uploads/', '')
      expect(existsSync(join(t.output, 'sites', 'branch', 'uploads', stored))).toBe(true)
      const audit = await lastAudit(t, 'article.copy')
      expect(audit).toMatchObject({ outcome: 'success', error_code: null })
      expect(JSON.parse(String(audit.detail))).toMatchObject({
        copyId: copied.body.id,
        fromSiteId: home.site.id,
        toSiteId: branch.site.id,
      })
    })

    it('refuses a copy into a column the editor may not write in (FORBIDDEN) or a site they cannot see (NOT_FOUND), audits both and makes nothing', async () => {
      const home = await siteWithColumns(t, 'simt')
      const branch = await siteWithColumns(t, 'branch')
      const hidden = await siteWithColumns(t, 'hidden')
      await t.addUser('bianji', [
        { role: 'editor', siteId: home.site.id },
        { role: 'editor', siteId: branch.site.id, columnId: branch.notices.id },
      ])
      const editor = await t.signedIn('bianji')
      const source = await editor.post('/api/articles', { columnId: home.news.id, title: '原稿' })
      const before = (await t.content.articles.list({ site: 'branch' })).total

      const forbidden = await editor.post(`/api/articles/${source.body.id}/copy`, {
        columnId: branch.news.id,
      })
      expectError(forbidden, 403, 'FORBIDDEN')
      expect(await lastAudit(t, 'article.copy')).toMatchObject({
        outcome: 'failure',
        error_code: 'FORBIDDEN',
        actor: expect.stringContaining('bianji'),
      })
      const unseen = await editor.post(`/api/articles/${source.body.id}/copy`, { columnId: hidden.news.id })
      expectError(unseen, 404, 'NOT_FOUND')
      expect(await lastAudit(t, 'article.copy')).toMatchObject({
        outcome: 'failure',
        error_code: 'NOT_FOUND',
      })
      expect((await t.content.articles.list({ site: 'branch' })).total).toBe(before)
      expect((await t.content.articles.list({ site: 'hidden' })).total).toBe(0)
    })

    it('strips a typed leading —— from the subtitle, which the theme prints itself', async () => {
      const { news } = await siteWithColumns(t, 'simt')
      await t.addUser('bianji', [{ role: 'editor', siteId: null }])
      const editor = await t.signedIn('bianji')
      const created = await editor.post('/api/articles', {
        columnId: news.id,
        title: '标题',
        subtitle: '——记计量院改革',
      })
      expect(created.body.subtitle).toBe('记计量院改革')
      const saved = await editor.patch(`/api/articles/${created.body.id}`, {
        baseRevision: created.body.revision,
        subtitle: '—— 又一个副题——完',
      })
      expect(saved.body.subtitle).toBe('又一个副题——完')
    })

    it('keeps a pinned article at the top of its column list until its pin ends, then lists it by date', async () => {
      const { news } = await siteWithColumns(t, 'simt')
      await t.addUser('admin', [{ role: 'site_admin', siteId: null }])
      const admin = await t.signedIn('admin')
      const older = await admin.post('/api/articles', {
        columnId: news.id,
        title: '置顶的旧文章',
        publishAt: '2020-01-01 09:00',
        weight: 5,
        pinnedUntil: '2030-06-30 18:00',
      })
      expect(older.body).toMatchObject({ weight: 5, pinnedUntil: '2030-06-30T10:00:00.000Z' })
      const newer = await admin.post('/api/articles', {
        columnId: news.id,
        title: '新文章',
        publishAt: '2020-02-01 09:00',
      })
      for (const article of [older, newer])
        expect((await admin.post(`/api/articles/${article.body.id}/publish`)).status).toBe(200)
      await t.publisher.publish({ site: 'simt' })
      const listPath = join(t.output, 'sites', 'simt', 'news', 'index.html')
      const order = async () => {
        const html = await readFile(listPath, 'utf8')
        return [html.indexOf('置顶的旧文章'), html.indexOf('新文章')]
      }
      const [pinnedAt, newerAt] = await order()
      expect(pinnedAt).toBeGreaterThan(-1)
      expect(pinnedAt).toBeLessThan(newerAt ?? 0)

      // The pin ends: moved into the past, then the due-run (as `fabu serve` runs it) lifts it.
      const latest = await admin.get(`/api/articles/${older.body.id}`)
      const moved = await admin.patch(`/api/articles/${older.body.id}`, {
        baseRevision: latest.body.revision,
        pinnedUntil: '2021-01-01 00:00',
      })
      expect(moved.status, JSON.stringify(moved.body)).toBe(200)
      const due = await t.content.articles.runDue(systemActor())
      expect(due.unpinned).toEqual([older.body.id])
      expect(await t.content.articles.get(older.body.id)).toMatchObject({ weight: 0, pinnedUntil: null })
      expect(await lastAudit(t, 'article.unpinScheduled')).toMatchObject({ outcome: 'success' })
      await t.publisher.publish({ site: 'simt' })
      const [unpinnedAt, newestAt] = await order()
      expect(newestAt).toBeLessThan(unpinnedAt ?? 0)
    })

    it('orders a column’s pinned articles by hand, and the published list shows them in that order', async () => {
      const { site, news, notices } = await siteWithColumns(t, 'simt')
      await t.addUser('admin', [{ role: 'site_admin', siteId: null }])
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id, columnId: notices.id }])
      const admin = await t.signedIn('admin')
      const ids: Record<string, number> = {}
      for (const [title, day] of [
        ['甲文章', '01'],
        ['乙文章', '02'],
        ['丙文章', '03'],
      ] as const) {
        const created = await admin.post('/api/articles', {
          columnId: news.id,
          title,
          publishAt: `2020-01-${day} 09:00`,
          weight: 1,
        })
        ids[title] = created.body.id
        await admin.post(`/api/articles/${created.body.id}/publish`)
      }
      const other = await admin.post('/api/articles', { columnId: notices.id, title: '别处的文章' })
      const order = [ids.乙文章, ids.甲文章, ids.丙文章]

      const saved = await admin.put(`/api/columns/${news.id}/pinned-order`, { articleIds: order })
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      expect(saved.body.articleIds).toEqual(order)
      expect(await lastAudit(t, 'article.orderPinned')).toMatchObject({ outcome: 'success' })
      await t.publisher.publish({ site: 'simt' })
      const html = await readFile(join(t.output, 'sites', 'simt', 'news', 'index.html'), 'utf8')
      const places = ['乙文章', '甲文章', '丙文章'].map((title) => html.indexOf(title))
      expect(places.every((place) => place > -1)).toBe(true)
      expect([...places].sort((a, b) => a - b)).toEqual(places)

      expectError(
        await admin.put(`/api/columns/${news.id}/pinned-order`, { articleIds: [other.body.id] }),
        422,
        'VALIDATION_FAILED',
      )
      const editor = await t.signedIn('bianji')
      expectError(
        await editor.put(`/api/columns/${news.id}/pinned-order`, { articleIds: order.reverse() }),
        403,
        'FORBIDDEN',
      )
      expect(await lastAudit(t, 'article.orderPinned')).toMatchObject({
        outcome: 'failure',
        error_code: 'FORBIDDEN',
      })
    })

    it('draws the site’s watermark in the bottom-right corner of uploaded pictures, and nothing on a site without one', async () => {
      const { site } = await siteWithColumns(t, 'simt')
      await siteWithColumns(t, 'plain')
      await t.addUser('admin', [{ role: 'site_admin', siteId: null }])
      const admin = await t.signedIn('admin')
      const set = await admin.patch(`/api/sites/${site.id}`, { watermark: '示例市<人民政府>' })
      expect(set.body.watermark).toBe('示例市<人民政府>')
      const flat = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7' } })
        .png()
        .toBuffer()
      /** How much the pixels of a corner vary: 0 on a flat picture. */
      const variation = async (slug: string, corner: { left: number; top: number }) => {
        const uploaded = await upload(admin, slug, flat, '平图.png')
        expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201)
        const file = join(
          t.output,
          'sites',
          slug,
          'uploads',
          String(uploaded.body.url).replace('/uploads/', ''),
        )
        // stats() reads its input whole: the corner is cut out first.
        const cut = await sharp(file)
          .extract({ ...corner, width: 200, height: 40 })
          .png()
          .toBuffer()
        const stats = await sharp(cut).stats()
        return Math.max(...stats.channels.map((channel) => channel.stdev))
      }
      const bottomRight = { left: 580, top: 545 }
      expect(await variation('simt', bottomRight)).toBeGreaterThan(3)
      expect(await variation('simt', { left: 0, top: 0 })).toBe(0)
      expect(await variation('plain', bottomRight)).toBe(0)
    })

    it('links a published article to its live page, and answers NOT_FOUND for a draft', async () => {
      const { news } = await siteWithColumns(t, 'simt')
      await t.addUser('admin', [{ role: 'site_admin', siteId: null }])
      const admin = await t.signedIn('admin')
      const draft = await admin.post('/api/articles', { columnId: news.id, title: '草稿' })
      expectError(await admin.get(`/api/articles/${draft.body.id}/live`), 404, 'NOT_FOUND')
      expect((await admin.post(`/api/articles/${draft.body.id}/publish`)).status).toBe(200)
      await t.publisher.publish({ site: 'simt' })
      const { urlPath } = await t.content.articles.get(draft.body.id)
      expect(urlPath).toMatch(/^news\//)
      const live = await admin.request('GET', `/api/articles/${draft.body.id}/live`, undefined, {}, 'manual')
      expect(live.status).toBe(302)
      expect(live.headers.get('location')).toBe(`https://simt.example.gov.cn/${urlPath}`)
    })

    it('scales an uploaded 4000×3000 photo to 1600 px on its longest side, keeping the original only when asked', async () => {
      await siteWithColumns(t, 'simt')
      await t.addUser('bianji', [{ role: 'editor', siteId: null }])
      const editor = await t.signedIn('bianji')
      const uploads = join(t.output, 'sites', 'simt', 'uploads')
      const big = await photo(4000, 3000)
      const sizeOf = async (url: string) => {
        const { width, height } = await sharp(join(uploads, url.replace('/uploads/', ''))).metadata()
        return [width, height]
      }

      const scaled = await upload(editor, 'simt', big, '全景.jpg')
      expect(scaled.status, JSON.stringify(scaled.body)).toBe(201)
      expect(uploadResultSchema.parse(scaled.body)).toMatchObject({
        kind: 'image',
        width: 1600,
        height: 1200,
        original: null,
      })
      expect(await sizeOf(scaled.body.url)).toEqual([1600, 1200])

      const kept = await upload(editor, 'simt', await photo(3000, 4000), '竖幅.jpg', '?keepOriginal=true')
      expect(kept.status, JSON.stringify(kept.body)).toBe(201)
      expect(kept.body).toMatchObject({ width: 1200, height: 1600 })
      expect(uploadResultSchema.parse(kept.body).original).toMatchObject({
        name: '竖幅.jpg',
        width: 3000,
        height: 4000,
      })
      expect(await sizeOf(kept.body.url)).toEqual([1200, 1600])
      expect(await sizeOf(kept.body.original.url)).toEqual([3000, 4000])

      // A picture already small enough is stored at its size, and has no original to keep.
      const small = await upload(editor, 'simt', await photo(800, 600), '小图.jpg', '?keepOriginal=true')
      expect(small.body).toMatchObject({ width: 800, height: 600, original: null })
    })
  })
}
