import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createInteraction,
  createSmtpNotifier,
  type Interaction,
  type Mailbox,
} from '../src/interaction/index.ts'
import { useContent } from './support/content-fixture.ts'
import { engines } from './support/engines.ts'
import { operator, testKeys } from './support/interaction-fixture.ts'
import { startSmtpSink } from './support/smtp-sink.ts'

/** The decoded text of a received message (nodemailer sends UTF-8 bodies quoted-printable or base64). */
function bodyOf(data: string): string {
  const [headers = '', ...rest] = data.split('\n\n')
  const body = rest.join('\n\n')
  if (/content-transfer-encoding: base64/i.test(headers))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
  if (/content-transfer-encoding: quoted-printable/i.test(headers))
    return Buffer.from(
      body
        .replace(/=\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8')
  return body
}

for (const engine of engines()) {
  describe(`${engine.name}: e-mail notices of letters`, () => {
    const t = useContent(engine)
    let sink: Awaited<ReturnType<typeof startSmtpSink>>
    let interaction: Interaction
    let mailbox: Mailbox
    const errors: unknown[] = []

    beforeEach(async () => {
      errors.length = 0
      sink = await startSmtpSink()
      interaction = createInteraction(t.store, {
        keys: testKeys(),
        now: () => t.clock.now,
        notifier: createSmtpNotifier({
          host: '127.0.0.1',
          port: sink.port,
          security: 'none',
          user: null,
          password: null,
          from: 'noreply@simt.example',
        }),
        onNoticeError: (error) => errors.push(error),
      })
      mailbox = await interaction.as(operator).mailboxes.create({
        siteId: t.site.id,
        slug: 'yzxx',
        name: '院长信箱',
        kind: 'consultation',
        notifyAddresses: ['office@simt.example'],
      })
    })
    afterEach(async () => {
      await sink.close()
    })

    it('tells the handlers of a new letter without who sent it, and the sender of the answer', async () => {
      const { caseId, queryCode } = await interaction.visitors.submit(mailbox, {
        subject: '证书查询',
        content: '证书编号如何查询？',
        name: '孙丽',
        phone: '13900002222',
        email: 'sun@example.cn',
      })
      await interaction.settled()
      expect(sink.received).toHaveLength(1)
      expect(sink.received[0]?.to).toEqual(['office@simt.example'])
      const staffMail = bodyOf(sink.received[0]?.data ?? '')
      expect(staffMail).toContain(`编号 ${caseId}`)
      expect(staffMail).not.toContain('13900002222')
      expect(staffMail).not.toContain('孙丽')

      const desk = interaction.as(operator).cases
      await desk.draftReply(caseId, { text: '请在证书查询系统输入证书编号。' })
      await desk.submitReply(caseId)
      await desk.approveReply(caseId, 1)
      await interaction.settled()
      expect(sink.received).toHaveLength(2)
      expect(sink.received[1]?.to).toEqual(['sun@example.cn'])
      const answerMail = bodyOf(sink.received[1]?.data ?? '')
      expect(answerMail).toContain('请在证书查询系统输入证书编号。')
      expect(answerMail).toContain(queryCode)
      expect(errors).toEqual([])
    })

    it('reminds the mailbox of overdue and nearly due cases in one e-mail', async () => {
      await interaction.visitors.submit(mailbox, {
        subject: '甲',
        content: '一',
        name: '甲',
        phone: '13900000001',
      })
      await interaction.visitors.submit(mailbox, {
        subject: '乙',
        content: '二',
        name: '乙',
        phone: '13900000002',
      })
      await interaction.settled()
      // Received Friday 11-27: due Friday 12-04; on 12-03 both are due soon.
      t.clock.now = new Date('2026-12-03T02:00:00Z')
      expect(await interaction.as(operator).cases.remindDue()).toEqual({ mailboxes: 1, cases: 2 })
      await interaction.settled()
      expect(sink.received).toHaveLength(3)
      expect(bodyOf(sink.received[2]?.data ?? '')).toContain('将到期 due soon 2026-12-04')
    })

    it('keeps the letter when the mail server is down, and reports the failure', async () => {
      await sink.close()
      const receipt = await interaction.visitors.submit(mailbox, {
        subject: '丙',
        content: '三',
        name: '丙',
        phone: '13900000003',
      })
      await interaction.settled()
      expect(receipt.caseId).toBeGreaterThan(0)
      expect(errors.length).toBeGreaterThan(0)
      sink = await startSmtpSink()
    })
  })
}
