import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { maskContacts, Publisher } from '../../src/publish/index.ts'
import { useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { operator, useInteraction } from '../support/interaction-fixture.ts'
import { xssVectors } from '../support/script-hazards.ts'

/** As an HTML parser reads text: CR LF and lone CR become LF. */
const asParsed = (text: string) => text.replace(/\r\n?/g, '\n')

for (const engine of engines()) {
  describe(`${engine.name}: answered letters on the published site`, { timeout: 180_000 }, () => {
    const t = useContent(engine)
    const i = useInteraction(t)
    let output: string
    let publisher: Publisher

    beforeEach(async () => {
      output = await mkdtemp(join(tmpdir(), 'fabu-letter-pages-'))
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
        workers: 1,
      })
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])
    })
    afterEach(async () => {
      await publisher.close()
      await rm(output, { recursive: true, force: true })
    })

    const site = (path: string) => join(output, 'site', path)

    /** A letter submitted, answered by a handler and approved at the mailbox's one review level. */
    async function answered(fields: {
      subject: string
      content: string
      name: string
      mayPublish?: boolean
    }) {
      const receipt = await i.interaction.visitors.submit(i.letters, {
        phone: '13912345678',
        idNumber: '310101199001011234',
        mayPublish: true,
        ...fields,
      })
      const desk = i.interaction.as(operator)
      await desk.cases.assign(receipt.caseId, { department: '计量管理处' })
      await desk.cases.draftReply(receipt.caseId, { text: '已安排检定，请致电021-38839800。' })
      const submitted = await desk.cases.submitReply(receipt.caseId)
      if (submitted.status !== 'answered') await desk.cases.approveReply(receipt.caseId, 1)
      return receipt
    }

    it('shows an answered letter after one publish: masked name, question, answer, unit, no phone or ID number', async () => {
      const receipt = await answered({
        subject: '电子秤检定',
        content: '菜场电子秤不准，我的电话13912345678，请派人检定。',
        name: '王小明',
      })
      const report = await publisher.publish({ site: 'simt' })
      expect(report.mode).toBe('incremental')
      expect(report.failed).toEqual([])
      const path = `zmhd/xx/yzxx/${receipt.caseId}.html`
      expect(report.written).toEqual(expect.arrayContaining([path, 'zmhd/xx/yzxx/index.html']))

      const bytes = await readFile(site(path))
      const text = bytes.toString('utf8')
      const page = load(text)
      expect(page('h1').text()).toBe('电子秤检定')
      expect(page('.letter-meta').text()).toContain('王**')
      expect(page('.letter-meta').text()).toContain('计量管理处')
      expect(page('#letter-question + p').text()).toBe('菜场电子秤不准，我的电话139******78，请派人检定。')
      expect(page('#letter-answer + p').text()).toBe('已安排检定，请致电021-38839800。')
      for (const secret of ['王小明', '13912345678', '310101199001011234', '12345678'])
        expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)

      const list = load(await readFile(site('zmhd/xx/yzxx/index.html'), 'utf8'))
      expect(list('.letter-list a').attr('href')).toBe(`/${path}`)
      expect(list('.letter-list td').eq(1).text()).toBe('王**')
    })

    it('leaves out letters whose sender did not agree, and takes a letter off the site when staff withdraw it', async () => {
      const kept = await answered({ subject: '公开的来信', content: '可以公开。', name: '李四' })
      const privateOne = await answered({
        subject: '不公开的来信',
        content: '请勿公开。',
        name: '赵六',
        mayPublish: false,
      })
      await publisher.publish({ site: 'simt' })
      expect(existsSync(site(`zmhd/xx/yzxx/${kept.caseId}.html`))).toBe(true)
      expect(existsSync(site(`zmhd/xx/yzxx/${privateOne.caseId}.html`))).toBe(false)
      await expect(
        i.interaction.as(operator).cases.showAnswer(privateOne.caseId, true),
      ).rejects.toMatchObject({
        code: 'INVALID_STATE',
      })

      await i.interaction.as(operator).cases.showAnswer(kept.caseId, false)
      const report = await publisher.publish({ site: 'simt' })
      expect(report.removed).toContain(`zmhd/xx/yzxx/${kept.caseId}.html`)
      expect(existsSync(site(`zmhd/xx/yzxx/${kept.caseId}.html`))).toBe(false)
      expect(await readFile(site('zmhd/xx/yzxx/index.html'), 'utf8')).toContain('暂无公开的答复')

      // A full publish agrees with the incremental one.
      await i.interaction.as(operator).cases.showAnswer(kept.caseId, true)
      const full = await publisher.publish({ site: 'simt', mode: 'full' })
      expect(full.failed).toEqual([])
      expect(existsSync(site(`zmhd/xx/yzxx/${kept.caseId}.html`))).toBe(true)
    })

    it('shows every XSS vector in a letter as text on its static page', async () => {
      const ids = new Map<number, string>()
      for (const vector of xssVectors) {
        const body = vector.input.trim() ? vector.input : 'x'
        try {
          const receipt = await i.interaction.visitors.submit(i.letters, {
            subject: `${vector.id}`.slice(0, 80),
            content: body,
            name: vector.input.trim().slice(0, 50) || 'x',
            phone: '13800000000',
            mayPublish: true,
          })
          ids.set(receipt.caseId, body)
        } catch (error) {
          // Control characters (and the blank duplicates): refused, as the schema says.
          expect((error as { code?: string }).code).toMatch(/VALIDATION|DUPLICATE/)
        }
      }
      expect(ids.size).toBeGreaterThan(600)
      const desk = i.interaction.as(operator)
      for (const id of ids.keys()) {
        await desk.cases.draftReply(id, { text: '已收悉。' })
        const submitted = await desk.cases.submitReply(id)
        if (submitted.status !== 'answered') await desk.cases.approveReply(id, 1)
      }
      const report = await publisher.publish({ site: 'simt' })
      expect(report.failed).toEqual([])
      for (const [id, body] of ids) {
        const page = load(await readFile(site(`zmhd/xx/yzxx/${id}.html`), 'utf8'))
        // The theme's one script, nothing else.
        expect(
          page('script')
            .map((_, s) => page(s).attr('src'))
            .get(),
          String(id),
        ).toEqual(['/assets/fabu.js'])
        expect(page('[onerror], [onload], [onclick], iframe, svg, object, embed').length, String(id)).toBe(0)
        expect(page('#letter-question + p').text(), String(id)).toBe(asParsed(maskContacts(body.trim())))
      }
    })
  })
}
