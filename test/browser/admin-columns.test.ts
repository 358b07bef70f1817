import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { insertArticleRows, publishedArticleRow } from '../../bench/generate-corpus.ts'
import { systemActor } from '../../src/content/index.ts'
import type { NewArticleRow, Store } from '../../src/store/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

/** A button's name: antd may space out a two-character Chinese label (删 除). */
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`)

/** The browser's own log line for a refused request, e.g. `status of 422 (Unprocessable Entity)`. */
const refusedWith = (status: number) => new RegExp(`status of ${status}\\b`)

/**
 * Writes `count` short published articles into one column straight into the store, 1,000 to a
 * transaction (as bench/generate-corpus.ts does): a big column in seconds, not through the services.
 */
async function insertArticles(store: Store, siteId: number, columnId: number, count: number) {
  const start = Date.UTC(2015, 0, 1)
  const now = new Date().toISOString()
  for (let offset = 0; offset < count; offset += 1_000) {
    const rows: NewArticleRow[] = []
    for (let i = offset; i < Math.min(count, offset + 1_000); i++) {
      const publishAt = new Date(start + i * 3_600_000).toISOString()
      rows.push(
        publishedArticleRow({
          siteId,
          columnId,
          title: `测试新闻第${i + 1}篇`,
          bodyHtml: `<p>这是第${i + 1}篇用于测试的新闻正文。</p>`,
          publishAt,
          createdAt: now,
        }),
      )
    }
    await insertArticleRows(store, rows)
  }
}

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('managing columns and articles in bulk in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1400, height: 900 })
  const signedIn = (userName: string) => admin.signedIn(userName)

  /** Waits for dialogs and notices to finish opening, so that a screenshot shows them whole. */
  async function settled(page: Page) {
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations()
              .length,
        ),
      )
      .toBe(0)
  }

  async function site() {
    return t.content.sites.create(operator, {
      slug: 'shili',
      name: '示例市人民政府',
      baseUrl: 'https://www.shili.gov.cn',
    })
  }

  const sider = (page: Page) => page.getByRole('navigation', { name: '栏目' })
  const treeItem = (page: Page, name: string) => sider(page).getByRole('treeitem', { name, exact: true })

  async function rootNames(siteId: number) {
    return (await t.content.columns.tree(siteId)).roots.map((column) => column.name)
  }

  it('lets a site administrator create, move, reorder and delete columns, and shows the refusals', async () => {
    const { id: siteId } = await site()
    const news = await t.content.columns.create(operator, { siteId, name: '新闻中心', slug: 'xwzx' })
    const pictures = await t.content.columns.create(operator, {
      siteId,
      parentId: news.id,
      name: '图片新闻',
      slug: 'tpxw',
    })
    const notices = await t.content.columns.create(operator, { siteId, name: '通知公告', slug: 'tzgg' })
    await t.content.articles.create(operator, { columnId: notices.id, title: '关于调整办公时间的通知' })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId }])
    const { page, errors } = await signedIn('zhanzhang')
    await treeItem(page, '图片新闻').waitFor({ timeout: 15_000 })

    // A new column, at the top level (no column is selected).
    await page.getByRole('button', { name: '新建栏目' }).click()
    const create = page.getByRole('dialog', { name: '新建栏目' })
    await create.getByLabel('栏目名称').fill('政策')
    await create.getByLabel('路径名').fill('zcwj')
    await create.getByLabel('审核级别').click()
    await page.locator('.ant-select-dropdown:visible').getByText('初审', { exact: true }).click()
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-column-dialog.png') })
    const dialogViolations = await axeViolations(page, 'column dialog')
    await create.getByRole('button', { name: button('创建') }).click()
    await treeItem(page, '政策').waitFor({ timeout: 15_000 })
    const policies = await t.content.columns.byPath(siteId, 'zcwj')
    expect([policies.parentId, policies.reviewLevels]).toEqual([null, 1])

    // The new column is selected: its name changes in the same form.
    await page.getByRole('button', { name: button('编辑') }).click()
    const change = page.getByRole('dialog', { name: '编辑栏目：政策' })
    await change.getByLabel('栏目名称').fill('政策文件')
    await change.getByRole('button', { name: button('保存') }).click()
    await treeItem(page, '政策文件').waitFor({ timeout: 15_000 })
    expect((await t.content.columns.get(policies.id)).name).toBe('政策文件')

    // Under 新闻中心, by the keyboard: the dialog's column chooser opens and moves with the arrow keys.
    await page.getByRole('button', { name: '移动到…' }).click()
    const move = page.getByRole('dialog', { name: '移动栏目：政策文件' })
    const parent = move.getByLabel('新的上级栏目')
    await parent.focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(1)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => move.locator('.ant-select-content').textContent()).toBe('新闻中心')
    await move.getByRole('button', { name: button('移动') }).press('Enter')
    await expect.poll(async () => (await t.content.columns.get(policies.id)).parentId).toBe(news.id)
    await treeItem(page, '政策文件').waitFor()

    // 通知公告 goes up above 新闻中心.
    await treeItem(page, '通知公告').click()
    await page.getByRole('button', { name: '上移' }).click()
    await expect.poll(() => rootNames(siteId)).toEqual(['通知公告', '新闻中心'])

    // A column cannot go under its own child: the server's reason shows, nothing moves.
    await treeItem(page, '新闻中心').click()
    await page.getByRole('button', { name: '移动到…' }).click()
    const cycle = page.getByRole('dialog', { name: '移动栏目：新闻中心' })
    await cycle.getByLabel('新的上级栏目').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle('图片新闻').click()
    await cycle.getByRole('button', { name: button('移动') }).click()
    await cycle.getByRole('alert').getByText('不能把栏目「新闻中心」移到它自己或它的下级栏目之下').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-column-cycle.png') })
    expect((await t.content.columns.get(news.id)).parentId).toBeNull()
    expect((await t.content.columns.get(pictures.id)).parentId).toBe(news.id)
    await cycle.getByRole('button', { name: button('取消') }).click()

    // A column holding an article cannot be deleted: the refusal shows in the sider.
    await treeItem(page, '通知公告').click()
    await page
      .getByRole('navigation')
      .getByRole('button', { name: button('删除') })
      .click()
    const confirm = page.getByRole('dialog', { name: '删除栏目「通知公告」？' })
    await confirm.getByRole('button', { name: button('删除') }).click()
    await confirm.waitFor({ state: 'hidden' })
    await sider(page)
      .getByRole('alert')
      .getByText('栏目「通知公告」仍有 1 篇文章、0 个子栏目，请先移走或删除')
      .waitFor({ timeout: 15_000 })
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-column-not-empty.png') })
    expect(await rootNames(siteId)).toEqual(['通知公告', '新闻中心'])
    expect(await treeItem(page, '通知公告').count()).toBe(1)

    expect(dialogViolations).toEqual([])
    // The two refusals this story provoked, logged by the browser; nothing else.
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(refusedWith(422))
    expect(errors[1]).toMatch(refusedWith(409))
  }, 120_000)

  it('lets a site administrator drag a column among its siblings and under another', async () => {
    const { id: siteId } = await site()
    const news = await t.content.columns.create(operator, { siteId, name: '新闻中心', slug: 'xwzx' })
    await t.content.columns.create(operator, { siteId, name: '通知公告', slug: 'tzgg' })
    await t.content.columns.create(operator, { siteId, name: '政策文件', slug: 'zcwj' })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId }])
    const { page, errors } = await signedIn('zhanzhang')
    await treeItem(page, '政策文件').waitFor({ timeout: 15_000 })

    // Above 新闻中心: the top edge of its row.
    await treeItem(page, '政策文件').dragTo(treeItem(page, '新闻中心'), { targetPosition: { x: 40, y: 2 } })
    await expect
      .poll(() => rootNames(siteId), { timeout: 15_000 })
      .toEqual(['政策文件', '新闻中心', '通知公告'])
    // Into 新闻中心: the lower half of its row, the pointer moved right by more than an indent.
    const from = await treeItem(page, '通知公告').boundingBox()
    const onto = await treeItem(page, '新闻中心').boundingBox()
    if (!from || !onto) throw new Error('the tree is not shown')
    await page.mouse.move(from.x + 8, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + 30, onto.y + onto.height * 0.75, { steps: 5 })
    await page.mouse.move(from.x + from.width - 4, onto.y + onto.height * 0.75, { steps: 5 })
    await page.mouse.up()
    await expect
      .poll(async () => (await t.content.columns.byPath(siteId, 'xwzx/tzgg')).parentId, { timeout: 15_000 })
      .toBe(news.id)
    expect(await rootNames(siteId)).toEqual(['政策文件', '新闻中心'])
    expect(errors).toEqual([])
  }, 60_000)

  it('shows other users the tree without the column tools', async () => {
    const { id: siteId } = await site()
    await t.content.columns.create(operator, { siteId, name: '通知公告', slug: 'tzgg' })
    await t.addUser('bianji', [{ role: 'editor', siteId }])
    const { page, errors } = await signedIn('bianji')
    await treeItem(page, '通知公告').waitFor({ timeout: 15_000 })
    expect(await page.getByRole('button', { name: '新建栏目' }).count()).toBe(0)
    expect(await page.locator('.ant-tree-treenode[draggable="true"]').count()).toBe(0)
    expect(errors).toEqual([])
  }, 60_000)

  it('lets an editor filter by creator and dates, then submit, move and withdraw articles in bulk', async () => {
    const { id: siteId } = await site()
    const notices = await t.content.columns.create(operator, { siteId, name: '通知公告', slug: 'tzgg' })
    const work = await t.content.columns.create(operator, { siteId, name: '工作动态', slug: 'gzdt' })
    const wang = systemActor('wanghong')
    const li = systemActor('lihua')
    const drafts = []
    for (const n of ['一', '二', '三', '四'])
      drafts.push(await t.content.articles.create(wang, { columnId: notices.id, title: `王红的草稿${n}` }))
    for (const n of ['一', '二'])
      await t.content.articles.create(li, { columnId: notices.id, title: `李华的草稿${n}` })
    const old = await t.content.articles.create(wang, {
      columnId: notices.id,
      title: '王红的旧通知',
      publishAt: '2020-05-01T02:00:00.000Z',
    })
    await t.content.articles.publish(operator, old.id)
    await t.addUser('bianji', [{ role: 'editor', siteId }])
    const { page, errors } = await signedIn('bianji')
    await expect.poll(() => page.getByText('共 7 篇').count(), { timeout: 15_000 }).toBe(1)

    await page.getByLabel('创建人').fill('wanghong')
    await page.getByLabel('创建人').press('Enter')
    await expect.poll(() => page.getByText('共 5 篇').count(), { timeout: 15_000 }).toBe(1)
    // Today in the site's time zone, as the server counts days: the drafts, not the 2020 notice.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
    await page.getByLabel('起始日期').click()
    await page.getByLabel('起始日期').fill(today)
    await page.getByLabel('起始日期').press('Enter')
    await page.getByLabel('截止日期').fill(today)
    await page.getByLabel('截止日期').press('Enter')
    await expect.poll(() => page.getByText('共 4 篇').count(), { timeout: 15_000 }).toBe(1)
    expect(await page.getByRole('button', { name: '王红的旧通知' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '李华的草稿一' }).count()).toBe(0)

    // Three drafts submitted at once; the column has no review, so they are published.
    for (const n of ['一', '二', '三']) await page.getByLabel(`选择：王红的草稿${n}`).check()
    await page.getByText('已选 3 篇').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-list-selection.png'), fullPage: true })
    const listViolations = await axeViolations(page, 'list with selection')
    await page
      .getByRole('group', { name: '批量操作' })
      .getByRole('button', { name: button('提交') })
      .click()
    const submit = page.getByRole('dialog', { name: '提交 3 篇文章？' })
    await submit.getByRole('button', { name: button('提交') }).click()
    const submitted = page.getByRole('dialog', { name: '提交：3 篇全部完成' })
    await submitted.waitFor({ timeout: 30_000 })
    await closeDialog(submitted)
    const statusOf = async (id: number) => (await t.content.articles.get(id)).status
    expect(await Promise.all(drafts.map((draft) => statusOf(draft.id)))).toEqual([
      'published',
      'published',
      'published',
      'draft',
    ])

    // Two of them to 工作动态.
    await expect.poll(() => page.getByText('已选').count()).toBe(0)
    for (const n of ['一', '二']) await page.getByLabel(`选择：王红的草稿${n}`).check()
    await page.getByRole('button', { name: '移动到…' }).click()
    const move = page.getByRole('dialog', { name: '移动 2 篇文章' })
    await move.getByLabel('目标栏目').click()
    await page.locator('.ant-select-dropdown:visible').getByTitle('工作动态').click()
    await move.getByRole('button', { name: button('移动') }).click()
    const moved = page.getByRole('dialog', { name: '移动：2 篇全部完成' })
    await moved.waitFor({ timeout: 15_000 })
    await closeDialog(moved)
    const columnOf = async (id: number) => (await t.content.articles.get(id)).columnId
    expect(await Promise.all(drafts.map((draft) => columnOf(draft.id)))).toEqual([
      work.id,
      work.id,
      notices.id,
      notices.id,
    ])

    // A withdrawal with one reason for both: the draft cannot be withdrawn, and the result says so.
    for (const n of ['三', '四']) await page.getByLabel(`选择：王红的草稿${n}`).check()
    await page
      .getByRole('group', { name: '批量操作' })
      .getByRole('button', { name: button('撤稿') })
      .click()
    const withdraw = page.getByRole('dialog', { name: '撤稿 2 篇文章' })
    await withdraw.getByLabel('撤稿原因（用于全部 2 篇）').fill('内容需要核实')
    await withdraw.getByRole('button', { name: button('撤稿') }).click()
    const result = page.getByRole('dialog', { name: '撤稿：完成 1 篇，1 篇未能完成' })
    await result.waitFor({ timeout: 15_000 })
    expect(await result.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^王红的草稿四：/),
    ])
    await settled(page)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-bulk-result.png') })
    await closeDialog(result)
    expect(await statusOf(drafts[2]?.id ?? 0)).toBe('withdrawn')
    expect(await statusOf(drafts[3]?.id ?? 0)).toBe('draft')

    expect(listViolations).toEqual([])
    // The refused withdrawal of the draft, logged by the browser; nothing else.
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(refusedWith(409))
  }, 120_000)

  it('opens the list of a column holding 20,000 articles with its total and first page', async () => {
    const { id: siteId } = await site()
    const column = await t.content.columns.create(operator, { siteId, name: '院内要闻', slug: 'ynyw' })
    await insertArticles(t.store, siteId, column.id, 20_000)
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId }])
    const { page, errors } = await signedIn('zhanzhang')
    await treeItem(page, '院内要闻').click()
    await expect.poll(() => page.getByText('共 20000 篇').count(), { timeout: 15_000 }).toBe(1)
    // Newest first: the last one written heads the first page of 20.
    await page.getByRole('button', { name: '测试新闻第20000篇', exact: true }).waitFor()
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(20)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-big-column.png') })
    expect(errors).toEqual([])
  }, 120_000)
})

/**
 * Closes a result dialog and waits until it is gone: on a loaded machine a click during the
 * opening animation can be lost, and the closing one still covers the list for a moment.
 */
async function closeDialog(dialog: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await dialog.isVisible()); attempt++) {
    await dialog
      .getByRole('button', { name: button('确定') })
      .click({ timeout: 5_000 })
      .catch(() => {})
    await dialog.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {})
  }
  expect(await dialog.isVisible()).toBe(false)
}
