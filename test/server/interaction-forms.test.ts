import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPublicDesk, type PublicDesk } from '../../src/interaction/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { operator, useInteraction } from '../support/interaction-fixture.ts'
import { xssVectors } from '../support/script-hazards.ts'

const HOST = 'www.example.gov.cn'

/** What a person does with the form page: read the token, work out the sum. */
function filledIn(page: string): { token: string; answer: string } {
  const $ = load(page)
  const question = $('label[for="f-answer"]').text()
  const [a, b] = (question.match(/\d+/g) ?? []).map(Number)
  return { token: String($('input[name="token"]').val()), answer: String((a ?? 0) + (b ?? 0)) }
}

const letter = { subject: '路灯不亮', content: '某路口的路灯一周未亮。', name: '李华', phone: '13812348888' }

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

/** As an HTML parser reads text: CR LF and lone CR become LF (HTML's input stream preprocessing). */
const asParsed = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the refilled form leaves control characters out.
  text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')

const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded', host: HOST }

/** Elements and attributes only our own templates make; anything else came from a visitor. */
const OUR_ELEMENTS = new Set(
  'html head meta title link body header div a main h1 h2 p form input label span small textarea select option fieldset legend button strong dl dt dd section'.split(
    ' ',
  ),
)
function expectNoInjectedMarkup(page: string): void {
  const $ = load(page)
  $('*').each((_, node) => {
    const element = node as unknown as { tagName: string; attribs: Record<string, string> }
    expect(OUR_ELEMENTS.has(element.tagName), element.tagName).toBe(true)
    for (const name of Object.keys(element.attribs)) expect(name.startsWith('on'), name).toBe(false)
  })
}

