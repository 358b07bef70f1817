import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureServer, serveFixture } from '../import/support/fixture-server.ts'
import { slowSite } from '../import/support/slow-site.ts'
import { SCREENSHOTS } from '../support/admin-browser.ts'
import { ApiClient, PASSWORD } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { launchChromium } from '../support/browser.ts'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe } from '../support/serve-process.ts'

const OWN_PASSWORD = 'Daoru#2026site'

// `fabu serve` as a process of its own: the import runs in a child process that opens the
// same data folder, as it does for an operator.
describe('the 导入 screen, in Chromium', () => {
  let folder: string
  let old: FixtureServer
  let server: ServeProcess
  let browser: Browser
  const env = { ...process.env, DATABASE_URL: '' }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-import-browser-'))
    old = await serveFixture(slowSite(30, 200))
    const fabu = (...args: string[]) => runFabu(folder, env, ...args)
    await fabu('init')
    await writeFile(join(folder, 'fabu.toml'), `[import]\nallowed_private_origins = ["${old.origin}"]\n`)
    await fabu(
      'site',
      'create',
      '--slug',
      'old',
      '--name',
      '某某局',
      '--base-url',
      'https://old.example.gov.cn/',
    )
    await writeFile(join(folder, 'pw'), PASSWORD)
    const added = await fabu(
      'user',
      'add',
      'zhanzhang',
      '--role',
      'site_admin',
      '--site',
      'old',
      '--password-file',
      join(folder, 'pw'),
    )
    expect(added.code, added.stderr).toBe(0)
    server = await startServe(folder, env, 'old')
    // The password the CLI set must be replaced once; done over the API to keep the story short.
    const client = new ApiClient(server.adminUrl)
    await client.signIn('zhanzhang')
    await client.post('/api/session/password', { currentPassword: PASSWORD, newPassword: OWN_PASSWORD })
    await mkdir(SCREENSHOTS, { recursive: true })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await old?.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('shows live counts while the import runs, the same job after a reload, and the report when it ends', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.adminUrl}/admin/`)
    await page.getByLabel('用户名').fill('zhanzhang')
    await page.getByLabel('密码', { exact: true }).fill(OWN_PASSWORD)
    await page.locator('button[type=submit]').click()
    await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 15_000 })

    await page.locator('.section-switch').getByText('导入', { exact: true }).click()
    await page.getByText('此站点还没有导入任务。').waitFor()
    await page.getByLabel('旧网站首页网址').fill(`${old.origin}/`)
    await page.getByLabel('同时请求数').fill('1')
    await page.getByRole('button', { name: '开始导入' }).click()

    const imported = page.locator('.import-count-imported')
    await expect
      .poll(async () => Number(/(\d+)/.exec((await imported.textContent()) ?? '')?.[1] ?? 0), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(3)
    expect(await page.locator('.import-state').textContent()).toBe('正在导入')
    expect(await page.getByRole('progressbar').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-import-running.png'), fullPage: true })

    // A reload: the job is the server's, so the screen finds it running again.
    await page.reload()
    await page.locator('.section-switch').getByText('导入', { exact: true }).click()
    await page.locator('.import-job').waitFor()
    expect(await page.locator('.import-state').textContent()).toMatch(/正在导入|已完成/)
    expect(await page.getByRole('button', { name: '开始导入' }).isDisabled()).toBe(true)

    await page.locator('.import-state', { hasText: '已完成' }).waitFor({ timeout: 60_000 })
    expect(await imported.textContent()).toBe('导入: 30')
    const table = page.locator('.import-report')
    await table.getByText('关于第1项工作的通知').first().waitFor({ timeout: 10_000 })
    expect(await table.locator('.ant-pagination-item').count()).toBe(1)
    expect(await table.getByRole('link', { name: '下载 CSV 报告' }).getAttribute('href')).toMatch(
      /\/api\/sites\/1\/import-jobs\/1\/report\.csv$/,
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-import-finished.png'), fullPage: true })
    expect(await axeViolations(page, 'import screen')).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 150_000)
})
