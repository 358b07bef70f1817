import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent } from '../../src/content/index.ts'
import { createDemoSite, ensureDemoMailboxes } from '../../src/demo/index.ts'
import { createInteraction, createPublicDesk } from '../../src/interaction/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { SCREENSHOTS } from '../support/admin-browser.ts'
import { axeViolations } from '../support/axe.ts'
import { launchChromium } from '../support/browser.ts'
import { editor } from '../support/content-fixture.ts'
import { sqliteEngine, type TestStore } from '../support/engines.ts'
import { operator, testKeys } from '../support/interaction-fixture.ts'

/** Reads the challenge as a person does and types the sum. */
async function answerChallenge(page: Page): Promise<void> {
  const question = await page.locator('label[for="f-answer"]').textContent()
  const [a, b] = ((question ?? '').match(/\d+/g) ?? []).map(Number)
  await page.fill('#f-answer', String((a ?? 0) + (b ?? 0)))
}

// The forms are engine-independent HTML; the browser checks run once, on SQLite.
describe('the public letter forms in Chromium', () => {
  let opened: TestStore
  let output: string
  let server: FastifyInstance
  let browser: Browser
  let origin: string
  let consultationId: number

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    opened = await sqliteEngine.open()
    output = await mkdtemp(join(tmpdir(), 'fabu-browser-letters-'))
    const content = createContent(opened.store)
    const { site } = await createDemoSite(content, editor)
    const interaction = createInteraction(opened.store, { keys: testKeys() })
    await ensureDemoMailboxes(interaction, operator, site.id)
    consultationId = (
      await interaction.as(operator).consultations.create({
        siteId: site.id,
        title: '《计量检定收费办法（征求意见稿）》',
        draft: '第一条 为规范计量检定收费，制定本办法。',
        startsDay: '2026-01-01',
        endsDay: '2099-12-31',
      })
    ).id
    const publisher = new Publisher(opened.store, content, {
      outputRootFor: () => join(output, 'site'),
      manifestDir: join(output, 'manifests'),
    })
    await publisher.publish({ site: 'simt' })
    await publisher.close()
    server = await createPublicSite({
      root: join(output, 'site'),
      counter: new ViewCounter(opened.store),
      interaction: createPublicDesk(interaction, site),
    })
    await server.listen({ host: '127.0.0.1', port: 0 })
    const address = server.server.address()
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await opened?.dispose()
    if (output) await rm(output, { recursive: true, force: true })
  })

  for (const javaScriptEnabled of [false, true]) {
    it(`takes a letter from the 互动交流 page and shows its status (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, {
      timeout: 60_000,
    }, async () => {
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      const suffix = javaScriptEnabled ? 'js' : 'nojs'
      await page.goto(`${origin}/hdjl/`)
      await page.click('main a[href="/_fabu/letters/yzxx"]')
      await expect.poll(() => page.locator('h1').textContent()).toBe('院长信箱')
      await page.fill('#f-subject', `检定预约（${suffix}）`)
      await page.fill('#f-content', '请问压力表检定是否需要预约？')
      await page.selectOption('#f-category', '检定校准')
      await page.fill('#f-name', '吴晓')
      await page.fill('#f-phone', '13522223333')
      await page.check('#f-mayPublish')
      await answerChallenge(page)
      await page.screenshot({ path: join(SCREENSHOTS, `letter-form-${suffix}.png`), fullPage: true })
      // axe runs as a script in the page, so it checks the pages with JavaScript on.
      if (javaScriptEnabled) expect(await axeViolations(page, 'letter form')).toEqual([])
      await page.click('button[type="submit"]')
      const code = (await page.locator('[data-field="queryCode"]').textContent()) ?? ''
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      await page.screenshot({ path: join(SCREENSHOTS, `letter-receipt-${suffix}.png`), fullPage: true })
      await page.click('a[href="/_fabu/case"]')
      await page.fill('#f-code', code)
      await page.fill('#f-phone4', '3333')
      if (javaScriptEnabled) expect(await axeViolations(page, 'lookup form')).toEqual([])
      await page.click('button[type="submit"]')
      await expect.poll(() => page.locator('[data-field="status"]').textContent()).toBe('已受理')
      await page.screenshot({ path: join(SCREENSHOTS, `letter-status-${suffix}.png`), fullPage: true })
      if (javaScriptEnabled) expect(await axeViolations(page, 'status page')).toEqual([])
      await context.close()
    })
  }

  it('has no WCAG AA violations on the 依申请公开 form', { timeout: 60_000 }, async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/_fabu/letters/ysqgk`)
    await page.screenshot({ path: join(SCREENSHOTS, 'disclosure-form.png'), fullPage: true })
    expect(await axeViolations(page, 'disclosure form')).toEqual([])
    await context.close()
  })

  for (const javaScriptEnabled of [false, true]) {
    it(`takes an opinion from a published consultation page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, {
      timeout: 60_000,
    }, async () => {
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      const suffix = javaScriptEnabled ? 'js' : 'nojs'
      await page.goto(`${origin}/zmhd/yjzj/index.html`)
      if (javaScriptEnabled) expect(await axeViolations(page, 'consultations page')).toEqual([])
      await page.click(`a[href="/zmhd/yjzj/${consultationId}.html"]`)
      await expect.poll(() => page.locator('h1').textContent()).toBe('《计量检定收费办法（征求意见稿）》')
      if (javaScriptEnabled) expect(await axeViolations(page, 'consultation page')).toEqual([])
      await page.click(`a[href="/_fabu/consultations/${consultationId}"]`)
      await page.fill('#f-content', `建议对小微企业减半收费（${suffix}）。`)
      await page.fill('#f-name', '郑欣')
      await page.fill('#f-phone', '13599998888')
      await answerChallenge(page)
      await page.screenshot({ path: join(SCREENSHOTS, `opinion-form-${suffix}.png`), fullPage: true })
      if (javaScriptEnabled) expect(await axeViolations(page, 'opinion form')).toEqual([])
      await page.click('button[type="submit"]')
      await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('已收到您的意见')
      await context.close()
    })
  }

  it('has no WCAG AA violations on the published list of answered letters', { timeout: 60_000 }, async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/zmhd/xx/yzxx/index.html`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('院长信箱 答复公开')
    await page.screenshot({ path: join(SCREENSHOTS, 'letters-list.png'), fullPage: true })
    expect(await axeViolations(page, 'letters list')).toEqual([])
    await context.close()
  })
})
