import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent } from '../../src/content/index.ts'
import { createDemoSite, seedArticle } from '../../src/demo/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { axeViolations } from '../support/axe.ts'
import { launchChromium } from '../support/browser.ts'
import { editor } from '../support/content-fixture.ts'
import { sqliteEngine, type TestStore } from '../support/engines.ts'
import { PAGE_TYPES } from '../support/page-types.ts'

const READER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'

/** The article body's computed font size; the callback runs in the page (no DOM types here). */
function bodyFontSize(page: Page): Promise<string> {
  return page
    .locator('.article-body')
    .evaluate(
      (body) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(
          body,
        ).fontSize,
    )
}

// The theme is engine-independent; the browser checks run once, on SQLite.
describe('the published demo site in Chromium', () => {
  let opened: TestStore
  let output: string
  let server: FastifyInstance
  let counter: ViewCounter
  let browser: Browser
  let origin: string
  let seedPath: string

  beforeAll(async () => {
    opened = await sqliteEngine.open()
    output = await mkdtemp(join(tmpdir(), 'fabu-browser-'))
    const content = createContent(opened.store)
    await createDemoSite(content, editor)
    const publisher = new Publisher(opened.store, content, {
      outputRootFor: () => join(output, 'site'),
      manifestDir: join(output, 'manifests'),
    })
    await publisher.publish({ site: 'simt' })
    seedPath =
      (await content.articles.list({ site: 'simt', text: seedArticle.title })).items[0]?.urlPath ?? ''
    counter = new ViewCounter(opened.store)
    server = await createPublicSite({ root: join(output, 'site'), counter })
    await server.listen({ host: '127.0.0.1', port: 0 })
    const address = server.server.address()
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await counter?.close()
    await opened?.dispose()
    await rm(output, { recursive: true, force: true })
  })

  it('has no WCAG 2.1 AA violations on any page type (axe-core)', async () => {
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    const violations: string[] = []
    for (const [type, path] of Object.entries(PAGE_TYPES(seedPath))) {
      await page.goto(`${origin}/${path}`)
      violations.push(...(await axeViolations(page, type)))
    }
    await context.close()
    expect(violations).toEqual([])
  })

  it('counts a view on the live page without setting a cookie, and shows the count', async () => {
    // Headless Chromium names itself in its user agent, and the counter rightly ignores robots.
    const context = await browser.newContext({ userAgent: READER })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(`${origin}/${seedPath}`)
    await expect.poll(() => page.locator('.hits').textContent(), { timeout: 15_000 }).toMatch(/^\d+$/)
    const first = Number(await page.locator('.hits').textContent())
    expect(first).toBeGreaterThan(0)
    // One reader counts once an hour per article: reloading shows the count, unchanged.
    await page.reload()
    await expect.poll(() => page.locator('.hits').textContent(), { timeout: 15_000 }).toMatch(/^\d+$/)
    expect(Number(await page.locator('.hits').textContent())).toBe(first)
    expect(await context.cookies()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('works with JavaScript off: navigation, print view and font size links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin}/index.html`)
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '基层党建' }).click()
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/jcdj/index.html')
    await page.goto(`${origin}/${seedPath}`)
    const normal = await bodyFontSize(page)
    await page.getByRole('link', { name: '大', exact: true }).click()
    const large = await bodyFontSize(page)
    expect(Number.parseFloat(large)).toBeGreaterThan(Number.parseFloat(normal))
    await page.getByRole('link', { name: '打印本页' }).click()
    await expect
      .poll(() => page.locator('.article-meta').textContent(), { timeout: 15_000 })
      .toContain('时间: 2017 -12 -14')
    await context.close()
  })
})
