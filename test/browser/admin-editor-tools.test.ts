import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

// The editor's tools are the same on either engine; the story runs on SQLite.
describe('the editor’s placement, copy, live-page and table tools in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 1100 })
  const actor = systemActor('cli:test')
  it('pins an article until a date, quotes it into another column, copies it to another site, opens its live page, grows a 3×4 table by a row and orders the column’s pins', async () => {
    // The public site answers the live-page link; its folder is the one the publisher writes.
    const counter = new ViewCounter(t.store)
    const publicSite = await createPublicSite({ root: join(t.output, 'sites', 'shili'), counter })
    try {
      await story(await publicSite.listen({ host: '127.0.0.1', port: 0 }))
    } finally {
      await publicSite.close()
      await counter.close()
    }
  }, 120_000)

  async function story(origin: string) {
    const site = await t.content.sites.create(actor, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: origin,
    })
    const news = await t.content.columns.create(actor, { siteId: site.id, name: '要闻动态', slug: 'ywdt' })
    const topic = await t.content.columns.create(actor, { siteId: site.id, name: '专题专栏', slug: 'ztzl' })
    const branch = await t.content.sites.create(actor, {
      slug: 'fenju',
      name: '示例市市场监管分局',
      baseUrl: 'https://fenju.shili.gov.cn',
    })
    const branchNews = await t.content.columns.create(actor, {
      siteId: branch.id,
      name: '分局动态',
      slug: 'fjdt',
    })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: null }])
    const draft = await t.content.articles.create(actor, {
      columnId: news.id,
      title: '全市计量工作会议召开',
      bodyHtml: '<p>会议总结了上一年度计量工作。</p>',
    })
    await t.content.articles.publish(actor, draft.id)
    const pinned = await t.content.articles.create(actor, {
      columnId: news.id,
      title: '早已置顶的公告',
      weight: 5,
    })
    await t.content.articles.publish(actor, pinned.id)
    await t.queue.runPending()

    const { page, errors } = await admin.signedIn('zhanzhang')
    await page.getByRole('treeitem', { name: '要闻动态' }).click()
    await page.getByRole('button', { name: '全市计量工作会议召开' }).click()
    const body = page.getByRole('textbox', { name: '正文' })
    await body.waitFor({ timeout: 15_000 })

    // 置顶 until the end of June 2030, and 引用 into 专题专栏.
    await page.getByRole('switch', { name: '置顶' }).click()
    const until = page.getByLabel('置顶截止')
    await until.click()
    await until.fill('2030-06-30 18:00')
    await until.press('Enter')
    await page.getByLabel('同时发布到（引用）').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle('专题专栏').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)

    // A 3 × 4 table at the end of the body, then a row below the caret's.
    await body.click()
    await page.keyboard.press('Control+End')
    await page.getByRole('button', { name: '插入表格' }).click()
    await page.getByRole('spinbutton', { name: '行数' }).fill('3')
    await page.getByRole('spinbutton', { name: '列数' }).fill('4')
    await page
      .getByRole('group', { name: '表格大小' })
      .getByRole('button', { name: /^插\s?入$/ })
      .click()
    // Counted rather than waited on as visible: on a loaded machine (CI) the new table took
    // longer than 10 s to be laid out, while its rows were there.
    await expect.poll(() => body.locator('table tr').count(), { timeout: 30_000 }).toBe(3)
    expect(await body.locator('table tr').first().locator('td').count()).toBe(4)
    await body.locator('table td').first().click()
    await page.getByRole('button', { name: '在下方插入行' }).click()
    await expect.poll(() => body.locator('table tr').count()).toBe(4)

    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByText('第 2 版').count(), { timeout: 15_000 }).toBe(1)
    const saved = await t.content.articles.get(draft.id)
    expect(saved).toMatchObject({
      weight: 1,
      pinnedUntil: '2030-06-30T10:00:00.000Z',
      alsoInColumnIds: [topic.id],
    })
    expect(saved.bodyHtml).toMatch(/<table>(?:(?!<\/table>).)*<\/table>$/s)
    expect(saved.bodyHtml.match(/<tr>/g)?.length).toBe(4)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-editor-tools.png'), fullPage: true })

    // 复制 into the branch office's site: a draft there, its source recorded.
    await page.getByRole('button', { name: '复制' }).click()
    const dialog = page.getByRole('dialog', { name: '复制文章' })
    await dialog.getByLabel('目标站点').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle('示例市市场监管分局').click()
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    await dialog.getByLabel('目标栏目').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle('分局动态').click()
    await dialog.getByRole('button', { name: /^复\s?制$/ }).click()
    await page.getByText(/已复制为草稿（示例市市场监管分局，文章 \d+）/).waitFor({ timeout: 15_000 })
    const [copy] = (await t.content.articles.list({ site: branch.id, columnId: branchNews.id })).items
    expect(copy).toMatchObject({ title: '全市计量工作会议召开', status: 'draft', copiedFromId: draft.id })

    // The live page, from the link beside the preview, with the pinned article's text.
    await t.queue.runPending()
    const popup = page.waitForEvent('popup')
    await page.getByRole('link', { name: '查看线上页面' }).click()
    const live = await popup
    await live.waitForLoadState()
    expect(live.url()).toBe(`${origin}/${saved.urlPath}`)
    expect(await live.getByRole('heading', { name: '全市计量工作会议召开' }).count()).toBe(1)
    expect(await live.locator('article table tr').count()).toBe(4)
    await live.close()

    // 置顶排序 from the column toolbar: the article pinned just now moves above the older pin.
    // Back to the list, 要闻动态 still the chosen column.
    await page.getByRole('button', { name: '返回' }).click()
    await page.getByText('当前栏目：要闻动态').waitFor()
    await page.getByRole('button', { name: '置顶排序' }).click()
    const ordering = page.getByRole('dialog', { name: '置顶排序：要闻动态' })
    await ordering.getByText('2. 全市计量工作会议召开').waitFor()
    await ordering.getByRole('button', { name: '上移：全市计量工作会议召开' }).click()
    await ordering.getByText('1. 全市计量工作会议召开').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-pinned-order.png') })
    await ordering.getByRole('button', { name: '保存排序' }).click()
    await page.getByText('已保存置顶顺序').waitFor({ timeout: 15_000 })
    const weights = [pinned.id, draft.id].map(async (id) => (await t.content.articles.get(id)).weight)
    expect(await Promise.all(weights)).toEqual([1, 2])

    expect(errors).toEqual([])
  }
})
