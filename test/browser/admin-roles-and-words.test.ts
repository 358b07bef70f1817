import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { buildZip } from '../../src/uploads/test-zip.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

/** What must not reach a Chinese screen: internal codes and English the user did not write. */
const UNTRANSLATED: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'an error code', pattern: /\b[A-Z]{2,}(?:_[A-Z]{2,})+\b/ },
  { what: 'a record named by its id', pattern: /\b(?:article|column|site|user|grant) \d+\b/ },
  { what: 'an actor id', pattern: /\((?:user|cli):[^)]*\)/ },
  {
    what: 'an English month or weekday',
    pattern:
      /\b(?:January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Tu|We|Th|Fr|Sa|Su)\b/,
  },
]
const ERROR_TEXTS =
  '.ant-alert-error, .ant-message-notice-error, .ant-form-item-explain-error, .ant-result-error .ant-result-title'
const HAS_CHINESE = /[\u4e00-\u9fff]/

/** The untranslated pieces on the page as a user sees it now, each with where it was found. */
async function untranslatedText(page: Page, where: string): Promise<string[]> {
  const found: string[] = []
  const text = await page.locator('body').innerText()
  for (const { what, pattern } of UNTRANSLATED) {
    const match = pattern.exec(text)
    if (match) found.push(`${where}: ${what}: “${match[0]}”`)
  }
  for (const error of await page.locator(ERROR_TEXTS).allInnerTexts()) {
    if (error.trim() && !HAS_CHINESE.test(error)) found.push(`${where}: an error in English only: “${error}”`)
  }
  return found
}

