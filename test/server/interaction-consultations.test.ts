import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPublicDesk } from '../../src/interaction/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { useContent } from '../support/content-fixture.ts'
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

for (const engine of engines()) {
  describe(`${engine.name}: consultations (意见征集)`, { timeout: 120_000 }, () => {
    const t = useContent(engine)
    const i = useInteraction(t)
    let app: FastifyInstance
    let output: string
    let publisher: Publisher

    beforeEach(async () => {
      output = await mkdtemp(join(tmpdir(), 'fabu-consultations-'))
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

    const post = (id: number, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: `/_fabu/consultations/${id}`,
        headers: { ...FORM, ...headers },
        payload: new URLSearchParams(fields).toString(),
      })
    const formOf = async (id: number) =>
      (await app.inject({ method: 'GET', url: `/_fabu/consultations/${id}`, headers: { host: HOST } })).body

    it('takes opinions while open with the form protections, seals contacts, and publishes open and closed with the summary', async () => {
      const desk = i.interaction.as(operator)
      const open = await desk.consultations.create({
        siteId: t.site.id,
        title: '《计量器具检定收费办法（征求意见稿）》',
        draft: '第一条 为规范收费……\n第二条 本办法适用于……',
        startsDay: '2026-11-01',
        endsDay: '2099-12-31',
      })
      const ended = await desk.consultations.create({
        siteId: t.site.id,
        title: '《实验室开放日安排》',
        draft: '开放日每月一次。',
        startsDay: '2026-01-01',
        endsDay: '2026-01-31',
      })
      expect(open.state).toBe('open')
      expect(ended.state).toBe('closed')

      // Without the form's token, or from another site: refused, nothing stored.
      const page = await formOf(open.id)
      expect(load(page)('h1').text()).toContain('征求意见稿')
      expect((await post(open.id, { content: '建议降低收费。', name: '刘洋' })).statusCode).toBe(403)
      expect(
        (
          await post(
            open.id,
            { content: '建议降低收费。', name: '刘洋', ...filledIn(page) },
            { origin: 'https://evil.example' },
          )
        ).statusCode,
      ).toBe(403)
      const sent = await post(open.id, {
        content: '建议降低小微企业的收费。',
        name: '刘洋',
        phone: '13655556666',
        ...filledIn(await formOf(open.id)),
      })
      expect(sent.statusCode).toBe(201)
      // The closed one shows no form and refuses a post.
      expect(load(await formOf(ended.id))('form').length).toBe(0)
      expect((await post(ended.id, { content: '晚了', name: '某某', ...filledIn(page) })).statusCode).toBe(
        403,
      )

      const opinions = await desk.consultations.opinions(open.id)
      expect(opinions).toEqual([
        expect.objectContaining({ content: '建议降低小微企业的收费。', nameMasked: '刘*' }),
      ])
      const editor = await i.user('editor2', [{ role: 'editor' }])
      await expect(i.interaction.as(editor).consultations.opinions(open.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      const row = await t.store.db.selectFrom('consultation_opinions').selectAll().executeTakeFirstOrThrow()
      expect(row.phone_sealed).not.toContain('13655556666')
      expect(row.name_sealed).not.toContain('刘洋')
      if (engine.name === 'sqlite') {
        // The database file's bytes: the opinion is there in clear, the phone number is not.
        await sql`pragma wal_checkpoint(truncate)`.execute(t.store.db)
        const files = await sql<{ file: string }>`pragma database_list`.execute(t.store.db)
        const bytes = readFileSync(files.rows.find((r) => r.file)?.file ?? '')
        expect(bytes.includes(Buffer.from('建议降低小微企业的收费。'))).toBe(true)
        expect(bytes.includes(Buffer.from('13655556666'))).toBe(false)
      }

      // The opinions as CSV carry no contact details; the auditor alone reads them, audited.
      const csv = await desk.consultations.exportCsv(open.id)
      expect(csv).toContain('建议降低小微企业的收费。')
      expect(csv).toContain('刘*')
      expect(csv).not.toContain('13655556666')
      const siteAdmin = await i.user('siteadmin2', [{ role: 'site_admin' }])
      const auditor = await i.user('auditor2', [{ role: 'audit_admin', siteId: null }])
      const [opinion] = opinions
      await expect(
        i.interaction.as(siteAdmin).consultations.personal(opinion?.id ?? 0),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      expect(await i.interaction.as(auditor).consultations.personal(opinion?.id ?? 0)).toEqual({
        name: '刘洋',
        phone: '13655556666',
        email: null,
      })
      const reads = await t.store.db
        .selectFrom('audit_log')
        .select(['actor', 'outcome'])
        .where('action', '=', 'opinion.personal.read')
        .orderBy('id')
        .execute()
      expect(reads.map((r) => r.outcome)).toEqual(['failure', 'success'])

      await expect(desk.consultations.summarize(open.id, { summary: '太早' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })
      await desk.consultations.summarize(ended.id, {
        summary: '共收到意见 3 条，采纳 2 条：开放日改为每月两次。',
      })

      const report = await publisher.publish({ site: 'simt' })
      expect(report.failed).toEqual([])
      const list = load(await readFile(join(output, 'site', 'zmhd/yjzj/index.html'), 'utf8'))
      const lists = list('.consultation-list')
      expect(lists.eq(0).text()).toContain('计量器具检定收费办法')
      expect(lists.eq(0).text()).toContain('征集中')
      expect(lists.eq(1).text()).toContain('实验室开放日安排')
      const endedPage = load(await readFile(join(output, 'site', `zmhd/yjzj/${ended.id}.html`), 'utf8'))
      expect(endedPage('#consultation-summary + p').text()).toBe(
        '共收到意见 3 条，采纳 2 条：开放日改为每月两次。',
      )
      const openPage = load(await readFile(join(output, 'site', `zmhd/yjzj/${open.id}.html`), 'utf8'))
      expect(openPage(`a[href="/_fabu/consultations/${open.id}"]`).length).toBe(1)
      expect(openPage('#consultation-draft + p').text()).toBe('第一条 为规范收费……\n第二条 本办法适用于……')
      expect(existsSync(join(output, 'site', 'zmhd/yjzj/index.html'))).toBe(true)
    })

    it('shows every XSS vector in an opinion as text to staff, and in a title and draft as text on the site', async () => {
      const desk = i.interaction.as(operator)
      const vectors = xssVectors.filter(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the schema refuses.
        (v) => v.input.trim() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v.input),
      )
      const open = await desk.consultations.create({
        siteId: t.site.id,
        title: 'x',
        draft: 'x',
        startsDay: '2026-11-01',
        endsDay: '2099-12-31',
      })
      const consultation = await i.interaction.visitors.consultation(t.site.id, open.id)
      for (const vector of vectors.slice(0, 200))
        await i.interaction.visitors
          .submitOpinion(consultation, { content: `${vector.id}:${vector.input}`, name: 'x' })
          // Too long for an opinion: refused, as the schema says.
          .catch((error) => expect(error.code).toBe('VALIDATION_FAILED'))
      const opinions = await desk.consultations.opinions(open.id)
      expect(opinions.length).toBeGreaterThan(150)
      for (const opinion of opinions)
        expect(vectors.some((v) => opinion.content === `${v.id}:${v.input}`.trim())).toBe(true)

      const ids: { id: number; title: string }[] = []
      for (const vector of vectors.slice(0, 100)) {
        const title = vector.input.trim().slice(0, 200)
        const made = await desk.consultations.create({
          siteId: t.site.id,
          title,
          draft: vector.input,
          startsDay: '2026-01-01',
          endsDay: '2026-01-02',
        })
        ids.push({ id: made.id, title })
      }
      const report = await publisher.publish({ site: 'simt' })
      expect(report.failed).toEqual([])
      for (const { id, title } of ids) {
        const page = load(await readFile(join(output, 'site', `zmhd/yjzj/${id}.html`), 'utf8'))
        expect(page('h1').text(), String(id)).toBe(title.replace(/\r\n?/g, '\n'))
        expect(
          page('script')
            .map((_, s) => page(s).attr('src'))
            .get(),
        ).toEqual(['/assets/fabu.js'])
        expect(page('iframe, svg, object, embed, [onerror], [onload]').length).toBe(0)
      }
    })
  })
}
