import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

/** A published notice, and a published article whose body links to it and to a page that is not there. */
async function linkedSite(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计测院',
    baseUrl: 'https://simt.example.cn/',
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知公告', slug: 'tzgg' })
  await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
  const notice = await t.content.articles.create(operator, {
    columnId: column.id,
    title: '关于放假的通知',
    bodyHtml: '<p>放假。</p>',
  })
  await t.content.articles.publish(operator, notice.id)
  await t.publisher.publish({ site: site.id })
  const noticeUrl = (await t.content.articles.get(notice.id)).urlPath
  const pointer = await t.content.articles.create(operator, {
    columnId: column.id,
    title: '值班安排',
    bodyHtml: `<p>见<a href="/${noticeUrl}">放假通知</a>和<a href="/tzgg/old.html">旧页面</a>。</p>`,
  })
  await t.content.articles.publish(operator, pointer.id)
  const run = await t.publisher.publish({ site: site.id })
  return { site, notice, pointer, run }
}

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('links in the admin, in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t)

  it('lists the published pages that link to an article in the withdraw dialog, before anything happens', async () => {
    const { notice } = await linkedSite(t)
    const { page, errors } = await admin.signedIn('guanli')
    await page.getByRole('treeitem', { name: '通知公告' }).click()
    await page.getByRole('button', { name: '关于放假的通知' }).click()
    await page.getByRole('textbox', { name: '正文' }).waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: /^撤\s?稿$/ }).click()

    const dialog = page.getByRole('dialog')
    const list = dialog.locator('.linked-from')
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('值班安排（文章）')
    expect(await list.textContent()).toContain('链接到这篇文章')
    // The home page and the column's list link to it too; each entry opens the page on the site.
    const hrefs = await list
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(hrefs).toContain('https://simt.example.cn/')
    expect(hrefs.some((href) => /^https:\/\/simt\.example\.cn\/tzgg\/\d{4}\//.test(href ?? ''))).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-withdraw-linked-from.png'), fullPage: true })
    await dialog.getByRole('button', { name: /取\s?消/ }).click()
    expect((await t.content.articles.get(notice.id)).status).toBe('published')
    expect(errors).toEqual([])
  })

  it('shows the broken links a publish run found, with the article and the editor to tell', async () => {
    await linkedSite(t)
    const { page, errors } = await admin.signedIn('guanli')
    await page.locator('.section-switch').getByText('发布', { exact: true }).click()
    // The newest run comes first and opens to its files and broken links.
    const history = page
      .locator('.section-card')
      .filter({ has: page.getByRole('heading', { name: '发布记录' }) })
    await expect.poll(() => history.getByText('共 2 次发布').count(), { timeout: 15_000 }).toBe(1)
    await history
      .getByRole('button', { name: /展开|expand/i })
      .first()
      .click()
    const broken = page.locator('.run-broken-links')
    await expect.poll(() => broken.textContent(), { timeout: 10_000 }).toContain('/tzgg/old.html')
    expect(await broken.textContent()).toContain('值班安排')
    expect(await broken.textContent()).toContain('cli:test')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-run-broken-links.png'), fullPage: true })
    expect(errors).toEqual([])
  })
})