for (const engine of engines()) {
  describe(`${engine.name}: the public letter forms`, () => {
    const t = useContent(engine)
    const i = useInteraction(t)
    let app: FastifyInstance
    let desk: PublicDesk

    beforeEach(async () => {
      desk = createPublicDesk(i.interaction, { id: t.site.id, name: t.site.name, language: 'zh-CN' })
      app = await createPublicSite({
        root: '/nonexistent',
        counter: new ViewCounter(t.store),
        interaction: desk,
      })
    })
    afterEach(async () => {
      await app.close()
    })

    async function submit(
      fields: Record<string, string>,
      headers: Record<string, string> = {},
      remoteAddress = '198.51.100.1',
    ) {
      return app.inject({
        method: 'POST',
        url: '/_fabu/letters/yzxx',
        headers: { ...FORM_TYPE, ...headers },
        payload: form(fields),
        remoteAddress,
      })
    }

    it('takes a letter without JavaScript, gives a query code, and shows status and reply with code and phone digits', async () => {
      const page = await app.inject({ method: 'GET', url: '/_fabu/letters/yzxx', headers: { host: HOST } })
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-security-policy']).toContain("script-src 'self'")
      expect(load(page.body)('form[method="post"]').attr('action')).toBe('/_fabu/letters/yzxx')
      const sent = await submit(
        { ...letter, mayPublish: 'yes', ...filledIn(page.body) },
        { origin: `http://${HOST}` },
      )
      expect(sent.statusCode).toBe(201)
      const code = load(sent.body)('[data-field="queryCode"]').text()
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)

      const lookup = (phone4: string) =>
        app.inject({
          method: 'POST',
          url: '/_fabu/case',
          headers: FORM_TYPE,
          payload: form({ code, phone4 }),
        })
      expect((await lookup('1234')).statusCode).toBe(404)
      const before = await lookup('8888')
      expect(before.statusCode).toBe(200)
      expect(load(before.body)('[data-field="status"]').text()).toBe('已受理')

      const staff = i.interaction.as(operator).cases
      const [found] = await staff.list({})
      const id = found?.id ?? 0
      await staff.draftReply(id, { text: '已安排维修。' })
      await staff.submitReply(id)
      await staff.approveReply(id, 1)
      const answered = load((await lookup('8888')).body)
      expect(answered('[data-field="status"]').text()).toBe('已答复')
      expect(answered('[data-field="reply"]').text()).toBe('已安排维修。')
      expect(answered.html()).not.toContain('13812348888')
      expect(answered.html()).not.toContain('李华')

      // Published on the mailbox's answers page with the name masked and no contact details.
      const published = await app.inject({
        method: 'GET',
        url: '/_fabu/letters/yzxx/answers',
        headers: { host: HOST },
      })
      expect(published.statusCode).toBe(200)
      const list = load(published.body)
      expect(list('[data-field="subject"]').text()).toBe(letter.subject)
      expect(list('[data-field="name"]').text()).toBe('李*')
      expect(list('[data-field="reply"]').text()).toBe('已安排维修。')
      expect(published.body).not.toContain('李华')
      expect(published.body).not.toContain('13812348888')
    })

    it('refuses a form posted from another origin, one without its token, and a token used twice', async () => {
      const page = await app.inject({ method: 'GET', url: '/_fabu/letters/yzxx', headers: { host: HOST } })
      const filled = filledIn(page.body)
      const crossSite = await submit({ ...letter }, { origin: 'https://evil.example' })
      expect(crossSite.statusCode).toBe(403)
      expect(crossSite.body).toContain('表单来自其他网站')
      const crossSiteWithToken = await submit({ ...letter, ...filled }, { origin: 'https://evil.example' })
      expect(crossSiteWithToken.statusCode).toBe(403)
      const noToken = await submit({ ...letter })
      expect(noToken.statusCode).toBe(403)
      expect(noToken.body).toContain('缺少表单令牌')
      const wrongAnswer = await submit({ ...letter, token: filled.token, answer: '99' })
      expect(wrongAnswer.statusCode).toBe(403)
      expect(load(wrongAnswer.body)('input[name="subject"]').val()).toBe(letter.subject)
      expect((await submit({ ...letter, ...filled })).statusCode).toBe(201)
      const again = await submit({ ...letter, ...filled, subject: '再来一次' }, {}, '198.51.100.2')
      expect(again.statusCode).toBe(403)
      expect(await i.interaction.as(operator).cases.list({})).toHaveLength(1)
    })

    it('refuses most of 1,000 submissions from one address in a minute, never with a 500, and answers another visitor meanwhile', async () => {
      const page = await app.inject({ method: 'GET', url: '/_fabu/letters/yzxx', headers: { host: HOST } })
      const filled = filledIn(page.body)
      const flood = Array.from({ length: 1000 }, (_, n) =>
        submit({ ...letter, ...filled, subject: `第 ${n} 封` }),
      )
      const other = (async () => {
        const answers = []
        for (let n = 0; n < 5; n++) {
          const otherPage = await app.inject({
            method: 'GET',
            url: '/_fabu/letters/yzxx',
            headers: { host: HOST },
            remoteAddress: '203.0.113.5',
          })
          answers.push(otherPage.statusCode)
        }
        const otherPage = await app.inject({
          method: 'GET',
          url: '/_fabu/letters/yzxx',
          headers: { host: HOST },
          remoteAddress: '203.0.113.5',
        })
        const sent = await submit(
          { ...letter, ...filledIn(otherPage.body), subject: '另一位访客' },
          {},
          '203.0.113.5',
        )
        answers.push(sent.statusCode)
        return answers
      })()
      const statuses = (await Promise.all(flood)).map((response) => response.statusCode)
      expect(await other).toEqual([200, 200, 200, 200, 200, 201])
      expect(statuses.filter((status) => status >= 500)).toEqual([])
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(995)
      expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(1)
    })

    it('gives the sender a copy of their own case as a text or JSON file from the status page, audited and rate-limited', async () => {
      const { queryCode } = await i.interaction.visitors.submit(
        await i.interaction.visitors.mailbox(t.site.id, 'yzxx'),
        { ...letter, email: 'li@example.cn' },
      )
      const staff = i.interaction.as(operator).cases
      const [found] = await staff.list({})
      const id = found?.id ?? 0
      await staff.draftReply(id, { text: '已安排维修。' })
      await staff.submitReply(id)
      await staff.approveReply(id, 1)

      const status = await app.inject({
        method: 'POST',
        url: '/_fabu/case',
        headers: FORM_TYPE,
        payload: form({ code: queryCode, phone4: '8888' }),
      })
      const page = load(status.body)
      expect(page('form.copy-form').attr('action')).toBe('/_fabu/case/copy')
      const hidden = Object.fromEntries(
        page('form.copy-form input[type="hidden"]')
          .toArray()
          .map((input) => [page(input).attr('name'), page(input).attr('value')]),
      )
      expect(hidden).toEqual({ code: queryCode, phone4: '8888' })
      const copy = (format: string, phone4 = '8888', remoteAddress = '198.51.100.9') =>
        app.inject({
          method: 'POST',
          url: '/_fabu/case/copy',
          headers: FORM_TYPE,
          payload: form({ code: queryCode, phone4, format }),
          remoteAddress,
        })

      const json = await copy('json')
      expect(json.statusCode).toBe(200)
      expect(json.headers['content-type']).toMatch(/^application\/json/)
      expect(json.headers['content-disposition']).toBe(`attachment; filename="case-${queryCode}.json"`)
      expect(json.headers['cache-control']).toBe('no-store')
      expect(JSON.parse(json.body)).toMatchObject({
        queryCode,
        subject: letter.subject,
        content: letter.content,
        status: 'answered',
        reply: '已安排维修。',
        personal: { name: '李华', phone: letter.phone, email: 'li@example.cn', idNumber: null },
      })
      const text = await copy('txt')
      expect(text.headers['content-type']).toMatch(/^text\/plain/)
      expect(text.headers['content-disposition']).toBe(`attachment; filename="case-${queryCode}.txt"`)
      expect(text.body).toContain(`查询码：${queryCode}`)
      expect(text.body).toContain('姓名：李华')
      expect(text.body).toContain(letter.content)
      expect(text.body).toContain('已安排维修。')

      const wrong = await copy('json', '1234')
      expect(wrong.statusCode).toBe(404)
      expect(wrong.headers['content-type']).toMatch(/^text\/html/)
      expect(wrong.body).not.toContain(letter.phone)

      const records = await t.content.audit.list({ action: 'case.applicant.copy' })
      const seen = records.map((record) => [record.outcome, record.targetId, record.address, record.detail])
      expect(seen).toHaveLength(2)
      expect(seen).toEqual(
        expect.arrayContaining([
          ['success', String(id), '198.51.100.9', { format: 'txt' }],
          ['success', String(id), '198.51.100.9', { format: 'json' }],
        ]),
      )

      // The copy counts against the same per-address limit as the status page (30 in 10 minutes).
      const statuses: number[] = []
      for (let n = 0; n < 31; n++) statuses.push((await copy('txt', '1234', '198.51.100.10')).statusCode)
      expect(statuses.slice(0, 30).every((code) => code === 404)).toBe(true)
      expect(statuses[30]).toBe(429)
    })

    it('shows every XSS vector sent in every field as text, on the refilled form and on the status page', {
      timeout: 120_000,
    }, async () => {
      const lenient = createPublicDesk(
        i.interaction,
        { id: t.site.id, name: t.site.name, language: 'zh-CN' },
        { submissionsPerAddress: 1_000_000, lookupsPerAddress: 1_000_000 },
      )
      const visit = { address: '198.51.100.7', host: HOST }
      let stored = 0
      for (const vector of xssVectors) {
        // Every field at once; the phone number is invalid, so the form comes back filled in.
        const fields = {
          subject: vector.input,
          content: vector.input,
          name: vector.input,
          phone: vector.input,
          email: vector.input,
          idNumber: vector.input,
          category: vector.input,
        }
        const refilled = await lenient.submit(
          'yzxx',
          { ...fields, ...filledIn((await lenient.form('yzxx')).html) },
          visit,
        )
        expect(refilled.status, vector.id).toBe(422)
        expectNoInjectedMarkup(refilled.html)
        const $ = load(refilled.html)
        expect($('input[name="subject"]').val(), vector.id).toBe(asParsed(vector.input))
        // A textarea drops one newline right after its start tag, as HTML parsing says.
        expect($('textarea[name="content"]').text(), vector.id).toBe(
          asParsed(vector.input).replace(/^\n/, ''),
        )

        // Stored where the field takes it: subject, content and name within their lengths.
        const fits = (max: number) =>
          vector.input.trim().length <= max && vector.input.trim() ? vector.input : 'x'
        const receipt = await lenient.submit(
          'yzxx',
          {
            subject: `${vector.id} ${fits(80)}`,
            content: vector.input.trim() ? vector.input : 'x',
            name: fits(50),
            phone: '13800000000',
            ...filledIn((await lenient.form('yzxx')).html),
          },
          visit,
        )
        if (receipt.status === 422) continue // control characters: refused, as the schema says
        expect(receipt.status, vector.id).toBe(201)
        stored++
        const code = load(receipt.html)('[data-field="queryCode"]').text()
        const status = await lenient.lookup({ code, phone4: '0000' }, visit)
        expect(status.status).toBe(200)
        expectNoInjectedMarkup(status.html)
        const shown = load(status.html)
        expect(shown('[data-field="subject"]').text(), vector.id).toBe(
          asParsed(`${vector.id} ${fits(80)}`.trim()),
        )
        expect(shown('[data-field="content"]').text(), vector.id).toBe(
          asParsed((vector.input.trim() ? vector.input : 'x').trim()),
        )
      }
      expect(stored).toBeGreaterThan(600)
    })
  })
}
