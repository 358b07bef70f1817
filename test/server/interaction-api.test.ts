import { beforeEach, describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import type { Mailbox, Submission } from '../../src/interaction/index.ts'
import {
  caseListSchema,
  caseSchema,
  dueCasesSchema,
  personalDataSchema,
} from '../../src/server/interaction-response-schemas.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'
import { smallPng } from '../support/hostile-files.ts'
import { operator } from '../support/interaction-fixture.ts'
import { xssVectors } from '../support/script-hazards.ts'

const letter: Submission = {
  subject: '咨询检定收费',
  content: '燃气表检定如何收费？',
  name: '赵敏',
  phone: '13566667777',
  email: 'zhao@example.cn',
}

for (const engine of engines()) {
  describe(`${engine.name}: the interaction API`, () => {
    // The XSS sweep makes ~1,400 requests; the per-address API limit is not what it tests.
    const t = useAdminServer(engine, { requestsPerMinute: 100_000 })
    let siteId: number
    let mailbox: Mailbox

    beforeEach(async () => {
      const site = await t.content.sites.create(systemActor('cli:test'), {
        slug: 'simt',
        name: '上海市计量测试技术研究院',
        baseUrl: 'https://www.simt.com.cn',
      })
      siteId = site.id
      await t.addUser('siteadmin', [{ role: 'site_admin', siteId }])
      const admin = await t.signedIn('siteadmin')
      const created = await admin.post('/api/sites/simt/mailboxes', {
        slug: 'yzxx',
        name: '院长信箱',
        kind: 'consultation',
        departments: ['综合办公室'],
      })
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({ deadlineDays: 5, reviewLevels: 1 })
      mailbox = created.body
    })

    it('lets a handler read the personal data, refuses an editor and the site administrator, and audits each read', async () => {
      const { caseId } = await t.interaction.visitors.submit(mailbox, letter)
      const handlerId = await t.addUser('handler', [])
      await t.addUser('editor', [{ role: 'editor', siteId }])
      await t.addUser('auditor', [{ role: 'audit_admin', siteId: null }])
      const admin = await t.signedIn('siteadmin')
      expect((await admin.put(`/api/mailboxes/${mailbox.id}/handlers/${handlerId}`, {})).status).toBe(204)

      const handler = await t.signedIn('handler')
      const inbox = await handler.get(`/api/cases?site=simt&mailbox=${mailbox.id}`)
      // Each answer is what its documented schema (and so the admin's type) says.
      expect(caseListSchema.parse(inbox.body)).toMatchObject([
        { id: caseId, nameMasked: '赵*', urgency: 'on-time', deadline: { state: 'running' } },
      ])
      expect(JSON.stringify(inbox.body)).not.toContain(letter.phone)
      expect(caseSchema.parse((await handler.get(`/api/cases/${caseId}`)).body).id).toBe(caseId)
      expect(caseListSchema.parse((await handler.get(`/api/cases/${caseId}/duplicates`)).body)).toEqual([])
      const personal = await handler.get(`/api/cases/${caseId}/personal`)
      expect(personal.status).toBe(200)
      expect(personalDataSchema.parse(personal.body)).toEqual({
        name: '赵敏',
        phone: letter.phone,
        email: letter.email,
        idNumber: null,
      })

      const editor = await t.signedIn('editor')
      expect((await editor.get(`/api/cases/${caseId}`)).status).toBe(404)
      expect((await editor.get(`/api/cases/${caseId}/personal`)).status).toBe(404)
      expect((await editor.get('/api/cases')).body).toEqual([])
      const refused = await admin.get(`/api/cases/${caseId}/personal`)
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('FORBIDDEN')

      const auditor = await t.signedIn('auditor')
      const log = await auditor.get('/api/audit?action=case.personal.read')
      expect(log.status).toBe(200)
      const reads = (log.body.items ?? log.body) as {
        actor: string
        outcome: string
        errorCode: string | null
      }[]
      expect(reads.map((r) => [r.actor.split(' ')[0], r.outcome, r.errorCode])).toEqual([
        ['siteadmin', 'failure', 'FORBIDDEN'],
        ['editor', 'failure', 'NOT_FOUND'],
        ['handler', 'success', null],
      ])
    })

    it('shows a handler with no content role the sites of their mailboxes, but not their columns or articles', async () => {
      await t.content.sites.create(systemActor('cli:test'), {
        slug: 'other',
        name: '另一个站点',
        baseUrl: 'https://other.example.cn',
      })
      const admin = await t.signedIn('siteadmin')
      const column = await admin.post('/api/columns', { siteId, slug: 'news', name: '新闻' })
      expect(column.status).toBe(201)
      const handlerId = await t.addUser('handler', [])
      const handlerBefore = await t.signedIn('handler')
      expect((await handlerBefore.get('/api/sites')).body).toEqual({ items: [] })
      expect((await admin.put(`/api/mailboxes/${mailbox.id}/handlers/${handlerId}`, {})).status).toBe(204)

      const handler = await t.signedIn('handler')
      const sites = await handler.get('/api/sites')
      expect(sites.body.items.map((site: { slug: string }) => site.slug)).toEqual(['simt'])
      expect((await handler.get('/api/sites/simt')).status).toBe(200)
      expect((await handler.get('/api/sites/other')).status).toBe(404)
      expect((await handler.get('/api/sites/simt/columns')).status).toBe(404)
      expect((await handler.get(`/api/columns/${column.body.id}`)).status).toBe(404)
      expect((await handler.get(`/api/articles?site=simt`)).status).toBe(404)
      expect((await handler.get(`/api/sites/simt/mailboxes`)).body).toMatchObject([{ id: mailbox.id }])
      // The site's uploaded files are content: still not the handler's.
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(await smallPng())]), 'a.png')
      const uploaded = await admin.request('POST', '/api/sites/simt/uploads', form)
      expect(uploaded.status).toBe(201)
      expect((await admin.get(uploaded.body.url)).status).toBe(200)
      expect((await handler.get(uploaded.body.url)).status).toBe(404)

      expect((await admin.delete(`/api/mailboxes/${mailbox.id}/handlers/${handlerId}`)).status).toBe(204)
      expect((await handler.get('/api/sites')).body).toEqual({ items: [] })
    })

    it("changes a mailbox's settings for the site administrator, keeps what the patch leaves out, refuses others and bad input", async () => {
      const admin = await t.signedIn('siteadmin')
      const { caseId } = await t.interaction.visitors.submit(mailbox, letter)
      const changed = await admin.patch(`/api/mailboxes/${mailbox.id}`, {
        name: '院长信箱（新）',
        categories: ['收费', '检定'],
        deadlineDays: 10,
        publishesAnswers: true,
      })
      expect(changed.status).toBe(200)
      expect(changed.body).toMatchObject({
        slug: 'yzxx',
        kind: 'consultation',
        name: '院长信箱（新）',
        categories: ['收费', '检定'],
        departments: ['综合办公室'],
        deadlineDays: 10,
        reviewLevels: 1,
        publishesAnswers: true,
      })
      const listed = await admin.get('/api/sites/simt/mailboxes')
      expect(listed.body).toMatchObject([{ id: mailbox.id, name: '院长信箱（新）', deadlineDays: 10 }])
      // The letter received before keeps the deadline it came in with.
      const before = await t.interaction.as(operator).cases.get(caseId)
      expect(before.deadlineDays).toBe(5)

      const bad = await admin.patch(`/api/mailboxes/${mailbox.id}`, { deadlineDays: 0 })
      expect(bad.status).toBe(422)
      expect((await admin.patch(`/api/mailboxes/${mailbox.id}`, { slug: 'other' })).status).toBe(422)
      expect((await admin.patch(`/api/mailboxes/${mailbox.id}`, { kind: 'disclosure' })).status).toBe(422)
      expect((await admin.get('/api/sites/simt/mailboxes')).body[0]).toMatchObject({
        slug: 'yzxx',
        kind: 'consultation',
        deadlineDays: 10,
      })

      const handlerId = await t.addUser('handler', [])
      await admin.put(`/api/mailboxes/${mailbox.id}/handlers/${handlerId}`, {})
      await t.addUser('editor', [{ role: 'editor', siteId }])
      for (const who of ['handler', 'editor']) {
        const refused = await (await t.signedIn(who)).patch(`/api/mailboxes/${mailbox.id}`, { name: 'x' })
        expect(refused.status, who).toBe(403)
      }
      expect((await admin.get('/api/sites/simt/mailboxes')).body[0].name).toBe('院长信箱（新）')
    })

    it('answers a letter through drafting, review and approval, and lists it overdue once past due', async () => {
      const { caseId } = await t.interaction.visitors.submit(mailbox, letter)
      const handlerId = await t.addUser('handler', [])
      const reviewerId = await t.addUser('reviewer', [])
      const admin = await t.signedIn('siteadmin')
      await admin.put(`/api/mailboxes/${mailbox.id}/handlers/${handlerId}`, {})
      await admin.put(`/api/mailboxes/${mailbox.id}/handlers/${reviewerId}`, { reviewLevel: 1 })
      const handler = await t.signedIn('handler')
      const stranger = await t.addUser('stranger', [])
      const notHandler = await handler.post(`/api/cases/${caseId}/assign`, { userId: stranger })
      expect(notHandler.status).toBe(422)
      expect(notHandler.body.error.field).toBe('userId')
      expect(
        (await handler.post(`/api/cases/${caseId}/assign`, { userId: handlerId, department: '综合办公室' }))
          .body,
      ).toMatchObject({
        status: 'handling',
        department: '综合办公室',
      })
      expect(
        (await handler.put(`/api/cases/${caseId}/reply`, { text: '按物价部门核定标准收费。' })).status,
      ).toBe(200)
      expect((await handler.post(`/api/cases/${caseId}/reply/submit`)).body).toMatchObject({
        replyState: 'in_review',
      })
      expect((await handler.post(`/api/cases/${caseId}/reply/approve`, { level: 1 })).status).toBe(403)
      const reviewer = await t.signedIn('reviewer')
      const rejected = await reviewer.post(`/api/cases/${caseId}/reply/reject`, { comment: '请写明收费依据' })
      expect(rejected.body).toMatchObject({ replyState: 'draft' })
      await handler.put(`/api/cases/${caseId}/reply`, { text: '依据沪价费〔2020〕1号收费。' })
      await handler.post(`/api/cases/${caseId}/reply/submit`)
      const answered = await reviewer.post(`/api/cases/${caseId}/reply/approve`, { level: 1 })
      expect(answered.body).toMatchObject({ status: 'answered', reply: '依据沪价费〔2020〕1号收费。' })
      expect(answered.body.replyTrail.map((step: { action: string }) => step.action)).toEqual([
        'submit',
        'reject',
        'submit',
        'approve',
      ])
      const due = await handler.get('/api/sites/simt/cases/due')
      expect(dueCasesSchema.parse(due.body)).toEqual({ overdue: [], dueSoon: [] })
      const invalid = await handler.post(`/api/cases/${caseId}/invalid`, {})
      expect(invalid.status).toBe(422)
      const report = await admin.request('GET', '/api/sites/simt/disclosure-report?year=2026&format=csv')
      expect(report.status).toBe(200)
      expect(report.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(report.headers.get('content-disposition')).toBe('attachment; filename="disclosure-2026.csv"')
      expect(String(report.body)).toContain('收到申请数 received,0')
    })

    it('returns every XSS vector in every stored field as the same text, as JSON', {
      timeout: 120_000,
    }, async () => {
      const handlerId = await t.addUser('handler', [])
      await t.interaction.as(operator).mailboxes.grantHandler(mailbox.id, handlerId, null)
      const handler = await t.signedIn('handler')
      let checked = 0
      for (const vector of xssVectors) {
        const fits = (max: number) =>
          vector.input.trim() && vector.input.trim().length <= max ? vector.input : 'x'
        const receipt = await t.interaction.visitors
          .submit(mailbox, {
            subject: `${vector.id} ${fits(80)}`,
            content: fits(5000),
            name: fits(50),
            phone: '13800000000',
            idNumber: fits(32),
          })
          .catch((error) => {
            expect(error.code, vector.id).toBe('VALIDATION_FAILED') // control characters
            return null
          })
        if (!receipt) continue
        const shown = await handler.get(`/api/cases/${receipt.caseId}`)
        expect(shown.headers.get('content-type')).toMatch(/^application\/json/)
        expect(shown.body.subject, vector.id).toBe(`${vector.id} ${fits(80)}`.trim())
        expect(shown.body.content, vector.id).toBe(fits(5000).trim())
        const personal = await handler.get(`/api/cases/${receipt.caseId}/personal`)
        expect(personal.body.name, vector.id).toBe(fits(50).trim())
        expect(personal.body.idNumber, vector.id).toBe(fits(32).trim())
        checked++
      }
      expect(checked).toBeGreaterThan(600)
    })
  })
}
