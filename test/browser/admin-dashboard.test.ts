import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type Actor, systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')
const MARKER = '模板预览标记 TPL-7'
/** What the browser logs for the syntax error the test makes on purpose. */
const REFUSED_SAVE =
  'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)'

/**
 * The lines a CodeMirror editor (its content element) draws: those in view and about 1000px
 * around them, so the beginning of a template just opened, not always all of it.
 */
function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((node) => {
    const content = node as unknown as {
      querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>
    }
    return Array.from(content.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n')
  })
}

/** The caret's line in a focused editor, as its gutter marks it, or null when it has no focus. */
async function caretLine(editor: Locator): Promise<number | null> {
  const isFocused = await editor.evaluate(
    (node) =>
      (node as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === node,
  )
  if (!isFocused) return null
  // The content's parent (.cm-scroller) holds the gutters too.
  return Number(
    await editor.locator('xpath=..').locator('.cm-lineNumbers .cm-activeLineGutter').textContent(),
  )
}

/** A button's name, where antd may space out a two-character Chinese label (保 存). */
const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`)

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('the dashboard and the template editor in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1000 })
  const signedIn = (userName: string) => admin.signedIn(userName)

  async function openSection(page: Page, name: string) {
    await page.locator('.section-switch').getByText(name, { exact: true }).click()
  }

  /**
   * A site with a reviewed column: an editor's article waits for review, the administrator's own
   * article came back with a comment, one is scheduled, one is published, read and counted.
   */
  async function busySite() {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计量测试院',
      baseUrl: 'https://www.simt.example.cn',
    })
    const reviewed = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
      reviewLevels: 1,
    })
    const news = await t.content.columns.create(operator, { siteId: site.id, name: '工作动态', slug: 'gzdt' })
    const editorId = await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    const adminId = await t.addUser('zhanzhang', [
      { role: 'site_admin', siteId: site.id },
      { role: 'reviewer', siteId: site.id, columnId: reviewed.id },
    ])
    const editor: Actor = { id: String(editorId), name: 'bianji', address: '' }
    const administrator: Actor = { id: String(adminId), name: 'zhanzhang', address: '' }

    const waiting = await t.content.articles.create(editor, {
      columnId: reviewed.id,
      title: '关于计量宣传周的通知',
    })
    await t.content.articles.submit(editor, waiting.id)
    const own = await t.content.articles.create(administrator, {
      columnId: reviewed.id,
      title: '年度检定计划',
    })
    await t.content.articles.submit(administrator, own.id)
    await t.content.articles.reject(editor, own.id, '请补充检定日期。')
    const later = await t.content.articles.create(editor, {
      columnId: news.id,
      title: '新年献词',
      publishAt: '2099-01-01T00:00:00.000Z',
    })
    await t.content.articles.submit(editor, later.id)
    const read = await t.content.articles.create(operator, { columnId: news.id, title: '院领导调研计量工作' })
    await t.content.articles.publish(operator, read.id)
    await t.publisher.publish({ site: site.id })

    // Views as the counter keeps them: per day in the site's time zone, and in all.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: site.timeZone }).format(new Date())
    const daysAgo = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
    await t.store.db
      .insertInto('article_views_daily')
      .values([
        { article_id: read.id, day: today, views: 12 },
        { article_id: read.id, day: daysAgo(3), views: 5 },
      ])
      .execute()
    await t.store.db.insertInto('article_views').values({ article_id: read.id, views: 17 }).execute()
    return { site }
  }

  it('shows a site administrator what waits, what came back, what is due and how the site is read', async () => {
    const { site } = await busySite()
    const { page, errors } = await signedIn('zhanzhang')
    await openSection(page, '工作台')
    await page.getByRole('heading', { name: `工作台：${site.name}` }).waitFor()

    const waiting = page.getByRole('list', { name: '待我审核' })
    await expect.poll(() => waiting.getByText('关于计量宣传周的通知').count(), { timeout: 15_000 }).toBe(1)
    expect(await waiting.getByText('待审').count()).toBe(1)
    expect(await waiting.getByText('待初审').count()).toBe(1)
    const rejected = page.getByRole('list', { name: '被退回' })
    expect(await rejected.getByText('年度检定计划').count()).toBe(1)
    expect(await rejected.getByText('审核意见：请补充检定日期。').count()).toBe(1)
    // 2099-01-01 00:00 UTC is 08:00 in Shanghai.
    const scheduled = page.getByRole('list', { name: '定时发布' })
    expect(await scheduled.getByText('将于 2099-01-01 08:00 发布').count()).toBe(1)

    // Thirty bars, the same thirty days in a table for screen readers, and the total.
    const chart = page.getByRole('img', { name: /近 30 天每日访问量柱状图/ })
    expect(await chart.getAttribute('aria-label')).toContain('共 17 次')
    expect(await chart.locator('rect.views-bar').count()).toBe(30)
    const table = page.getByRole('table', { name: '近 30 天每日访问量' })
    expect(await table.locator('tbody tr').count()).toBe(30)
    expect(await table.locator('tbody tr').last().locator('td').textContent()).toBe('12')
    expect(await page.getByRole('list', { name: '访问最多的文章' }).textContent()).toContain(
      '院领导调研计量工作17 次',
    )
    expect(await page.getByText('共 17 次访问，最多一天 12 次').count()).toBe(1)
    expect(await page.getByText('本站还没有发布过。').count()).toBe(0)

    await page.screenshot({ path: join(SCREENSHOTS, 'admin-dashboard.png'), fullPage: true })
    expect(await axeViolations(page, 'dashboard')).toEqual([])
    expect(errors).toEqual([])
  }, 90_000)

  it('lets a site administrator change a template: preview, see a syntax error at its line, fix and save', async () => {
    const { site } = await busySite()
    const { page, errors } = await signedIn('zhanzhang')
    await openSection(page, '模板')
    await page.getByRole('heading', { name: `模板：${site.name}` }).waitFor()
    await page
      .getByRole('list', { name: '模板列表' })
      .getByRole('button', { name: /^article\.liquid/ })
      .click()
    const source = page.getByRole('textbox', { name: 'article.liquid 的源代码' })
    await expect.poll(() => editorText(source), { timeout: 15_000 }).toContain('{% block content %}')
    const answer = await page.request.get(`${t.url}/api/sites/${site.id}/templates/article.liquid`)
    const original = ((await answer.json()) as { source: string }).source
    expect(original.startsWith(await editorText(source))).toBe(true)

    // Tab indents inside the editor (two spaces on the empty last line) instead of leaving it.
    await source.click()
    await source.press('Control+End')
    await source.press('Tab')
    expect(await caretLine(source)).toBe(original.split('\n').length)
    expect(await source.locator('.cm-activeLine').textContent()).toBe('  ')

    const [first, second, ...rest] = original.split('\n')
    const marked = [first, second, `<p class="marker">${MARKER}</p>`, ...rest].join('\n')
    await source.fill(marked)
    await page.getByRole('button', { name: button('预览') }).click()
    const frame = page.locator('.template-preview iframe')
    await expect
      .poll(async () => (await frame.count()) > 0 && (await frame.getAttribute('srcdoc')), {
        timeout: 15_000,
      })
      .toContain(MARKER)
    expect(await frame.getAttribute('sandbox')).toBe('')
    expect(await page.frameLocator('.template-preview iframe').getByText(MARKER).count()).toBe(1)
    // Chromium paints a sandboxed frame only in view (a full-page screenshot leaves it blank).
    await frame.scrollIntoViewIfNeeded()
    await frame.screenshot({ path: join(SCREENSHOTS, 'admin-template-preview.png') })
    const link = page.getByRole('link', { name: '在新标签页中打开预览' })
    expect(await link.getAttribute('href')).toMatch(/^blob:/)
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()])
    await expect
      .poll(() => tab.frameLocator('iframe[sandbox=""]').getByText(MARKER).count(), { timeout: 15_000 })
      .toBe(1)
    await tab.close()

    // An output tag never closed, on line 3: the server names the line, the editor goes there.
    const broken = [
      first,
      second,
      '<p>{{ article.title </p>',
      `<p class="marker">${MARKER}</p>`,
      ...rest,
    ].join('\n')
    await source.fill(broken)
    await page.getByRole('button', { name: button('保存') }).click()
    const alert = page.getByRole('alert').filter({ hasText: /第 3 行/ })
    await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1)
    expect(await page.locator('.cm-lineNumbers .cm-error-line-number').textContent()).toBe('3')
    expect(await page.locator('.cm-line.cm-error-line').count()).toBe(1)
    await expect.poll(() => caretLine(source), { timeout: 15_000 }).toBe(3)
    expect(await source.getAttribute('aria-invalid')).toBe('true')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-template-error.png'), fullPage: true })

    // Fixed, and saved with Ctrl+S.
    await source.fill(marked)
    await source.press('Control+s')
    await expect
      .poll(() => page.getByText('已保存。使用此模板的页面将重新发布。').count(), { timeout: 15_000 })
      .toBe(1)
    const saved = await t.store.db
      .selectFrom('site_templates')
      .selectAll()
      .where('site_id', '=', site.id)
      .where('name', '=', 'article.liquid')
      .executeTakeFirstOrThrow()
    expect(saved.source).toBe(marked)
    expect(saved.updated_by).toBe('zhanzhang')
    await expect
      .poll(
        () =>
          page
            .getByRole('list', { name: '模板列表' })
            .getByRole('button', { name: /^article\.liquid/ })
            .getByText('已修改')
            .count(),
        // As every wait here: a loaded 2-core CI host ran this test three times slower than
        // an idle one, and the poll's default second ran out (twice in four runs).
        { timeout: 15_000 },
      )
      .toBe(1)
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /第 3 行/ })
        .count(),
    ).toBe(0)

    await page.getByRole('checkbox', { name: '显示主题默认版本' }).check()
    const theirs = page.getByRole('textbox', { name: 'article.liquid 的主题默认版本（只读）' })
    await expect.poll(() => editorText(theirs), { timeout: 15_000 }).toContain('{% block content %}')
    expect(original.startsWith(await editorText(theirs))).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-templates.png'), fullPage: true })
    expect(await axeViolations(page, 'templates')).toEqual([])
    expect(errors).toEqual([REFUSED_SAVE])
  }, 90_000)

  it('shows an editor the templates read-only, with the reason', async () => {
    const { site } = await busySite()
    await t.addUser('bianji2', [{ role: 'editor', siteId: site.id }])
    const { page, errors } = await signedIn('bianji2')
    await openSection(page, '模板')
    await page.getByRole('heading', { name: `模板：${site.name}` }).waitFor()
    await expect
      .poll(() => page.getByText('只有站点管理员可以修改和预览模板。', { exact: false }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    const source = page.getByRole('textbox', { name: /的源代码$/ })
    await expect.poll(() => source.getAttribute('aria-readonly'), { timeout: 15_000 }).toBe('true')
    expect(await page.getByRole('button', { name: button('保存') }).count()).toBe(0)
    // A preview runs the template: the server refuses it to editors, so the admin offers none.
    expect(await page.getByRole('button', { name: button('预览') }).count()).toBe(0)
    expect(errors).toEqual([])
  }, 60_000)
})
