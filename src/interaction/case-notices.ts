import type { Principal } from '../content/index.ts'
import type { Case } from './case.ts'
import { listCases } from './case-service.ts'
import { type InteractionContext, loadMailbox } from './interaction-context.ts'

/** Tells the sender, if they gave an e-mail address, that their case is answered, with the reply. */
export async function noticeAnswered(ic: InteractionContext, answered: Case): Promise<void> {
  const row = await ic.store.db
    .selectFrom('cases')
    .select(['email_sealed', 'query_code'])
    .where('id', '=', answered.id)
    .executeTakeFirst()
  const email = row?.email_sealed ? ic.cipher.open(row.email_sealed, `case:${row.query_code}:email`) : null
  if (!email || !row) return
  const mailbox = await loadMailbox(ic.store, answered.mailboxId)
  ic.notices.post({
    to: [email],
    subject: `您的来信已答复（查询码 ${row.query_code}）`,
    text: [
      `您提交到${mailbox.name}的“${answered.subject}”已答复：`,
      '',
      answered.reply ?? '',
      '',
      `凭查询码 ${row.query_code} 和联系电话后四位可在网站“办理情况查询”页面查看。`,
      `Your letter to ${mailbox.name} has been answered; follow it with query code ${row.query_code}.`,
    ].join('\n'),
  })
}

export interface ReminderResult {
  readonly mailboxes: number
  readonly cases: number
}

/**
 * One e-mail per mailbox to its notify addresses, listing its open cases that are overdue or
 * due within two working days (run daily, e.g. from cron: `fabu case remind`).
 */
export async function remindDue(ic: InteractionContext, principal: Principal): Promise<ReminderResult> {
  const urgent = (await listCases(ic, principal, { limit: 100_000 })).filter(
    (item) => item.urgency === 'overdue' || item.urgency === 'due-soon',
  )
  const byMailbox = Map.groupBy(urgent, (item) => item.mailboxId)
  for (const [mailboxId, cases] of byMailbox) {
    const mailbox = await loadMailbox(ic.store, mailboxId)
    ic.notices.post({
      to: mailbox.notifyAddresses,
      subject: `[${mailbox.name}] ${cases.length} 件来信已超期或即将到期`,
      text: cases
        .map((item) => {
          const due = item.deadline.state === 'running' ? item.deadline.dueDay : ''
          return `#${item.id} ${item.urgency === 'overdue' ? '已超期 overdue' : '将到期 due soon'} ${due} ${item.subject}`
        })
        .join('\n'),
    })
  }
  return Object.freeze({ mailboxes: byMailbox.size, cases: urgent.length })
}
