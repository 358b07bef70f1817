import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

for (const engine of engines()) {
  describe(`${engine.name}: the draft preview`, () => {
    const t = useAdminServer(engine)

    async function draftInNewSite(slug: string) {
      const site = await t.content.sites.create(operator, {
        slug,
        name: `${slug} 站`,
        baseUrl: `https://${slug}.example.cn`,
      })
      const column = await t.content.columns.create(operator, {
        siteId: site.id,
        name: '通知公告',
        slug: 'tzgg',
      })
      const draft = await t.content.articles.create(operator, {
        columnId: column.id,
        title: '尚未发布的通知',
        bodyHtml: '<p>正文 {{ site.name }} 原样显示</p>',
      })
      return { site, draft }
    }

    it('shows a draft in the site’s theme to its editor, sandboxed and without scripts', async () => {
      const { site, draft } = await draftInNewSite('simt')
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('bianji')
      const response = await editor.get(`/api/articles/${draft.id}/preview`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('content-security-policy')).toMatch(
        /^sandbox allow-popups; default-src 'none';/,
      )
      expect(response.headers.get('content-security-policy')).not.toContain('script-src')
      const html = String(response.body)
      expect(html).toContain('<base href="https://simt.example.cn/">')
      expect(html).toContain('尚未发布的通知')
      expect(html).toContain('正文 {{ site.name }} 原样显示')
      expect((await t.content.articles.get(draft.id)).status).toBe('draft')
    })

    it('shows the site’s uploaded pictures on the admin origin to those who work in the site only', async () => {
      const { site } = await draftInNewSite('simt')
      const other = await t.content.sites.create(operator, {
        slug: 'other',
        name: '其他',
        baseUrl: 'https://o.example.cn',
      })
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      await t.addUser('waizhan', [{ role: 'editor', siteId: other.id }])
      const editor = await t.signedIn('bianji')
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#036' } })
        .png()
        .toBuffer()
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), '图.png')
      const uploaded = await editor.request('POST', '/api/sites/simt/uploads', form)
      expect(uploaded.status).toBe(201)
      const picture = await editor.request('GET', uploaded.body.url)
      expect(picture.status).toBe(200)
      expect(picture.headers.get('content-type')).toBe('image/png')
      expect((await editor.request('GET', uploaded.body.thumbnailUrl)).headers.get('content-type')).toBe(
        'image/webp',
      )
      const stranger = await t.signedIn('waizhan')
      expect((await stranger.request('GET', uploaded.body.url)).status).toBe(404)
      expect((await t.client().request('GET', uploaded.body.url)).status).toBe(404)
      expect((await editor.request('GET', '/uploads/../../fabu.db')).status).toBe(404)
      expect((await editor.request('GET', '/uploads/ab/cd/%2e%2e%2f%2e%2e%2ffabu.db')).status).toBe(404)
    })

    it('shows nothing to the signed-out or to editors of another site', async () => {
      const { draft } = await draftInNewSite('simt')
      const other = await t.content.sites.create(operator, {
        slug: 'other',
        name: '其他',
        baseUrl: 'https://o.example.cn',
      })
      await t.addUser('waizhan', [{ role: 'editor', siteId: other.id }])
      const stranger = await t.signedIn('waizhan')
      expect((await stranger.get(`/api/articles/${draft.id}/preview`)).body.error.code).toBe('NOT_FOUND')
      expect((await t.client().get(`/api/articles/${draft.id}/preview`)).status).toBe(401)
    })
  })
}
