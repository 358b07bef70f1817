import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { ADMIN_DIST, type AdminServer, PASSWORD } from './admin-server.ts'
import { launchChromium } from './browser.ts'

/** Where browser stories save their screenshots (CI keeps test-results/ as artifacts). */
export const SCREENSHOTS = new URL('../../test-results/', import.meta.url).pathname

export interface AdminPage {
  readonly page: Page
  /** Console errors and page errors of the page's context, popups included. */
  readonly errors: string[]
}

export interface AdminBrowser {
  /** The admin's sign-in screen in a fresh browser context. */
  open(): Promise<AdminPage>
  /** The admin, signed in as `userName` (whose password is PASSWORD). */
  signedIn(userName: string): Promise<AdminPage>
}

/** Debian's Chromium for the suite, on the built admin UI of a running admin server. */
export function useAdminBrowser(
  server: AdminServer,
  viewport: { width: number; height: number } = { width: 1400, height: 1000 },
  /** The computer's time zone as the browser reports it (an editor abroad); Chromium's own when unset. */
  timezoneId?: string,
): AdminBrowser {
  let browser: Browser
  beforeAll(async () => {
    if (!existsSync(join(ADMIN_DIST, 'index.html'))) {
      throw new Error('the admin UI is not built: npm run build:admin (npm test does)')
    }
    await mkdir(SCREENSHOTS, { recursive: true })
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  async function open(): Promise<AdminPage> {
    const context = await browser.newContext({ viewport, ...(timezoneId ? { timezoneId } : {}) })
    const page = await context.newPage()
    const errors: string[] = []
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.url}/admin/`)
    return { page, errors }
  }

  return {
    open,
    async signedIn(userName) {
      const opened = await open()
      await opened.page.getByLabel('用户名').fill(userName)
      await opened.page.getByLabel('密码', { exact: true }).fill(PASSWORD)
      await opened.page.locator('button[type=submit]').click()
      await opened.page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 15_000 })
      return opened
    },
  }
}
