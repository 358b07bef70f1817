import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, type ApiResponse, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'
import { smallPng } from '../support/hostile-files.ts'

const operator = systemActor('cli:test')
/** 关于做好防汛工作的通知 as GBK bytes: what an old Windows tool sends. */
const GBK_TITLE = Buffer.from('b9d8d3dad7f6bac3b7c0d1b4b9a4d7f7b5c4cda8d6aa', 'hex')
const TITLE = '关于做好防汛工作的通知'

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

/** One multipart part named `file`, its file name given as raw bytes as an old client sends them. */
function multipartWithName(name: Buffer, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from('--fabu\r\nContent-Disposition: form-data; name="file"; filename="'),
    name,
    Buffer.from('"\r\nContent-Type: image/png\r\n\r\n'),
    bytes,
    Buffer.from('\r\n--fabu--\r\n'),
  ])
}

/** A JSON body whose `title` is the given bytes, the rest ASCII. */
function jsonWithTitle(fields: Record<string, unknown>, title: Buffer): Buffer {
  const json = JSON.stringify({ ...fields, title: '@@TITLE@@' })
  const [before, after] = json.split('@@TITLE@@') as [string, string]
  return Buffer.concat([Buffer.from(before), title, Buffer.from(after)])
}

async function editorOf(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计量院',
    baseUrl: 'https://www.simt.com.cn',
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tz' })
  await t.addUser('editor', [{ role: 'editor', siteId: site.id }])
  return { site, column, editor: await t.signedIn('editor') }
}

for (const engine of engines()) {
  describe(`${engine.name}: text in other encodings through the API`, () => {
    const t = useAdminServer(engine)

    it('stores GBK text declared as charset=gbk in Chinese, on create and on save', async () => {
      const { column, editor } = await editorOf(t)
      const created = await editor.request(
        'POST',
        '/api/articles',
        jsonWithTitle({ columnId: column.id }, GBK_TITLE),
        {
          'content-type': 'application/json; charset=GBK',
        },
      )
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      expect(created.body.title).toBe(TITLE)
      expect((await t.content.articles.get(created.body.id)).title).toBe(TITLE)

      const saved = await editor.request(
        'PATCH',
        `/api/articles/${created.body.id}`,
        jsonWithTitle({ baseRevision: created.body.revision }, Buffer.concat([GBK_TITLE, Buffer.from('2')])),
        { 'content-type': 'application/json; charset=gb2312' },
      )
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      expect((await t.content.articles.get(created.body.id)).title).toBe(`${TITLE}2`)
    })

    it('refuses the same bytes sent as UTF-8, naming the field, and stores nothing', async () => {
      const { column, editor } = await editorOf(t)
      for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
        const refused = await editor.request(
          'POST',
          '/api/articles',
          jsonWithTitle({ columnId: column.id }, GBK_TITLE),
          { 'content-type': contentType, 'accept-language': 'en' },
        )
        expectError(refused, 400, 'INVALID_ENCODING')
        expect(refused.body.error.field).toBe('title')
        expect(refused.body.error.message).toContain('not valid UTF-8')
      }
      const inChinese = await editor.request(
        'POST',
        '/api/articles',
        jsonWithTitle({ columnId: column.id }, GBK_TITLE),
        {
          'content-type': 'application/json',
        },
      )
      expect(inChinese.body.error.message).toContain('文本不是有效的 UTF-8 编码')
      expect((await t.content.articles.list({ site: 'simt' })).total).toBe(0)
    })

    it('refuses an upload whose file name is not valid UTF-8, and takes the same file named in UTF-8', async () => {
      const { editor } = await editorOf(t)
      const png = await smallPng()
      const headers = { 'content-type': 'multipart/form-data; boundary=fabu' }
      const gbkName = Buffer.concat([GBK_TITLE, Buffer.from('.png')])
      const refused = await editor.request(
        'POST',
        '/api/sites/simt/uploads',
        multipartWithName(gbkName, png),
        headers,
      )
      expectError(refused, 400, 'INVALID_ENCODING')
      expect(refused.body.error.field).toBe('file name')
      const utf8Name = Buffer.from(`${TITLE}.png`)
      const stored = await editor.request(
        'POST',
        '/api/sites/simt/uploads',
        multipartWithName(utf8Name, png),
        headers,
      )
      expect(stored.status, JSON.stringify(stored.body)).toBe(201)
      expect(stored.body.name).toBe(`${TITLE}.png`)
    })

    it('refuses a charset it does not read with 415', async () => {
      const { column, editor } = await editorOf(t)
      const refused = await editor.request(
        'POST',
        '/api/articles',
        jsonWithTitle({ columnId: column.id }, Buffer.from('abc')),
        { 'content-type': 'application/json; charset=koi8-r' },
      )
      expectError(refused, 415, 'UNSUPPORTED_CHARSET')
      expect(refused.body.error.message).toContain('koi8-r')
    })
  })

  describe(`${engine.name}: site settings that would break publishing`, () => {
    const t = useAdminServer(engine)

    async function admin() {
      await t.addUser('sysadmin', [{ role: 'system_admin' }])
      return t.signedIn('sysadmin')
    }
    const site = { slug: 'gov', name: '政府网', baseUrl: 'https://www.gov.example.cn' }

    it('refuses a theme that is not installed, on create and on update, in both languages', async () => {
      const client = await admin()
      const created = await client.request('POST', '/api/sites', { ...site, theme: 'nosuchtheme' })
      expectError(created, 422, 'VALIDATION_FAILED')
      expect(created.body.error.field).toBe('theme')
      expect(created.body.error.message).toBe('主题：主题不存在：nosuchtheme')
      expect((await t.content.sites.list()).length).toBe(0)

      const made = await client.post('/api/sites', { ...site, theme: 'default' })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      const updated = await client.request(
        'PATCH',
        '/api/sites/gov',
        { theme: 'nosuchtheme' },
        { 'accept-language': 'en' },
      )
      expectError(updated, 422, 'VALIDATION_FAILED')
      expect(updated.body.error.message).toBe('theme: no such theme: nosuchtheme')
      expect((await t.content.sites.get('gov')).theme).toBe('default')
    })

    it('refuses an output prefix longer than 100 characters or one that leaves the site folder', async () => {
      const client = await admin()
      for (const outputPrefix of [
        'a'.repeat(10_000),
        `${'a/'.repeat(50)}b`,
        '../etc',
        '/var/www',
        'a/../../b',
      ]) {
        const created = await client.post('/api/sites', { ...site, outputPrefix })
        expectError(created, 422, 'VALIDATION_FAILED')
        expect(created.body.error.field).toBe('outputPrefix')
      }
      expect((await t.content.sites.list()).length).toBe(0)
      const made = await client.post('/api/sites', { ...site, outputPrefix: 'a'.repeat(100) })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      const updated = await client.patch('/api/sites/gov', { outputPrefix: 'x'.repeat(101) })
      expectError(updated, 422, 'VALIDATION_FAILED')
      expect(updated.body.error.message).toContain('100')
    })
  })
}
