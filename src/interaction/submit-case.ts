import { randomInt, timingSafeEqual } from 'node:crypto'
import { validateInput } from '../content/index.ts'
import { DuplicateSubmissionError } from '../errors/index.ts'
import { type CaseStatus, caseStatusLabels } from './case.ts'
import { type AnswerType, answerTypeLabels, type Submission, submissionSchema } from './case-inputs.ts'
import type { InteractionContext } from './interaction-context.ts'
import type { Mailbox } from './mailbox.ts'
import { maskName } from './mask-name.ts'
import { dayIn, siteTimeZone } from './site-day.ts'

/** No 0/O, 1/I: the code is read off a screen and typed back. 12 of 32 symbols: 60 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const DUPLICATE_WINDOW_MS = 24 * 3600_000

function newQueryCode(): string {
  const symbols = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)])
  return `${symbols.slice(0, 4).join('')}-${symbols.slice(4, 8).join('')}-${symbols.slice(8).join('')}`
}

export function normaliseQueryCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, '')
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain
}

export interface Receipt {
  readonly caseId: number
  readonly queryCode: string
  readonly receivedAt: string
}

/**
 * Stores what a visitor submitted to a mailbox. Personal fields are sealed before they reach
 * the database; the same letter to the same mailbox within a day is refused as a duplicate.
 */
export async function submitCase(
  ic: InteractionContext,
  mailbox: Mailbox,
  input: Submission,
): Promise<Receipt> {
  const submission = validateInput(submissionSchema, input)
  const queryCode = newQueryCode()
  const seal = (value: string | undefined, field: string) =>
    value === undefined ? null : ic.cipher.seal(value, `case:${queryCode}:${field}`)
  const digest = ic.cipher.digest(
    'case-content',
    [mailbox.id, submission.subject, submission.content].join('\n').replace(/\s+/g, ' '),
  )
  const now = ic.now()
  const details: Record<string, string> = {}
  for (const key of ['applicantType', 'idType', 'purpose', 'delivery'] as const) {
    const value = submission[key]
    if (value !== undefined) details[key] = value
  }
  const receipt = await ic.store.transaction(async (tx) => {
    const earlier = await tx
      .selectFrom('cases')
      .select('id')
      .where('content_digest', '=', digest)
      .where('received_at', '>', new Date(Date.parse(now) - DUPLICATE_WINDOW_MS).toISOString())
      .executeTakeFirst()
    if (earlier) throw new DuplicateSubmissionError()
    const timeZone = await siteTimeZone(tx, mailbox.siteId)
    const row = await tx
      .insertInto('cases')
      .values({
        site_id: mailbox.siteId,
        mailbox_id: mailbox.id,
        query_code: queryCode,
        subject: submission.subject,
        content: submission.content,
        category:
          submission.category && mailbox.categories.includes(submission.category)
            ? submission.category
            : null,
        details: JSON.stringify(details),
        may_publish: submission.mayPublish,
        name_masked: maskName(submission.name),
        name_sealed: seal(submission.name, 'name'),
        phone_sealed: seal(submission.phone, 'phone'),
        email_sealed: seal(submission.email, 'email'),
        id_number_sealed: seal(submission.idNumber, 'idNumber'),
        content_digest: digest,
        sender_digest: ic.cipher.digest('case-sender', submission.phone.replace(/\D/g, '').slice(-11)),
        status: 'received',
        received_at: now,
        received_day: dayIn(now, timeZone),
        deadline_days: mailbox.deadlineDays,
        pauses: '[]',
        extension_days: 0,
        reply_state: 'none',
        reply_stage: 0,
        reply_trail: '[]',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Object.freeze({ caseId: row.id, queryCode, receivedAt: now })
  })
  // Staff are told what arrived, never who sent it: no personal data goes into the e-mail.
  ic.notices.post({
    to: mailbox.notifyAddresses,
    subject: `[${mailbox.name}] 新来信 #${receipt.caseId}：${submission.subject}`.slice(0, 150),
    text: [
      `${mailbox.name}收到新的来信（编号 ${receipt.caseId}），请在 ${mailbox.deadlineDays} 个工作日内办理。`,
      `A new case #${receipt.caseId} arrived in ${mailbox.name}; it is due in ${mailbox.deadlineDays} working days.`,
      '',
      `标题 subject: ${submission.subject}`,
    ].join('\n'),
  })
  return receipt
}

/** What the visitor sees with their code: never personal data, the reply only once it went out. */
export interface PublicCaseStatus {
  readonly queryCode: string
  readonly mailboxName: string
  readonly subject: string
  readonly content: string
  readonly status: CaseStatus
  readonly statusLabel: string
  readonly receivedDay: string
  readonly reply: string | null
  readonly answerLabel: string | null
  readonly answerReason: string | null
  readonly repliedAt: string | null
}

/**
 * The case with this code, if the last four digits of its phone match; null otherwise, the
 * same for a wrong code and a wrong phone, so neither can be probed alone.
 */
export async function lookupCase(
  ic: InteractionContext,
  siteId: number,
  code: string,
  phoneLast4: string,
): Promise<PublicCaseStatus | null> {
  const queryCode = normaliseQueryCode(code)
  const row = await ic.store.db
    .selectFrom('cases')
    .innerJoin('mailboxes', 'mailboxes.id', 'cases.mailbox_id')
    .selectAll('cases')
    .select('mailboxes.name as mailbox_name')
    .where('cases.query_code', '=', queryCode)
    .where('cases.site_id', '=', siteId)
    .executeTakeFirst()
  const phone = row?.phone_sealed ? ic.cipher.open(row.phone_sealed, `case:${queryCode}:phone`) : null
  const expected = Buffer.from((phone ?? '').replace(/\D/g, '').slice(-4).padStart(4, '#'))
  const given = Buffer.from(phoneLast4.replace(/\D/g, '').slice(-4).padStart(4, '?'))
  if (!row || !phone || !timingSafeEqual(expected, given)) return null
  const status = row.status as CaseStatus
  const isAnswered = status === 'answered'
  return Object.freeze({
    queryCode,
    mailboxName: row.mailbox_name,
    subject: row.subject,
    content: row.content,
    status,
    statusLabel: caseStatusLabels[status],
    receivedDay: row.received_day,
    reply: isAnswered ? row.reply : null,
    answerLabel: isAnswered && row.answer_type ? answerTypeLabels[row.answer_type as AnswerType] : null,
    // A 补正 request tells the applicant what is missing while the case waits for them.
    answerReason: isAnswered || status === 'awaiting_applicant' ? row.answer_reason : null,
    repliedAt: isAnswered ? row.replied_at : null,
  })
}
