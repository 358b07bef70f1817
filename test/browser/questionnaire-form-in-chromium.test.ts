import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent } from '../../src/content/index.ts'
import { createDemoSite } from '../../src/demo/index.ts'
import { createInteraction, createPublicDesk, type Interaction } from '../../src/interaction/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { SCREENSHOTS } from '../support/admin-browser.ts'
import { axeViolations } from '../support/axe.ts'
import { launchChromium } from '../support/browser.ts'
import { editor } from '../support/content-fixture.ts'
import { sqliteEngine, type TestStore } from '../support/engines.ts'
import { operator, testKeys } from '../support/interaction-fixture.ts'

async function answerChallenge(page: Page): Promise<void> {
  const question = await page.locator('label[for="f-answer"]').textContent()
  const [a, b] = ((question ?? '').match(/\d+/g) ?? []).map(Number)
  await page.fill('#f-answer', String((a ?? 0) + (b ?? 0)))
}

// The form is engine-independent HTML; the browser checks run once, on SQLite.
describe('the questionnaire form in Chromium', () => {
  let opened: TestStore
  let output: string
  let server: FastifyInstance
  let browser: Browser
  let origin: string
  let interaction: Interaction
  let consultationId: number

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    opened = await sqliteEngine.open()
    output = await mkdtemp(join(tmpdir(), 'fabu-browser-questionnaire-'))
    const content = createContent(opened.store)
    const { site } = await createDemoSite(content, editor)
    interaction = createInteraction(opened.store, { keys: testKeys() })
    const desk = interaction.as(operator)
    consultationId = (
      await desk.consultations.create({
        siteId: site.id,
        title: '《计量服务满意度调查》',
        draft: '为改进计量服务，请您填写以下问卷。',
        startsDay: '2026-01-01',
        endsDay: '2099-12-31',
      })
    ).id
    await desk.consultations.setQuestionnaire(consultationId, {
      takesOpinion: true,
      questions: [
        {
          text: '您对检定服务是否满意？',
          type: 'single',
          required: true,
          options: ['满意', '基本满意', '不满意'],
        },
        { text: '您使用过哪些服务？', type: 'multiple', options: ['检定', '校准', '检测'] },
        { text: '您还有什么建议？', type: 'text' },
      ],
    })
    mkdirSync(join(output, 'site'), { recursive: true })
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
    it(`takes a filled-in questionnaire, after saying which required question was missed (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, {
      timeout: 60_000,
    }, async () => {
      const context = await browser.newContext({ javaScriptEnabled })
      const page = await context.newPage()
      const suffix = javaScriptEnabled ? 'js' : 'nojs'
      await page.goto(`${origin}/_fabu/consultations/${consultationId}`)
      await expect.poll(() => page.locator('h1').textContent()).toContain('计量服务满意度调查')
      await page.check('#f-q2-0')
      await page.check('#f-q2-2')
      await page.fill('#f-q3', `希望延长服务时间（${suffix}）`)
      await page.fill('#f-content', `总体不错（${suffix}）`)
      await page.fill('#f-name', '吴晓')
      await answerChallenge(page)
      // The browser's own check would stop the post (as it should for a person); the server's
      // answer to a missed required question is what is tested here.
      await page.locator('form').evaluate((form) => form.setAttribute('novalidate', ''))
      await page.click('button[type="submit"]')
      await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('第 1 题是必答题')
      // What was chosen and written is still there.
      expect(await page.isChecked('#f-q2-2')).toBe(true)
      expect(await page.inputValue('#f-q3')).toBe(`希望延长服务时间（${suffix}）`)
      await answerChallenge(page)
      await page.check('#f-q1-1')
      await page.screenshot({ path: join(SCREENSHOTS, `questionnaire-form-${suffix}.png`), fullPage: true })
      if (javaScriptEnabled) expect(await axeViolations(page, 'questionnaire form')).toEqual([])
      await page.click('button[type="submit"]')
      await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('已收到')
      await context.close()
    })
  }

  it('counts both responses per question', async () => {
    const results = await interaction.as(operator).consultations.results(consultationId)
    expect(results.responses).toBe(2)
    expect(results.questions.map((q) => q.options.map((o) => o.count))).toEqual([[0, 2, 0], [2, 0, 2], []])
    expect(results.questions[2]?.texts).toEqual(['希望延长服务时间（nojs）', '希望延长服务时间（js）'])
  })
})
