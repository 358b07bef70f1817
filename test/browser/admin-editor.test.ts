import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { buildZip } from '../../src/uploads/test-zip.ts'
import { ADMIN_DIST, PASSWORD, useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { launchChromium } from '../support/browser.ts'
import { sqliteEngine } from '../support/engines.ts'

const DIST = join(ADMIN_DIST, 'index.html')
const SCREENSHOTS = new URL('../../test-results/', import.meta.url).pathname

// What Word for Windows puts in the clipboard for a heading, an indented paragraph, a table
// with merged cells and a bulleted paragraph: mso- styles, Mso classes, <o:p>, conditional comments.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<style><!-- p.MsoNormal, li.MsoNormal {mso-style-unhide:no;margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;font-family:方正小标宋简体'>关于开展安全检查的通知<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>各有关单位：为做好年度安全检查工作，现将检查安排通知如下。<span lang=EN-US><o:p></o:p></span></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=277 colspan=2 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:仿宋_GB2312'>检查项目<span lang=EN-US><o:p></o:p></span></span></b></p></td>
  <td width=138 rowspan=2 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;border-left:none;mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><span style='font-family:仿宋_GB2312'>负责人<span lang=EN-US><o:p></o:p></span></span></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>消防设施<span lang=EN-US><o:p></o:p></span></span></p></td>
  <td width=138 valign=top style='width:103.7pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>用电安全<span lang=EN-US><o:p></o:p></span></span></p></td>
 </tr>
</table>
<p class=MsoListParagraph style='margin-left:21.0pt;text-indent:-21.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Wingdings;mso-fareast-font-family:Wingdings'><span style='mso-list:Ignore'>l<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>检查时间另行通知。<span lang=EN-US><o:p></o:p></span></span></p>
<!--EndFragment-->
</body></html>`

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A Word document as Word writes one: a centred heading, an indented paragraph, a merged cell, a picture. */
function wordDocument(picture: Buffer): Buffer {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${text}`)
  const document = `<w:document ${W} xmlns:r="${RELATIONSHIPS}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>关于报送统计数据的通知</w:t></w:r></w:p>
<w:p><w:pPr><w:ind w:firstLine="640" w:firstLineChars="200"/></w:pPr><w:r><w:t>请各单位于月底前报送。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="统计图"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
</w:body></w:document>`
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImage" Type="${RELATIONSHIPS}/image" Target="media/image1.png"/></Relationships>`,
      ),
    },
    { name: 'word/document.xml', data: xml(document) },
    { name: 'word/media/image1.png', data: picture },
  ])
}

function picture(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .png()
    .toBuffer()
}

