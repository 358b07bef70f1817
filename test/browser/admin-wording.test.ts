import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { SCREENSHOTS, useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

// The admin UI is the same on either engine; the browser stories run on SQLite.
describe('forbidden words in the editor, in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t)

  it('marks the hits in the body with their suggestion and lists them when the submit is refused', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计测院',
      baseUrl: 'https://simt.example.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
      reviewLevels: 1,
    })
    await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    const lists = await t.signedIn('guanli')
    await lists.post(`/api/sites/${site.id}/words`, {
      word: '台湾国',
      kind: 'political',
      level: 'block',
      suggestion: '台湾地区',
    })
    await lists.post(`/api/sites/${site.id}/words`, {
      word: '国务院办公厅',
      kind: 'protected',
      level: 'block',
    })
    await t.content.articles.create(operator, {
      columnId: column.id,
      title: '代表团来访',
      bodyHtml: '<p>昨日台湾国代表团来访，国务院办公听发来贺信。</p>',
    })

    const { page, errors } = await admin.signedIn('bianji')
    await page.getByRole('treeitem', { name: '通知公告' }).click()
    await page.getByRole('button', { name: '代表团来访' }).click()
    await page.getByRole('textbox', { name: '正文' }).waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: /^送\s?审$/ }).click()

    const marks = page.locator('.ProseMirror .wording-hit')
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBe(2)
    expect(await marks.allTextContents()).toEqual(['台湾国', '国务院办公听'])
    expect(await marks.first().getAttribute('title')).toBe('→ 台湾地区')
    expect(await marks.nth(1).getAttribute('title')).toBe('→ 国务院办公厅')
    const panel = page.locator('.wording-panel')
    await expect.poll(() => panel.textContent(), { timeout: 5_000 }).toContain('台湾国 → 台湾地区')
    expect(await panel.textContent()).toContain('国务院办公听 → 国务院办公厅')
    const [article] = (await t.content.articles.list({ site: site.id })).items
    expect(article?.status).toBe('draft')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-editor-wording.png'), fullPage: true })
    expect(await axeViolations(page, 'editor with wording hits')).toEqual([])
    expect(errors.filter((error) => !error.includes('422'))).toEqual([])
  })

  it('marks the hits as soon as an article is saved, then refuses its submit with the list', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '计测院',
      baseUrl: 'https://simt.example.cn',
    })
    const column = await t.content.columns.create(operator, {
      siteId: site.id,
      name: '通知公告',
      slug: 'tzgg',
      reviewLevels: 1,
    })
    await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    const lists = await t.signedIn('guanli')
    await lists.post(`/api/sites/${site.id}/words`, {
      word: '台湾国',
      kind: 'political',
      level: 'block',
      suggestion: '台湾地区',
    })
    await lists.post(`/api/sites/${site.id}/words`, { word: '最佳', kind: 'advertising', level: 'warn' })
    await t.content.articles.create(operator, {
      columnId: column.id,
      title: '代表团来访',
      bodyHtml: '<p>昨日代表团来访。</p>',
    })

    const { page, errors } = await admin.signedIn('bianji')
    await page.getByRole('treeitem', { name: '通知公告' }).click()
    await page.getByRole('button', { name: '代表团来访' }).click()
    const body = page.getByRole('textbox', { name: '正文' })
    await body.waitFor({ timeout: 15_000 })
    await body.click()
    await page.keyboard.press('End')
    await page.keyboard.type('台湾国代表团称效果最佳。')
    // The button's name starts with its icon's.
    await page.getByRole('button', { name: /保\s?存$/ }).click()

    // Saved, not refused: the hits are marked in place and listed with their suggestion.
    const marks = page.locator('.ProseMirror .wording-hit')
    await expect.poll(() => marks.count(), { timeout: 15_000 }).toBe(2)
    expect(await marks.allTextContents()).toEqual(['台湾国', '最佳'])
    expect(await marks.first().getAttribute('title')).toBe('→ 台湾地区')
    const panel = page.locator('.wording-panel')
    await expect.poll(() => panel.textContent(), { timeout: 5_000 }).toContain('台湾国 → 台湾地区')
    const [saved] = (await t.content.articles.list({ site: site.id })).items
    expect(saved?.bodyHtml).toContain('台湾国代表团称效果最佳')
    expect(saved?.status).toBe('draft')

    await page.getByRole('button', { name: /^送\s?审$/ }).click()
    await expect
      .poll(() => page.locator('.ant-message').textContent(), { timeout: 10_000 })
      .toContain('台湾国')
    expect(await panel.textContent()).toContain('最佳')
    expect((await t.content.articles.get(saved?.id ?? 0)).status).toBe('draft')
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-editor-wording-saved.png'), fullPage: true })
    expect(errors.filter((error) => !error.includes('422'))).toEqual([])
  })
})
