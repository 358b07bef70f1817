import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCREENSHOTS } from '../support/admin-browser.ts'
import { launchChromium } from '../support/browser.ts'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe } from '../support/serve-process.ts'
import { addServedAccount, signInOnPage } from '../support/served-account.ts'

/** antd puts a space between the two characters of a button's label (创 建). */
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`)

/** A GET of the public server, with the Host header a browser sends for `host` (none: the URL's). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: host ? { host } : {} }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    sent.on('error', reject)
    sent.end()
  })
}

const dropdown = (page: Page) => page.locator('.ant-select-dropdown:visible')

/**
 * Opens the site switch's dropdown. One still closing after Escape is visible for its
 * animation and then gone, with the option about to be clicked: wait until it is closed first.
 */
async function openSwitch(page: Page): Promise<void> {
  await expect.poll(() => dropdown(page).count(), { timeout: 10_000 }).toBe(0)
  await page.getByRole('combobox', { name: '站点' }).click()
  await dropdown(page).locator('.ant-select-item-option').first().waitFor()
}

/** The names the site switch offers, read from its dropdown, which is closed again. */
async function switchOffers(page: Page): Promise<string[]> {
  await openSwitch(page)
  const names = await dropdown(page).locator('.ant-select-item-option').allTextContents()
  await page.keyboard.press('Escape')
  await expect.poll(() => dropdown(page).count(), { timeout: 10_000 }).toBe(0)
  return names
}

// `fabu serve` as an operator runs it: the admin and the public server of one process, the CLI
// beside it on the same data folder.
describe('a second site created in the admin, in Chromium', () => {
  let folder: string
  let server: ServeProcess
  let browser: Browser
  let firstPath: string
  const env = { ...process.env, DATABASE_URL: '', FABU_DEFAULT_SITE: '' }
  const fabu = (...args: string[]) => runFabu(folder, env, ...args)
  const ok = async (...args: string[]) => {
    const result = await fabu(...args)
    expect(result.code, result.stderr).toBe(0)
    return result.stdout
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-second-site-'))
    await ok('init')
    await writeFile(join(folder, 'fabu.toml'), '[cli]\ndefault_site = "shili"\n')
    await ok(
      'site',
      'create',
      '--slug',
      'shili',
      '--name',
      '示例市人民政府',
      '--base-url',
      'https://www.shili.gov.cn/',
    )
    await ok('column', 'create', '--name', '通知公告', '--slug', 'tzgg')
    const created = JSON.parse(
      await ok('article', 'create', '--column', 'tzgg', '--title', '关于调整办公时间的通知', '--json'),
    )
    await ok('article', 'publish', String(created.id))
    await ok('publish')
    firstPath = JSON.parse(await ok('article', 'show', String(created.id), '--json')).urlPath
    expect(firstPath).toMatch(/^tzgg\/.+\.html$/)
    server = await startServe(folder, env, 'shili')
    await mkdir(SCREENSHOTS, { recursive: true })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('shows in the site switch at once, takes a column and an article, is served by path and by host beside the first, and the CLI names it', async () => {
    const administrator = await addServedAccount(folder, env, server, 'guanli', '--role', 'admin')
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await signInOnPage(page, server.adminUrl, 'guanli')
    expect(await switchOffers(page)).toEqual(['示例市人民政府'])

    // Marked now: were the page loaded again, the mark would be gone.
    await page.evaluate(() => {
      ;(globalThis as { notReloaded?: boolean }).notReloaded = true
    })
    await page.locator('.section-switch').getByText('系统管理', { exact: true }).click()
    await page.getByRole('tab', { name: '站点' }).click()
    await page.getByRole('button', { name: '新建站点' }).click()
    const dialog = page.getByRole('dialog', { name: '新建站点' })
    await dialog.getByLabel('站点名称').fill('示例市计量协会')
    await dialog.getByLabel('站点代号').fill('jlxh')
    await dialog.getByLabel('网址').fill('https://www.jlxh.org.cn/')
    await dialog.getByRole('button', { name: button('创建') }).click()
    await page.getByText('已创建站点 示例市计量协会').waitFor({ timeout: 15_000 })

    // Each look opens and closes the dropdown: under load one takes longer than expect.poll's 1 s.
    await expect
      .poll(() => switchOffers(page), { timeout: 20_000 })
      .toEqual(['示例市人民政府', '示例市计量协会'])
    expect(await page.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true)
    await openSwitch(page)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-second-site-switch.png') })
    await dropdown(page).getByTitle('示例市计量协会').click()

    // In the new site: a column, then an article in it, published.
    await page.locator('.section-switch').getByText('文章', { exact: true }).click()
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 10_000 })
      .toMatch(/^\/admin\/sites\/2\/articles/)
    await page.getByRole('button', { name: '新建栏目' }).click()
    const create = page.getByRole('dialog', { name: '新建栏目' })
    await create.getByLabel('栏目名称').fill('协会动态')
    await create.getByLabel('路径名').fill('xhdt')
    await create.getByRole('button', { name: button('创建') }).click()
    // The new column is selected (a click on it would unselect it).
    await page.getByRole('treeitem', { name: '协会动态' }).waitFor({ timeout: 15_000 })
    await expect
      .poll(() => new URL(page.url()).searchParams.get('column'), { timeout: 10_000 })
      .toMatch(/^\d+$/)
    await page.getByRole('button', { name: '写文章' }).click()
    await page
      .locator('input, textarea')
      .and(page.getByLabel('标题', { exact: true }))
      .fill('计量协会召开第三届会员大会')
    await page.getByRole('textbox', { name: '正文' }).click()
    await page.keyboard.type('大会选举产生了新一届理事会。')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByText('第 1 版').count(), { timeout: 20_000 }).toBe(1)
    const id = Number(/\/articles\/(\d+)/.exec(page.url())?.[1])
    await page.getByRole('button', { name: '提交发布' }).click()
    await page.getByText('已提交发布').first().waitFor({ timeout: 20_000 })
    expect(errors).toEqual([])

    // Served under its prefix by the running server, once its background publish has run (the
    // run gives the article its URL).
    const read = async () => (await administrator.get(`/api/articles/${id}`)).body
    await expect.poll(async () => (await read()).urlPath, { timeout: 30_000 }).toMatch(/^xhdt\/.+\.html$/)
    const article = await read()
    expect([article.siteId, article.status]).toEqual([2, 'published'])
    const base = server.publicUrl
    await expect
      .poll(async () => (await get(`${base}jlxh/${article.urlPath}`)).status, { timeout: 30_000 })
      .toBe(200)
    expect((await get(`${base}jlxh/${article.urlPath}`)).body).toContain('计量协会召开第三届会员大会')
    const home = await get(`${base}jlxh/`)
    expect(home.status).toBe(200)
    expect(home.body).toContain('示例市计量协会')
    expect(home.body).toContain('计量协会召开第三届会员大会')
    const reader = await context.newPage()
    await reader.goto(`${base}jlxh/`)
    await reader.screenshot({ path: join(SCREENSHOTS, 'second-site-home.png'), fullPage: true })

    // …and by its host name, where the first site's host does not answer for it.
    const byHost = await get(`${base}${article.urlPath}`, 'www.jlxh.org.cn')
    expect([byHost.status, byHost.body.includes('计量协会召开第三届会员大会')]).toEqual([200, true])
    expect((await get(base, 'www.jlxh.org.cn')).body).toContain('示例市计量协会')
    expect((await get(`${base}${article.urlPath}`, 'www.shili.gov.cn')).status).toBe(404)

    // The first site is served as before: at /, under /shili/ and by its host.
    for (const [url, host] of [
      [`${base}${firstPath}`, undefined],
      [`${base}shili/${firstPath}`, undefined],
      [`${base}${firstPath}`, 'www.shili.gov.cn'],
    ] as const) {
      const answer = await get(url, host)
      expect([url, host, answer.status, answer.body.includes('关于调整办公时间的通知')]).toEqual([
        url,
        host,
        200,
        true,
      ])
    }
    const firstHome = await get(base)
    expect(firstHome.body).toContain('示例市人民政府')
    expect(firstHome.body).not.toContain('计量协会召开第三届会员大会')
    await context.close()

    // The CLI on the same data folder: fabu.toml's default site stands for a left-out --site…
    const listed = await ok('column', 'list')
    expect(listed).toContain('通知公告')
    expect(listed).not.toContain('协会动态')
    expect(await ok('column', 'list', '--site', 'jlxh')).toContain('协会动态')
    // …and without one, the refusal names the sites --site takes.
    await writeFile(join(folder, 'fabu.toml'), '')
    const refused = await fabu('column', 'list')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).not.toMatch(/at .+\.ts:\d+/)
    for (const words of ['有多个站点', '--site shili', 'jlxh', 'default_site'])
      expect(refused.stderr).toContain(words)
  }, 300_000)
})
