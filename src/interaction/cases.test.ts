import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { operator, useInteraction } from '../../test/support/interaction-fixture.ts'
import type { Store } from '../store/index.ts'

const letter = {
  subject: '校准证书何时能取',
  content: '上周送检的压力表，证书何时可以领取？',
  name: '王小明',
  phone: '13912345678',
  email: 'wang@example.cn',
  idNumber: '310101199001011234',
  mayPublish: true,
}

/** Every byte the engine keeps of the database, as text a grep would see. */
async function storedBytes(store: Store, engine: string): Promise<string> {
  if (engine === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(store.db)
    const files = await sql<{ file: string }>`pragma database_list`.execute(store.db)
    const path = files.rows.find((row) => row.file)?.file ?? ''
    return [path, `${path}-wal`]
      .map((file) => {
        try {
          return readFileSync(file).toString('latin1') + readFileSync(file).toString('utf8')
        } catch {
          return ''
        }
      })
      .join('')
  }
  const rows = await sql<{ text: string }>`
    select (select coalesce(string_agg(c::text, ''), '') from cases c) ||
           (select coalesce(string_agg(a::text, ''), '') from audit_log a) as text`.execute(store.db)
  return rows.rows[0]?.text ?? ''
}

for (const engine of engines()) {
  describe(`${engine.name}: letters and their personal data`, () => {
    const t = useContent(engine)
    const i = useInteraction(t)

    it('keeps no phone number, e-mail or ID number in clear text in the database', async () => {
      const receipt = await i.interaction.visitors.submit(i.letters, letter)
      expect(receipt.queryCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      const bytes = await storedBytes(t.store, engine.name)
      expect(bytes).toContain(letter.subject)
      for (const secret of [letter.phone, letter.email, letter.idNumber, letter.name]) {
        expect(bytes).not.toContain(secret)
      }
      const row = await t.store.db.selectFrom('cases').select('phone_sealed').executeTakeFirstOrThrow()
      expect(row.phone_sealed).toMatch(/^v1\.p1\./)
    })

    it('shows personal data to the mailbox handler and the auditor, and audits every read', async () => {
      const { caseId } = await i.interaction.visitors.submit(i.letters, letter)
      const handler = await i.user('handler', [{ role: 'editor' }])
      await i.interaction.as(operator).mailboxes.grantHandler(i.letters.id, handler.userId, null)
      const auditor = await i.user('auditor', [{ role: 'audit_admin', siteId: null }])
      expect(await i.interaction.as(handler).cases.personal(caseId)).toEqual({
        name: letter.name,
        phone: letter.phone,
        email: letter.email,
        idNumber: letter.idNumber,
      })
      expect((await i.interaction.as(auditor).cases.personal(caseId)).phone).toBe(letter.phone)
      const reads = await t.content.audit.list({ action: 'case.personal.read' })
      expect(reads.map((r) => [r.actor, r.outcome, r.targetId])).toEqual([
        [`auditor (user:${auditor.userId})`, 'success', String(caseId)],
        [`handler (user:${handler.userId})`, 'success', String(caseId)],
      ])
    })

    it('refuses personal data to an editor and a site administrator without the mailbox, and audits the refusal', async () => {
      const { caseId } = await i.interaction.visitors.submit(i.letters, letter)
      const editor = await i.user('editor', [{ role: 'editor' }])
      const siteAdmin = await i.user('siteadmin', [{ role: 'site_admin' }])
      await expect(i.interaction.as(editor).cases.get(caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(i.interaction.as(editor).cases.personal(caseId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      // The site's administrator handles the case but does not see who sent it.
      expect((await i.interaction.as(siteAdmin).cases.get(caseId)).nameMasked).toBe('王**')
      await expect(i.interaction.as(siteAdmin).cases.personal(caseId)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      const refusals = await t.content.audit.list({ action: 'case.personal.read' })
      expect(refusals.map((r) => [r.outcome, r.errorCode])).toEqual([
        ['failure', 'FORBIDDEN'],
        ['failure', 'NOT_FOUND'],
      ])
    })

    it('answers through one review step, and the visitor sees the reply with code and phone digits', async () => {
      const { caseId, queryCode } = await i.interaction.visitors.submit(i.letters, letter)
      const handler = await i.user('handler', [])
      const reviewer = await i.user('reviewer', [])
      const desk = i.interaction.as(operator)
      await desk.mailboxes.grantHandler(i.letters.id, handler.userId, null)
      await desk.mailboxes.grantHandler(i.letters.id, reviewer.userId, 1)
      const cases = i.interaction.as(handler).cases
      await cases.assign(caseId, { department: '综合办公室' })
      await cases.draftReply(caseId, { text: '证书已出具，请于工作日到服务大厅领取。' })
      await cases.submitReply(caseId)
      await expect(cases.approveReply(caseId, 1)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect(await i.interaction.visitors.lookup(t.site.id, queryCode, '5678')).toMatchObject({
        status: 'handling',
        reply: null,
      })
      const answered = await i.interaction.as(reviewer).cases.approveReply(caseId, 1)
      expect(answered).toMatchObject({ status: 'answered', replyState: 'approved', department: '综合办公室' })
      expect(await i.interaction.visitors.lookup(t.site.id, queryCode.toLowerCase(), '5678')).toMatchObject({
        status: 'answered',
        reply: '证书已出具，请于工作日到服务大厅领取。',
      })
      expect(await i.interaction.visitors.lookup(t.site.id, queryCode, '1234')).toBeNull()
      expect(await i.interaction.visitors.lookup(t.site.id, 'AAAA-BBBB-CCCC', '5678')).toBeNull()
    })

    it('refuses the same letter twice within a day', async () => {
      await i.interaction.visitors.submit(i.letters, letter)
      await expect(
        i.interaction.visitors.submit(i.letters, { ...letter, name: '李四' }),
      ).rejects.toMatchObject({
        code: 'DUPLICATE_SUBMISSION',
      })
    })

    it('marks a letter invalid only with a reason', async () => {
      const { caseId } = await i.interaction.visitors.submit(i.letters, letter)
      const invalid = await i.interaction.as(operator).cases.markInvalid(caseId, '广告信息')
      expect(invalid).toMatchObject({ status: 'invalid', invalidReason: '广告信息', urgency: null })
    })
  })

  describe(`${engine.name}: the deadline clock on cases`, () => {
    const t = useContent(engine)
    const i = useInteraction(t)

    it('shows a consultation overdue after 5 working days, skipping the holiday in the calendar', async () => {
      const desk = i.interaction.as(operator)
      await desk.calendar.setYear(2026, [{ day: '2026-12-01', kind: 'holiday', note: '测试假日' }])
      // Friday 2026-11-27, 16:00 in Shanghai: Mon 30, (Tue 1 off), Wed 2, Thu 3, Fri 4, Mon 7.
      const { caseId } = await i.interaction.visitors.submit(i.letters, letter)
      expect((await desk.cases.get(caseId)).deadline).toEqual({ state: 'running', dueDay: '2026-12-07' })
      t.clock.now = new Date('2026-12-04T08:00:00Z')
      expect((await desk.cases.get(caseId)).urgency).toBe('due-soon')
      expect(await desk.cases.list({ isOverdue: true })).toEqual([])
      t.clock.now = new Date('2026-12-08T01:00:00Z')
      expect((await desk.cases.list({ isOverdue: true })).map((c) => c.id)).toEqual([caseId])
    })

    it('stops the 依申请公开 clock during a 补正 and grants one extension with its reason', async () => {
      const desk = i.interaction.as(operator)
      const { caseId } = await i.interaction.visitors.submit(i.applications, {
        ...letter,
        applicantType: 'citizen',
        idType: '身份证',
        delivery: 'email',
      })
      expect((await desk.cases.get(caseId)).deadline).toEqual({ state: 'running', dueDay: '2026-12-25' })
      t.clock.now = new Date('2026-12-01T02:00:00Z')
      const waiting = await desk.cases.requestCorrection(caseId, '请补充所需信息的文号')
      expect(waiting).toMatchObject({ status: 'awaiting_applicant', urgency: 'paused' })
      t.clock.now = new Date('2026-12-08T02:00:00Z')
      const resumed = await desk.cases.correctionReceived(caseId)
      // 12-02 … 12-08 stood still: five working days added back.
      expect(resumed.deadline).toEqual({ state: 'running', dueDay: '2027-01-01' })
      const extended = await desk.cases.extend(caseId, '需要征求第三方意见')
      expect(extended).toMatchObject({ extensionDays: 20, extensionReason: '需要征求第三方意见' })
      await expect(desk.cases.extend(caseId, '再延一次')).rejects.toMatchObject({ code: 'INVALID_STATE' })
      await expect(
        desk.cases.draftReply(caseId, { answerType: 'withhold', text: '不予公开' }),
      ).rejects.toMatchObject({
        field: 'reason',
      })
      await desk.cases.draftReply(caseId, { answerType: 'not_exist', text: '经检索，该信息不存在。' })
      await desk.cases.submitReply(caseId)
      expect(await desk.cases.approveReply(caseId, 1)).toMatchObject({
        status: 'answered',
        answerType: 'not_exist',
      })
    })

    it('counts the year of applications for the annual report: by answer type, late and overdue', async () => {
      const desk = i.interaction.as(operator)
      const apply = (subject: string) =>
        i.interaction.visitors.submit(i.applications, { ...letter, subject, applicantType: 'citizen' })
      const first = await apply('申请一')
      const second = await apply('申请二')
      await apply('申请三')
      await desk.cases.draftReply(first.caseId, {
        answerType: 'partial',
        text: '部分公开',
        reason: '涉及商业秘密',
      })
      await desk.cases.submitReply(first.caseId)
      await desk.cases.approveReply(first.caseId, 1)
      await desk.cases.requestCorrection(second.caseId, '请说明所需信息')
      // Past every due day: 12-25 for those received on 11-27.
      t.clock.now = new Date('2027-01-05T02:00:00Z')
      const report = await desk.cases.disclosureReport(t.site.id, 2026)
      expect(report).toMatchObject({
        received: 3,
        answered: { partial: 1, disclose: 0, withhold: 0, not_exist: 0, not_ours: 0, duplicate: 0 },
        open: 2,
        correctionsRequested: 1,
        extended: 0,
        answeredLate: 0,
        overdueOpen: 1,
      })
      expect((await desk.cases.disclosureReport(t.site.id, 2025)).received).toBe(0)
    })

    it('erases expired personal data and keeps the case and its reply', async () => {
      const desk = i.interaction.as(operator)
      const { caseId } = await i.interaction.visitors.submit(i.letters, letter)
      await desk.cases.draftReply(caseId, { text: '已答复' })
      await desk.cases.submitReply(caseId)
      await desk.cases.approveReply(caseId, 1)
      expect(await desk.cases.eraseExpiredPersonalData()).toEqual({ erased: 0 })
      t.clock.now = new Date('2029-12-01T00:00:00Z')
      expect(await desk.cases.eraseExpiredPersonalData()).toEqual({ erased: 1 })
      expect(await desk.cases.personal(caseId)).toEqual({
        name: null,
        phone: null,
        email: null,
        idNumber: null,
      })
      expect(await desk.cases.get(caseId)).toMatchObject({
        reply: '已答复',
        subject: letter.subject,
        nameMasked: '王**',
      })
    })
  })
}