/** Waits until nothing on the screen is loading any more. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 20_000 })
    .toBe(0)
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${text}`)

/** A .docx as some converters write one: a table in Word's 网格型 style, and no styles.xml. */
function documentWithoutStyles(): Buffer {
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: xml(
        `<w:document ${W}><w:body><w:p><w:r><w:t>值班安排如下。</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>周一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>张三</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
      ),
    },
  ])
}

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('each role in the Chinese admin', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1280, height: 900 })

  /** A site whose news column has one review level, a submitted article and a published one. */
  async function newsroom() {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计量测试院',
      baseUrl: 'https://www.simt.example.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '要闻',
      slug: 'yw',
      reviewLevels: 1,
    })
    await t.addUser('guanli', [{ role: 'admin' }])
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    await t.addUser('shenhe', [{ role: 'reviewer', siteId: site.id }])
    await t.addUser('shenji', [{ role: 'audit_admin' }])
    const published = await t.content.articles.create(operator, {
      columnId: column.id,
      title: '已发布的要闻',
    })
    await t.content.articles.publish(operator, published.id)
    const editor = await t.signedIn('bianji')
    const submitted = (await editor.post('/api/articles', { columnId: column.id, title: '待审的要闻' })).body
    await editor.post(`/api/articles/${submitted.id}/submit`)
    return { site, column, submitted }
  }

  /** Every section the user is offered, and every tab of the administration; what was untranslated. */
  async function walk(page: Page, userName: string): Promise<{ sections: string[]; untranslated: string[] }> {
    // The sections follow the sites' allowed actions, read after the switch first shows: under
    // load the switch was read before them and listed nothing.
    await page.locator('.section-switch').waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 60_000 })
    await settled(page)
    const sections = await page.locator('.section-switch .ant-segmented-item-label').allInnerTexts()
    const untranslated: string[] = []
    for (const [index, section] of sections.entries()) {
      await page.locator('.section-switch').getByText(section, { exact: true }).click()
      await settled(page)
      const tabs = page.locator('.section-page .ant-tabs-tab')
      const tabNames = section === '系统管理' ? await tabs.allInnerTexts() : ['']
      for (const tab of tabNames) {
        if (tab) {
          await tabs.getByText(tab, { exact: true }).click()
          await settled(page)
        }
        untranslated.push(...(await untranslatedText(page, `${userName} ${section} ${tab}`.trim())))
        await page.screenshot({
          path: join(SCREENSHOTS, `admin-roles-${userName}-${index}${tab ? `-${tab}` : ''}.png`),
          fullPage: true,
        })
      }
    }
    return { sections, untranslated }
  }

  it('shows each role only its own screens, in Chinese, and audits no refusal for looking', async () => {
    await newsroom()
    // Something for the audit administrator to read: a refusal, named in words.
    await (await t.signedIn('bianji')).post('/api/articles/1/publish')

    const found: Record<string, string[]> = {}
    const untranslated: string[] = []
    for (const userName of ['guanli', 'bianji', 'shenhe', 'shenji']) {
      const { page, errors } = await admin.signedIn(userName)
      await settled(page)
      const walked = await walk(page, userName)
      found[userName] = walked.sections
      untranslated.push(...walked.untranslated)
      expect(errors.filter((error) => !/status of 40[34]/.test(error))).toEqual([])
      await page.context().close()
    }

    expect(found.bianji).not.toContain('发布')
    expect(found.shenhe).not.toContain('发布')
    expect(found.guanli).toContain('发布')
    expect(untranslated).toEqual([])
    // Looking around is not trying: no refused request was recorded for anyone who walked.
    const refusals = await t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('outcome', '!=', 'success')
      .where('action', '!=', 'article.publish')
      .execute()
    expect(refusals).toEqual([])
  }, 300_000)

  it('lets an editor recall (撤回) the article waiting for review, and offers the reviewer approval instead', async () => {
    await newsroom()
    const reviewer = await admin.signedIn('shenhe')
    await reviewer.page.getByRole('button', { name: '待审的要闻' }).click()
    await reviewer.page.getByRole('button', { name: /通过/ }).waitFor({ timeout: 20_000 })
    expect(await reviewer.page.getByRole('button', { name: '撤回' }).count()).toBe(0)
    await reviewer.page.context().close()

    const { page, errors } = await admin.signedIn('bianji')
    await page.getByRole('button', { name: '待审的要闻' }).click()
    const recall = page.getByRole('button', { name: '撤回' })
    await recall.waitFor({ timeout: 20_000 })
    expect(await page.getByRole('button', { name: /通过/ }).count()).toBe(0)
    await recall.click()
    await page.getByText('已撤回为草稿，可修改后重新送审').waitFor({ timeout: 20_000 })
    await page.getByRole('button', { name: '送审' }).waitFor({ timeout: 20_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-roles-recalled.png'), fullPage: true })
    const [article] = (await t.content.articles.list({ site: 'simt', status: 'draft' })).items
    expect(article?.title).toBe('待审的要闻')
    expect(errors).toEqual([])
  }, 120_000)

  it('imports a Word document without styles, refuses a PDF in Chinese and shows Chinese months', async () => {
    await newsroom()
    const { page } = await admin.signedIn('bianji')
    await page.getByRole('button', { name: '写文章' }).click()
    const body = page.getByRole('textbox', { name: '正文' })
    await body.waitFor({ timeout: 20_000 })

    const importFile = async (name: string, mimeType: string, buffer: Buffer) => {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: '导入 Word' }).click()
      await (await chooser).setFiles({ name, mimeType, buffer })
    }
    await importFile(
      '值班表.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      documentWithoutStyles(),
    )
    await body.locator('td', { hasText: '张三' }).waitFor({ timeout: 20_000 })

    await importFile('通知.docx', 'application/pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'))
    const refusal = page.locator('.ant-message-notice-error')
    await refusal.waitFor({ timeout: 20_000 })
    expect(await refusal.innerText()).toContain('这是 PDF 文件，不是 Word 文档')

    await page.getByLabel('发布时间').click()
    const panel = page.locator('.ant-picker-dropdown:visible')
    await panel.waitFor({ timeout: 10_000 })
    const calendar = await panel.innerText()
    expect(calendar).toMatch(/[一二三四五六日]/)
    expect(calendar).toMatch(/\d+月/)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-roles-word-and-dates.png'), fullPage: true })
    expect(await untranslatedText(page, 'editor')).toEqual([])
  }, 120_000)
})