// The editor and the reviewer's screen are the same on either engine; the story runs on SQLite.
describe('the article editor in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  let browser: Browser
  const actor = systemActor('cli:test')

  beforeAll(async () => {
    if (!existsSync(DIST)) throw new Error('the admin UI is not built: npm run build:admin (npm test does)')
    await mkdir(SCREENSHOTS, { recursive: true })
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  /** A site with a column whose articles pass one review level, an editor and a reviewer. */
  async function reviewedSite() {
    const site = await t.content.sites.create(actor, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
    })
    const column = await t.content.columns.create(actor, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
      reviewLevels: 1,
    })
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    await t.addUser('bianji2', [{ role: 'editor', siteId: site.id }])
    await t.addUser('shenhe', [{ role: 'reviewer', siteId: site.id }])
    return { site, column }
  }

  /** A browser context of its own (a person at their own computer), its errors collected in `errors`. */
  async function signedInPage(userName: string, errors: string[]): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${userName}: ${message.text()}`)
    })
    page.on('pageerror', (error) => errors.push(`${userName}: ${error.message}`))
    await page.goto(`${t.url}/admin/`)
    await page.getByLabel('用户名').fill(userName)
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: /^登\s?录$/ }).click()
    // Reviewers write nothing, so they are offered no 写文章: the list is open once signing out is.
    await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 15_000 })
    await page.locator('.ant-table').first().waitFor({ timeout: 15_000 })
    return page
  }

  async function openArticle(page: Page, title: string) {
    await page.getByRole('button', { name: title }).click()
    await page.getByRole('textbox', { name: '正文' }).waitFor({ timeout: 15_000 })
  }

  it('lets an editor paste a Word table, add a picture and submit, and a reviewer publish it', async () => {
    const { site, column } = await reviewedSite()
    const errors: string[] = []
    const page = await signedInPage('bianji', errors)

    await page.getByRole('treeitem', { name: '通知公告' }).click()
    await page.getByRole('button', { name: '写文章' }).click()
    // The editor's title field, not the list's 标题 column header, which lingers a moment.
    await page
      .locator('input')
      .and(page.getByLabel('标题', { exact: true }))
      .fill('关于开展年度安全检查的通知')
    const body = page.getByRole('textbox', { name: '正文' })
    await body.click()
    // What Ctrl+V does with Word's clipboard (the test's tsconfig has no DOM types, hence the casts).
    await body.evaluate((editor, html) => {
      const browser = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, data: string): void }
        ClipboardEvent: new (type: string, init: Record<string, unknown>) => never
      }
      const data = new browser.DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', '关于开展安全检查的通知')
      editor.dispatchEvent(
        new browser.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, WORD_HTML)
    await body.locator('td[colspan="2"]').waitFor({ timeout: 10_000 })
    expect(await body.locator('td[rowspan="2"]').count()).toBe(1)

    const png = await picture()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '插入图片' }).click()
    await (await chooser).setFiles({ name: '检查现场.png', mimeType: 'image/png', buffer: png })
    await body.locator('img.body-image').waitFor({ timeout: 10_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-editor.png'), fullPage: true })
    const editorViolations = await axeViolations(page, 'editor')

    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByText('第 1 版').count(), { timeout: 15_000 }).toBe(1)
    const [listed] = (await t.content.articles.list({ site: site.id, columnId: column.id })).items
    const saved = await t.content.articles.get(listed?.id ?? 0)
    expect(saved.title).toBe('关于开展年度安全检查的通知')
    expect(saved.bodyHtml).toMatch(/<td[^>]* colspan="2"/)
    expect(saved.bodyHtml).toMatch(/<td[^>]* rowspan="2"/)
    expect(saved.bodyHtml).toMatch(/<img src="\/uploads\/[0-9a-f/]+\.png"/)
    expect(saved.bodyHtml).toMatch(
      /^<p style="text-align:center"><strong>关于开展安全检查的通知<\/strong><\/p>/,
    )
    expect(saved.bodyHtml).toContain('<p style="text-indent:2em">各有关单位')
    expect(saved.bodyHtml).toContain(
      '<td colspan="2"><p style="text-align:center"><strong>检查项目</strong></p></td>',
    )
    expect(saved.bodyHtml).toMatch(/<ul><li><p>检查时间另行通知。/)
    expect(saved.bodyHtml).not.toMatch(/mso-|o:p|Mso|Wingdings|仿宋/)

    await page.getByRole('button', { name: /^送\s?审$/ }).click()
    await expect.poll(() => page.getByText('等待初审（共 1 级审核）').count(), { timeout: 15_000 }).toBe(1)
    expect((await t.content.articles.get(saved.id)).status).toBe('submitted')

    const reviewer = await signedInPage('shenhe', errors)
    await openArticle(reviewer, '关于开展年度安全检查的通知')
    expect(await reviewer.getByRole('button', { name: '保存' }).count()).toBe(0)
    expect(await reviewer.getByText('有未保存的修改').count()).toBe(0)
    await reviewer.getByRole('button', { name: '通过初审' }).click()
    await expect
      .poll(() => reviewer.getByText('已发布', { exact: true }).count(), { timeout: 15_000 })
      .toBe(1)
    await reviewer.screenshot({ path: join(SCREENSHOTS, 'admin-editor-approved.png') })
    const published = await t.content.articles.get(saved.id)
    expect(published.status).toBe('published')

    // The published page, as a reader sees it on the public site: the Word table and the picture.
    await t.queue.runPending()
    const { urlPath } = await t.content.articles.get(saved.id)
    const counter = new ViewCounter(t.store)
    const publicSite = await createPublicSite({ root: join(t.output, 'sites', 'shili'), counter })
    try {
      const origin = await publicSite.listen({ host: '127.0.0.1', port: 0 })
      const reader = await reviewer.context().newPage()
      await reader.goto(`${origin}/${urlPath}`)
      expect(await reader.getByRole('heading', { name: '关于开展年度安全检查的通知' }).count()).toBe(1)
      expect(
        await reader.locator('article table td[colspan], article table td[rowspan]').count(),
      ).toBeGreaterThan(0)
      const picture = reader.locator('article img[src^="/uploads/"]').first()
      expect(
        await picture.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0)
      // Word's centring and first-line indent survive a page that allows no inline styles.
      const styleOf = (text: string) =>
        reader
          .locator('article p', { hasText: text })
          .first()
          .evaluate((p) => {
            const style = (
              globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
            ).getComputedStyle(p)
            return [style.textAlign, style.textIndent]
          })
      expect((await styleOf('关于开展安全检查的通知'))[0]).toBe('center')
      expect((await styleOf('各有关单位'))[1]).not.toBe('0px')
      await reader.screenshot({ path: join(SCREENSHOTS, 'published-article.png'), fullPage: true })
    } finally {
      await publicSite.close()
      await counter.close()
    }

    expect(editorViolations).toEqual([])
    expect(errors).toEqual([])
  }, 120_000)

  it('shows both versions when two editors save the same article, and keeps the second one’s on the latest revision', async () => {
    const { column } = await reviewedSite()
    const article = await t.content.articles.create(actor, {
      columnId: column.id,
      title: '关于调整办公时间的通知',
      bodyHtml: '<p style="text-indent: 2em">自下周一起，办公时间调整为上午九时至下午五时。</p>',
    })
    const errors: string[] = []
    const first = await signedInPage('bianji', errors)
    const second = await signedInPage('bianji2', errors)
    await openArticle(first, article.title)
    await openArticle(second, article.title)

    await first.getByLabel('标题', { exact: true }).fill('关于调整夏季办公时间的通知')
    await first.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => first.getByText('第 2 版').count(), { timeout: 15_000 }).toBe(1)

    await second.getByLabel('标题', { exact: true }).fill('关于调整冬季办公时间的通知')
    await second.getByRole('button', { name: '保存' }).click()
    const dialog = second.getByRole('dialog', { name: '文章已被他人修改' })
    await dialog.waitFor({ timeout: 15_000 })
    expect(await dialog.getByText('关于调整冬季办公时间的通知').count()).toBe(1)
    expect(await dialog.getByText('关于调整夏季办公时间的通知').count()).toBe(1)
    expect(await dialog.getByText('自下周一起，办公时间调整为上午九时至下午五时。').count()).toBe(2)
    await second.waitForTimeout(500) // the dialog's opening animation, for the screenshot
    await second.screenshot({ path: join(SCREENSHOTS, 'admin-editor-conflict.png') })
    await dialog.getByRole('button', { name: '保留我的修改' }).click()
    await expect.poll(() => second.getByText('第 3 版').count(), { timeout: 15_000 }).toBe(1)

    const latest = await t.content.articles.get(article.id)
    expect(latest.title).toBe('关于调整冬季办公时间的通知')
    expect(latest.revision).toBe(article.revision + 2)
    expect(latest.bodyHtml).toBe(article.bodyHtml)
    // Chromium logs every refused request; the refused save is this story's conflict, and the only error.
    expect(errors).toEqual([
      'bianji2: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ])
  }, 120_000)

  it('imports a Word document with its picture stored on the site', async () => {
    const { site, column } = await reviewedSite()
    const errors: string[] = []
    const page = await signedInPage('bianji', errors)
    await page.getByRole('treeitem', { name: '通知公告' }).click()
    await page.getByRole('button', { name: '写文章' }).click()
    // The editor's title field, not the list's 标题 column header, which lingers a moment.
    await page
      .locator('input')
      .and(page.getByLabel('标题', { exact: true }))
      .fill('关于报送统计数据的通知')
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '导入 Word' }).click()
    await (await chooser).setFiles({
      name: '统计通知.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: wordDocument(await picture()),
    })
    const body = page.getByRole('textbox', { name: '正文' })
    await body.locator('img.body-image').waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByText('第 1 版').count(), { timeout: 15_000 }).toBe(1)

    const [listed] = (await t.content.articles.list({ site: site.id, columnId: column.id })).items
    const saved = await t.content.articles.get(listed?.id ?? 0)
    expect(saved.bodyHtml).toMatch(
      /^<p style="text-align:center"><strong>关于报送统计数据的通知<\/strong><\/p>/,
    )
    expect(saved.bodyHtml).toContain('<p style="text-indent:2em">请各单位于月底前报送。</p>')
    expect(saved.bodyHtml).toContain('<td colspan="2"><p>合计</p></td>')
    expect(saved.bodyHtml).toMatch(/<img src="\/uploads\/[0-9a-f/]+\.png" alt="统计图"/)
    expect(saved.bodyHtml).not.toContain('data:')
    expect(errors).toEqual([])
  }, 120_000)

  it('shows the reviewer’s comment to the author, keeps an unsaved change, compares revisions and restores one', async () => {
    const { column } = await reviewedSite()
    const article = await t.content.articles.create(actor, {
      columnId: column.id,
      title: '关于组织开展统计培训的通知',
      bodyHtml: '<p>培训时间为三月十日。</p><p>请各单位选派一名统计人员参加。</p>',
    })
    const author = await t.signedIn('bianji')
    await author.patch(`/api/articles/${article.id}`, {
      baseRevision: article.revision,
      bodyHtml: '<p>培训时间为三月十二日。</p><p>请各单位选派一名统计人员参加。</p>',
    })
    await author.post(`/api/articles/${article.id}/submit`)
    const errors: string[] = []

    const reviewer = await signedInPage('shenhe', errors)
    await openArticle(reviewer, article.title)
    await reviewer.getByRole('button', { name: /^退\s?回$/ }).click()
    const rejection = reviewer.getByRole('dialog', { name: '退回' })
    await rejection.getByLabel('退回意见').fill('培训时间与通知不一致，请核实。')
    await rejection.getByRole('button', { name: /^退\s?回$/ }).click()
    await expect
      .poll(async () => (await t.content.articles.get(article.id)).status, { timeout: 15_000 })
      .toBe('rejected')

    const page = await signedInPage('bianji', errors)
    await openArticle(page, article.title)
    expect(await page.getByText('培训时间与通知不一致，请核实。').count()).toBe(1)
    await page.getByLabel('标题', { exact: true }).fill('关于组织开展年度统计培训的通知')
    await page.getByRole('button', { name: '返回' }).click()
    // Leaving unsaved changes is asked about first; the change waits as a draft in the browser.
    await page.getByRole('dialog').getByRole('button', { name: '离开' }).click()
    await openArticle(page, article.title)
    await page.getByRole('button', { name: /^恢\s?复$/ }).click()
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe('关于组织开展年度统计培训的通知')

    await page.getByRole('button', { name: '历史版本' }).click()
    const drawer = page.getByRole('dialog', { name: '历史版本' })
    await drawer.getByRole('button', { name: /^比\s?较$/ }).click()
    await drawer.locator('ins', { hasText: '十二' }).waitFor({ timeout: 15_000 })
    expect(await drawer.locator('del', { hasText: '十' }).count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-editor-revisions.png') })
    const drawerViolations = await axeViolations(page, 'revisions')
    await drawer.getByRole('button', { name: '恢复第 1 版' }).click()
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /^恢\s?复$/ })
      .click()
    await expect
      .poll(async () => (await t.content.articles.get(article.id)).revision, { timeout: 15_000 })
      .toBe(3)
    expect((await t.content.articles.get(article.id)).bodyHtml).toBe(article.bodyHtml)
    expect(drawerViolations).toEqual([])
    expect(errors).toEqual([])
  }, 120_000)
})
