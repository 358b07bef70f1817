import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { load } from 'cheerio'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { publishedUrl } from '../../src/submissions/desk-context.ts'
import { withSourceLine } from '../../src/submissions/source-link.ts'
import { type AdminServer, type ApiResponse, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'
import { hostileText } from '../support/hostile-bodies.ts'
import { pageScriptHazards, scriptHazards } from '../support/script-hazards.ts'

const operator = systemActor('cli:test')

// Base addresses a unit's site could carry: script and data URLs with and without an
// authority (the URL parser resolves an article path against the first kind), and http
// addresses with quotes in the path and in the host, where the parser allows them.
const HOSTILE_BASES = [
  'javascript://county.example.gov.cn/%0aalert(document.domain)//',
  'javascript:alert(document.domain)//',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data://county.example.gov.cn/<script>alert(1)</script>/',
  'https://county.example.gov.cn/"><script>alert(1)</script>',
  'https://county.example.gov.cn"onmouseover="alert(1)/',
  'https://city.example.gov.cn@elsewhere.example/',
]

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

/** A unit's name holding markup: it is text wherever it is shown. */
const unitName = (index: number) => `第${index}县<img src=x onerror=alert(document.domain)>`

/** The 来源 line an adoption ends the body with, and every link in the body. */
function sourceLineOf(bodyHtml: string) {
  const $ = load(bodyHtml, null, false)
  const line = $('p').last()
  return {
    text: line.text(),
    hrefs: $('a')
      .toArray()
      .map((a) => a.attribs.href ?? ''),
  }
}

async function cityWithUnits(t: AdminServer, count: number) {
  const city = await t.content.sites.create(operator, {
    slug: 'city',
    name: '市政府',
    baseUrl: 'https://city.example.gov.cn',
  })
  const news = await t.content.columns.create(operator, { siteId: city.id, name: '要闻', slug: 'yw' })
  const units = []
  for (let index = 0; index < count; index++) {
    const site = await t.content.sites.create(operator, {
      slug: `unit${index}`,
      name: unitName(index),
      baseUrl: `https://unit${index}.example.gov.cn`,
    })
    const column = await t.content.columns.create(operator, { siteId: site.id, name: '动态', slug: 'dt' })
    const draft = await t.content.articles.create(operator, {
      columnId: column.id,
      title: `第${index}县的消息`,
      bodyHtml: '<p>正文</p>',
    })
    await t.content.articles.publish(operator, draft.id)
    // The publisher gives the article its address.
    await t.publisher.publish({ site: site.id })
    units.push({ site, article: draft })
  }
  await t.addUser('cityeditor', [{ role: 'editor', siteId: city.id }])
  await t.addUser(
    'uniteditor',
    units.map((unit) => ({ role: 'editor', siteId: unit.site.id })),
  )
  await t.addUser('admin', [{ role: 'admin' }])
  const cityAdmin = await t.signedIn('admin')
  const opened = await cityAdmin.put(`/api/columns/${news.id}/submission-sources`, {
    siteIds: units.map((unit) => unit.site.id),
  })
  expect(opened.status, JSON.stringify(opened.body)).toBe(200)
  return { city, news, units, cityAdmin }
}

for (const engine of engines()) {
  describe(`${engine.name}: the 来源 link of an adopted article`, () => {
    const t = useAdminServer(engine)

    it('refuses a site address that is not a plain web address, on create and on change, and saves nothing', async () => {
      await t.addUser('admin', [{ role: 'admin' }])
      const admin = await t.signedIn('admin')
      const site = await admin.post('/api/sites', {
        slug: 'county',
        name: '县政府',
        baseUrl: 'https://county.example.gov.cn',
      })
      expect(site.status, JSON.stringify(site.body)).toBe(201)
      for (const [index, baseUrl] of HOSTILE_BASES.entries()) {
        const created = await admin.post('/api/sites', { slug: `bad${index}`, name: '坏站', baseUrl })
        expectError(created, 422, 'VALIDATION_FAILED')
        expect(created.body.error.field, baseUrl).toBe('baseUrl')
        expect(created.body.error.message).toMatch(/^网址：/)
        const changed = await admin.patch('/api/sites/county', { baseUrl })
        expectError(changed, 422, 'VALIDATION_FAILED')
      }
      expect((await t.content.sites.list()).map((each) => each.baseUrl)).toEqual([
        'https://county.example.gov.cn',
      ])
      const changes = await t.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['site.create', 'site.update'])
        .where('outcome', '=', 'success')
        .execute()
      expect(changes.map((row) => row.action)).toEqual(['site.create'])
    })

    it('links only to a web address, and the published page carries no script, whatever base a unit’s row holds', {
      timeout: 120_000,
    }, async () => {
      const { news, units, cityAdmin } = await cityWithUnits(t, HOSTILE_BASES.length)
      const unitEditor = await t.signedIn('uniteditor')
      const cityEditor = await t.signedIn('cityeditor')
      const adopted: number[] = []
      for (const [index, unit] of units.entries()) {
        const hostile = HOSTILE_BASES[index] as string
        // A row restored from an old backup or written by hand: the services refuse such a base.
        await t.store.db
          .updateTable('sites')
          .set({ base_url: hostile })
          .where('id', '=', unit.site.id)
          .execute()
        const sent = await unitEditor.post('/api/submissions', {
          articleId: unit.article.id,
          columnId: news.id,
        })
        expect(sent.status, `${hostile}: ${JSON.stringify(sent.body)}`).toBe(201)
        const link = sent.body.sourceUrl as string | null
        expect(link === null || /^https?:\/\//.test(link), `${hostile} gave ${link}`).toBe(true)
        // An earlier version stored the link it made; the record still holds it.
        await t.store.db
          .updateTable('submissions')
          .set({ source_url: hostile })
          .where('id', '=', sent.body.id)
          .execute()
        const inbox = await cityEditor.get(`/api/sites/city/submissions/inbox?status=pending`)
        const listed = inbox.body.find((item: { id: number }) => item.id === sent.body.id)
        expect(listed.sourceUrl === null || /^https?:\/\//.test(listed.sourceUrl), listed.sourceUrl).toBe(
          true,
        )

        const adoption = await cityEditor.post(`/api/submissions/${sent.body.id}/adopt`, {})
        expect(adoption.status, `${hostile}: ${JSON.stringify(adoption.body)}`).toBe(200)
        const saved = await t.content.articles.get(adoption.body.article.id)
        // The copy's body is not cleaned again on save: what the editor opens is this.
        expect(scriptHazards(saved.bodyHtml), hostile).toEqual([])
        const { text, hrefs } = sourceLineOf(saved.bodyHtml)
        expect(text).toBe(`来源：${unitName(index)}`)
        for (const href of hrefs) expect(href, hostile).toMatch(/^https?:\/\//)
        expect(saved.source).toBe(unitName(index))
        adopted.push(saved.id)
      }
      for (const id of adopted) {
        const published = await cityAdmin.post(`/api/articles/${id}/publish`)
        expect(published.status, JSON.stringify(published.body)).toBe(200)
      }
      await t.publisher.publish({ site: 'city' })
      for (const [index, id] of adopted.entries()) {
        const { urlPath } = await t.content.articles.get(id)
        const page = await readFile(join(t.output, 'sites', 'city', urlPath ?? ''), 'utf8')
        expect(pageScriptHazards(page, '/assets/'), HOSTILE_BASES[index]).toEqual([])
        const body = load(page)('.article-body').last().html() ?? ''
        expect(sourceLineOf(body).text).toBe(`来源：${unitName(index)}`)
        for (const href of sourceLineOf(body).hrefs) expect(href).toMatch(/^https?:\/\//)
      }
    })

    it('adopts from a unit whose long name ends in a character outside the BMP, its 来源 cut whole', async () => {
      // 𠀀 (U+20000, CJK Extension B) is two UTF-16 units; a cut at 100 units fell between them.
      const name = `${'某'.repeat(99)}𠀀县人民政府`
      const { news, units } = await cityWithUnits(t, 1)
      const unit = units[0] as (typeof units)[number]
      await t.content.sites.update(operator, unit.site.id, { name })
      const unitEditor = await t.signedIn('uniteditor')
      const cityEditor = await t.signedIn('cityeditor')
      const sent = await unitEditor.post('/api/submissions', {
        articleId: unit.article.id,
        columnId: news.id,
      })
      expect(sent.status, JSON.stringify(sent.body)).toBe(201)
      const adoption = await cityEditor.post(`/api/submissions/${sent.body.id}/adopt`, {})
      expect(adoption.status, JSON.stringify(adoption.body)).toBe(200)
      const copy = await t.content.articles.get(adoption.body.article.id)
      expect(copy.source).toBe('某'.repeat(99))
      expect(copy.source.isWellFormed()).toBe(true)
      expect(sourceLineOf(copy.bodyHtml).text).toBe(`来源：${name}`)
    })
  })
}

// Addresses as a row could hold them: web addresses, the hostile bases above, script schemes
// as browsers read them (any case, leading controls, a tab inside), and hostile text.
const anyAddress = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(...HOSTILE_BASES),
  hostileText,
  fc
    .tuple(
      fc.constantFrom('javascript:', 'JaVaScRiPt:', ' javascript:', 'java\tscript:', '\u0001javascript:'),
      fc.constantFrom('', '//', '//x.gov.cn/'),
      fc.string(),
    )
    .map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom('data:', 'vbscript:', 'DATA:text/html,'), fc.string())
    .map((parts) => parts.join('')),
)

describe('the 来源 line of an adopted body', () => {
  it('links to an http(s) address or to nothing, whatever base address and name a unit’s row holds', () => {
    fc.assert(
      fc.property(anyAddress, fc.oneof(hostileText, fc.string()), (base, name) => {
        const url = publishedUrl(base, { status: 'published', url_path: 'dt/2026/12/06/1.html' })
        expect(url === null || /^https?:\/\//.test(url), String(url)).toBe(true)
        for (const stored of [url, base]) {
          const body = withSourceLine('<p>正文</p>', name, stored)
          expect(scriptHazards(body)).toEqual([])
          for (const href of sourceLineOf(body).hrefs) expect(href).toMatch(/^https?:\/\//)
        }
      }),
      { numRuns: 500 },
    )
  })
})
