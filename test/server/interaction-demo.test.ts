import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessOf, type Content, createContent } from '../../src/content/index.ts'
import { createDemoSite, ensureDemoMailboxes } from '../../src/demo/index.ts'
import { createInteraction, createPublicDesk, type Interaction } from '../../src/interaction/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines, type TestStore } from '../support/engines.ts'
import { operator, testKeys } from '../support/interaction-fixture.ts'

const HOST = '127.0.0.1:8080'
const FORM = { 'content-type': 'application/x-www-form-urlencoded', host: HOST }

for (const engine of engines()) {
  describe(`${engine.name}: 政民互动 on the demo site`, { timeout: 120_000 }, () => {
    let opened: TestStore
    let output: string
    let content: Content
    let interaction: Interaction
    let app: FastifyInstance

    beforeAll(async () => {
      opened = await engine.open()
      output = await mkdtemp(join(tmpdir(), 'fabu-demo-interaction-'))
      content = createContent(opened.store)
      const { site } = await createDemoSite(content, editor)
      interaction = createInteraction(opened.store, { keys: testKeys() })
      await ensureDemoMailboxes(interaction, operator, site.id)
      // Running it again finds them instead of making more.
      expect(await ensureDemoMailboxes(interaction, operator, site.id)).toHaveLength(2)
      const publisher = new Publisher(opened.store, content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
      })
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])
      await publisher.close()
      app = await createPublicSite({
        root: join(output, 'site'),
        counter: new ViewCounter(opened.store),
        interaction: createPublicDesk(interaction, site),
      })
    })
    afterAll(async () => {
      await app?.close()
      await opened?.dispose()
      if (output) await rm(output, { recursive: true, force: true })
    })

    it('links its 院长信箱 and 依申请公开 forms from the published 互动交流 page', async () => {
      const page = load(await readFile(join(output, 'site', 'hdjl', 'index.html'), 'utf8'))
      const links = page('main a')
        .map((_, a) => page(a).attr('href'))
        .get()
      expect(links).toEqual(
        expect.arrayContaining(['/_fabu/letters/yzxx', '/_fabu/letters/ysqgk', '/_fabu/case']),
      )
      for (const [slug, title] of [
        ['yzxx', '院长信箱'],
        ['ysqgk', '依申请公开'],
      ]) {
        const form = await app.inject({
          method: 'GET',
          url: `/_fabu/letters/${slug}`,
          headers: { host: HOST },
        })
        expect(form.statusCode).toBe(200)
        expect(load(form.body)('h1').text()).toBe(title)
      }
    })

    it('takes a letter, answers it through review, and shows it masked and to the visitor with the code', async () => {
      const formPage = load(
        (await app.inject({ method: 'GET', url: '/_fabu/letters/yzxx', headers: { host: HOST } })).body,
      )
      const [a, b] = (formPage('label[for="f-answer"]').text().match(/\d+/g) ?? []).map(Number)
      const sent = await app.inject({
        method: 'POST',
        url: '/_fabu/letters/yzxx',
        headers: FORM,
        payload: new URLSearchParams({
          token: String(formPage('input[name="token"]').val()),
          answer: String((a ?? 0) + (b ?? 0)),
          subject: '体温计检定预约',
          content: '医院的红外体温计需要检定，如何预约？',
          category: '检定校准',
          name: '周海燕',
          phone: '13611112222',
          mayPublish: 'yes',
        }).toString(),
      })
      expect(sent.statusCode).toBe(201)
      const code = load(sent.body)('[data-field="queryCode"]').text()

      const [mailbox] = await interaction.as(operator).mailboxes.list((await content.sites.get('simt')).id)
      const [found] = await interaction.as(operator).cases.list({ mailboxId: mailbox?.id })
      const id = found?.id ?? 0
      const siteAdmin = {
        actor: editor,
        access: accessOf(1, [
          { id: 1, role: 'site_admin', siteId: found?.siteId ?? 0, columnId: null, reviewLevel: null },
        ]),
      }
      const desk = interaction.as(siteAdmin)
      await desk.cases.assign(id, { department: '客户服务中心' })
      await desk.cases.draftReply(id, { text: '请拨打021-38839800预约，或在计量服务平台在线预约。' })
      await desk.cases.submitReply(id)
      await desk.cases.approveReply(id, 1)

      const status = await app.inject({
        method: 'POST',
        url: '/_fabu/case',
        headers: FORM,
        payload: new URLSearchParams({ code, phone4: '2222' }).toString(),
      })
      expect(load(status.body)('[data-field="reply"]').text()).toBe(
        '请拨打021-38839800预约，或在计量服务平台在线预约。',
      )
      const answers = await app.inject({
        method: 'GET',
        url: '/_fabu/letters/yzxx/answers',
        headers: { host: HOST },
      })
      const list = load(answers.body)
      expect(list('[data-field="name"]').text()).toBe('周**')
      expect(list('.case-reply h3').text()).toBe('答复（客户服务中心）')
      expect(answers.body).not.toContain('周海燕')
      expect(answers.body).not.toContain('13611112222')

      // One publish later the answer is a static page of the site, the name masked.
      const publisher = new Publisher(opened.store, content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
      })
      const report = await publisher.publish({ site: 'simt' })
      await publisher.close()
      expect(report.failed).toEqual([])
      expect(report.written).toContain(`zmhd/xx/yzxx/${id}.html`)
      const bytes = await readFile(join(output, 'site', 'zmhd', 'xx', 'yzxx', `${id}.html`))
      const letter = load(bytes.toString('utf8'))
      expect(letter('.letter-meta').text()).toContain('周**')
      expect(letter('#letter-answer + p').text()).toBe('请拨打021-38839800预约，或在计量服务平台在线预约。')
      expect(bytes.includes(Buffer.from('周海燕'))).toBe(false)
      expect(bytes.includes(Buffer.from('13611112222'))).toBe(false)
    })
  })
}
