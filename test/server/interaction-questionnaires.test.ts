import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPublicDesk, type QuestionnaireInput } from '../../src/interaction/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { operator, useInteraction } from '../support/interaction-fixture.ts'
import { xssVectors } from '../support/script-hazards.ts'

const HOST = 'www.example.gov.cn'
const FORM = { 'content-type': 'application/x-www-form-urlencoded', host: HOST }

function filledIn(page: string): { token: string; answer: string } {
  const $ = load(page)
  const [a, b] = ($('label[for="f-answer"]').text().match(/\d+/g) ?? []).map(Number)
  return { token: String($('input[name="token"]').val()), answer: String((a ?? 0) + (b ?? 0)) }
}

const SURVEY: QuestionnaireInput = {
  takesOpinion: false,
  questions: [
    { text: '您是否了解本办法？', type: 'single', required: true, options: ['了解', '不了解'] },
    { text: '您关心哪些内容？', type: 'multiple', required: false, options: ['收费', '时限', '服务'] },
    { text: '其他建议', type: 'text', required: false },
  ],
}

for (const engine of engines()) {
  describe(`${engine.name}: questionnaires (调查) and feedback (结果反馈)`, { timeout: 120_000 }, () => {
    const t = useContent(engine)
    const i = useInteraction(t)
    let app: FastifyInstance
    let output: string
    let publisher: Publisher

    beforeEach(async () => {
      output = await mkdtemp(join(tmpdir(), 'fabu-questionnaires-'))
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
        workers: 1,
      })
      app = await createPublicSite({
        root: join(output, 'site'),
        counter: new ViewCounter(t.store),
        interaction: createPublicDesk(i.interaction, { id: t.site.id, name: t.site.name, language: 'zh-CN' }),
      })
    })
    afterEach(async () => {
      await app.close()
      await publisher.close()
      await rm(output, { recursive: true, force: true })
    })

    const post = (id: number, fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/_fabu/consultations/${id}`,
        headers: FORM,
        payload: new URLSearchParams(fields).toString(),
      })
    const formOf = async (id: number) =>
      (await app.inject({ method: 'GET', url: `/_fabu/consultations/${id}`, headers: { host: HOST } })).body
    const open = () =>
      i.interaction.as(operator).consultations.create({
        siteId: t.site.id,
        title: '《计量器具检定收费办法（征求意见稿）》',
        draft: '第一条 为规范收费……',
        startsDay: '2026-11-01',
        endsDay: '2099-12-31',
      })

    it('takes answers through the plain form, refuses a missing required answer and a choice not offered, and counts them', async () => {
      const desk = i.interaction.as(operator)
      const consultation = await open()
      await desk.consultations.setQuestionnaire(consultation.id, SURVEY)

      const page = load(await formOf(consultation.id))
      expect(page('fieldset legend').first().text()).toContain('您是否了解本办法？')
      expect(page('input[type="radio"][name="q1"]').length).toBe(2)
      expect(page('input[type="checkbox"][name="q2-2"]').length).toBe(1)
      expect(page('textarea[name="q3"]').length).toBe(1)
      // Questions instead of the opinion: no opinion field.
      expect(page('textarea[name="content"]').length).toBe(0)

      // The required question unanswered: the form again, with the error and the answers kept.
      const missing = await post(consultation.id, {
        'q2-0': '1',
        q3: '希望简化流程',
        name: '刘洋',
        ...filledIn(await formOf(consultation.id)),
      })
      expect(missing.statusCode).toBe(422)
      const again = load(missing.body)
      expect(again('[role="alert"]').text()).toContain('第 1 题是必答题')
      expect(again('input[name="q2-0"]').attr('checked')).toBeDefined()
      expect(again('textarea[name="q3"]').text()).toBe('希望简化流程')

      // A choice no question offers: refused the same way.
      const forged = await post(consultation.id, {
        q1: '7',
        name: '刘洋',
        ...filledIn(await formOf(consultation.id)),
      })
      expect(forged.statusCode).toBe(422)
      expect(load(forged.body)('[role="alert"]').text()).toContain('第 1 题所选不是本题的选项')

      const sent = await post(consultation.id, {
        q1: '0',
        'q2-0': '1',
        'q2-2': '1',
        q3: '希望简化流程',
        name: '刘洋',
        phone: '13655556666',
        ...filledIn(await formOf(consultation.id)),
      })
      expect(sent.statusCode).toBe(201)
      // The same answers twice within a day: refused as a duplicate.
      const twice = await post(consultation.id, {
        q1: '0',
        'q2-0': '1',
        'q2-2': '1',
        q3: '希望简化流程',
        name: '刘洋',
        ...filledIn(await formOf(consultation.id)),
      })
      expect(twice.statusCode).toBe(409)
      await i.interaction.visitors.submitOpinion(consultation, { name: '王芳', answers: { 0: 1, 1: [2] } })

      // Through the service: the error has its code and both languages.
      await expect(
        i.interaction.visitors.submitOpinion(consultation, { name: '某某', answers: { 0: [0, 1] } }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        messages: { zh: 'q1：第 1 题只能选一项', en: 'q1: question 1: choose one option only' },
      })
      await expect(
        i.interaction.visitors.submitOpinion(consultation, {
          name: '某某',
          answers: { 0: 0, 2: 'x'.repeat(2001) },
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })

      const results = await desk.consultations.results(consultation.id)
      expect(results.responses).toBe(2)
      expect(results.questions.map((q) => q.options.map((o) => o.count))).toEqual([[1, 1], [1, 0, 2], []])
      expect(results.questions[2]?.texts).toEqual(['希望简化流程'])

      // Fixed once answers are in.
      await expect(desk.consultations.setQuestionnaire(consultation.id, SURVEY)).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })

      // CSV: the answers as text, no personal data; with it only for the audit administrator; audited.
      const csv = await desk.consultations.exportResponses(consultation.id, false)
      expect(csv).toContain('1. 您是否了解本办法？')
      expect(csv).toContain('了解,收费；服务,希望简化流程')
      expect(csv).toContain('刘*')
      expect(csv).not.toContain('13655556666')
      const siteAdmin = await i.user('siteadmin3', [{ role: 'site_admin' }])
      await expect(
        i.interaction.as(siteAdmin).consultations.exportResponses(consultation.id, true),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      const auditor = await i.user('auditor3', [{ role: 'audit_admin', siteId: null }])
      expect(await i.interaction.as(auditor).consultations.exportResponses(consultation.id, true)).toContain(
        '13655556666',
      )
      const exports = await t.store.db
        .selectFrom('audit_log')
        .select(['outcome', 'detail'])
        .where('action', '=', 'consultation.export')
        .orderBy('id')
        .execute()
      expect(exports.map((row) => row.outcome)).toEqual(['success', 'failure', 'success'])
    })

    it('refuses a questionnaire whose choice question has fewer than two options, with a code and both languages', async () => {
      const consultation = await open()
      await expect(
        i.interaction.as(operator).consultations.setQuestionnaire(consultation.id, {
          questions: [{ text: '单个选项', type: 'single', required: true, options: ['只有一个'] }],
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        messages: { zh: expect.any(String), en: expect.any(String) },
      })
      expect((await i.interaction.visitors.consultation(t.site.id, consultation.id)).questionnaire).toBeNull()
    })

    it('shows XSS vectors as question text and as answers as text, on the form and to staff', async () => {
      const desk = i.interaction.as(operator)
      const vectors = xssVectors
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the schema refuses.
        .filter((v) => v.input.trim() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v.input))
        .filter((v) => v.input.trim().length <= 480)
        .slice(0, 40)
      const consultation = await open()
      await desk.consultations.setQuestionnaire(consultation.id, {
        takesOpinion: true,
        questions: vectors.map((v, index) => ({ text: `${index}:${v.input}`, type: 'text' as const })),
      })
      const page = load(await formOf(consultation.id))
      expect(page('script').length).toBe(0)
      expect(
        page('fieldset legend')
          .map((_, el) => page(el).text())
          .get(),
      ).toEqual(
        // An HTML parser reads CR LF as LF: the same text, as text.
        vectors.map((v, index) =>
          `${index + 1}. ${`${index}:${v.input}`.trim()}（填空）`.replace(/\r\n?/g, '\n'),
        ),
      )
      const current = await i.interaction.visitors.consultation(t.site.id, consultation.id)
      await i.interaction.visitors.submitOpinion(current, {
        content: '见问卷',
        name: 'x',
        answers: Object.fromEntries(vectors.map((v, index) => [String(index), v.input])),
      })
      const results = await desk.consultations.results(consultation.id)
      expect(results.questions.map((q) => q.texts[0])).toEqual(vectors.map((v) => v.input.trim()))
    })

    it('refuses every answer that is not a choice offered, whatever the form posts', async () => {
      const consultation = await open()
      await i.interaction.as(operator).consultations.setQuestionnaire(consultation.id, SURVEY)
      const current = await i.interaction.visitors.consultation(t.site.id, consultation.id)
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.integer({ min: -5, max: 50 }).filter((n) => n < 0 || n > 1),
            fc.string(),
            // 0 and 1 (and -0) are the two options offered, whatever number type carries them.
            fc.double().filter((n) => n !== 0 && n !== 1),
          ),
          async (choice) => {
            await expect(
              i.interaction.visitors.submitOpinion(current, { name: 'x', answers: { 0: choice } }),
            ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
          },
        ),
        { numRuns: 40 },
      )
      expect(await i.interaction.as(operator).consultations.opinions(consultation.id)).toEqual([])
    })

    it('links a published article as the feedback of an ended consultation, both ways, and drops the link when it is withdrawn', async () => {
      const desk = i.interaction.as(operator)
      const ended = await desk.consultations.create({
        siteId: t.site.id,
        title: '《实验室开放日安排》',
        draft: '开放日每月一次。',
        startsDay: '2026-01-01',
        endsDay: '2026-01-31',
      })
      const running = await open()
      const column = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '通知公告',
        slug: 'tzgg',
      })
      const draft = await t.content.articles.create(editor, {
        columnId: column.id,
        title: '关于开放日意见采纳情况的说明',
        publishAt: '2026-02-10 09:00',
        bodyHtml: '<p>开放日改为每月两次。</p>',
      })
      await expect(desk.consultations.setFeedback(ended.id, draft.id)).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })
      const article = await t.content.articles.publish(editor, draft.id)
      await expect(desk.consultations.setFeedback(running.id, article.id)).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])

      expect((await desk.consultations.setFeedback(ended.id, article.id)).feedbackArticleId).toBe(article.id)
      const report = await publisher.publish({ site: 'simt' })
      expect(report.failed).toEqual([])
      const consultationPage = load(
        await readFile(join(output, 'site', `zmhd/yjzj/${ended.id}.html`), 'utf8'),
      )
      expect(consultationPage('a.consultation-feedback').text()).toBe('关于开放日意见采纳情况的说明')
      const articleHref = String(consultationPage('a.consultation-feedback').attr('href'))
      const articlePath = join(output, 'site', articleHref.replace(/^\//, ''))
      const articlePage = load(await readFile(articlePath, 'utf8'))
      expect(articlePage(`.article-feedback-of a[href="/zmhd/yjzj/${ended.id}.html"]`).text()).toBe(
        '《实验室开放日安排》',
      )

      await t.content.articles.withdraw(editor, article.id, '重新发布')
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])
      const after = load(await readFile(join(output, 'site', `zmhd/yjzj/${ended.id}.html`), 'utf8'))
      expect(after('a.consultation-feedback').length).toBe(0)
    })
  })
}
