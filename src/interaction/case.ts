import type { Selectable } from 'kysely'
import type { CasesTable } from '../store/index.ts'
import {
  type ClockPause,
  type Deadline,
  deadlineOf,
  type Urgency,
  urgencyOf,
  type WorkCalendar,
} from './working-days.ts'

export const caseStatuses = ['received', 'handling', 'awaiting_applicant', 'answered', 'invalid'] as const
export type CaseStatus = (typeof caseStatuses)[number]

export const caseStatusLabels: Readonly<Record<CaseStatus, string>> = {
  received: '已受理',
  handling: '办理中',
  awaiting_applicant: '待补正',
  answered: '已答复',
  invalid: '无效',
}

/** draft → in_review (stage 1…levels) → approved; a rejection sends it back to draft. */
export type ReplyState = 'none' | 'draft' | 'in_review' | 'approved'

export interface ReviewStep {
  readonly at: string
  readonly actor: string
  readonly action: 'submit' | 'approve' | 'reject'
  readonly level?: number
  readonly comment?: string
}

/** A case as staff see it: no personal data but the masked name. */
export interface Case {
  readonly id: number
  readonly siteId: number
  readonly mailboxId: number
  readonly queryCode: string
  readonly subject: string
  readonly content: string
  readonly category: string | null
  readonly details: Readonly<Record<string, string>>
  readonly mayPublish: boolean
  readonly nameMasked: string
  readonly status: CaseStatus
  readonly receivedAt: string
  readonly receivedDay: string
  readonly deadlineDays: number
  readonly extensionDays: number
  readonly extensionReason: string | null
  readonly pauses: readonly ClockPause[]
  readonly deadline: Deadline
  /** Null once answered or invalid: the clock only runs on open cases. */
  readonly urgency: Urgency | null
  readonly assigneeUserId: number | null
  readonly department: string | null
  readonly answerType: string | null
  readonly answerReason: string | null
  readonly reply: string | null
  readonly replyState: ReplyState
  readonly replyStage: number
  readonly replyTrail: readonly ReviewStep[]
  readonly repliedAt: string | null
  readonly invalidReason: string | null
  readonly personalErasedAt: string | null
  /** Staff leave it on the public site (the sender's consent and the mailbox decide too). */
  readonly showsAnswer: boolean
  /** The case this one was merged into as a duplicate. */
  readonly duplicateOf: number | null
}

/** The personal data of a case, for its handlers and auditors only (each read audited). */
export interface PersonalData {
  readonly name: string | null
  readonly phone: string | null
  readonly email: string | null
  readonly idNumber: string | null
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'answered' && status !== 'invalid'
}

export function toCase(row: Selectable<CasesTable>, calendar: WorkCalendar, today: string): Case {
  const pauses = JSON.parse(row.pauses) as ClockPause[]
  const deadline = deadlineOf(
    { receivedDay: row.received_day, days: row.deadline_days, extensionDays: row.extension_days, pauses },
    calendar,
  )
  const status = row.status as CaseStatus
  return Object.freeze({
    id: row.id,
    siteId: row.site_id,
    mailboxId: row.mailbox_id,
    queryCode: row.query_code,
    subject: row.subject,
    content: row.content,
    category: row.category,
    details: JSON.parse(row.details) as Record<string, string>,
    mayPublish: Boolean(row.may_publish),
    nameMasked: row.name_masked,
    status,
    receivedAt: row.received_at,
    receivedDay: row.received_day,
    deadlineDays: row.deadline_days,
    extensionDays: row.extension_days,
    extensionReason: row.extension_reason,
    pauses,
    deadline,
    urgency: isOpen(status) ? urgencyOf(deadline, today, calendar) : null,
    assigneeUserId: row.assignee_user_id,
    department: row.department,
    answerType: row.answer_type,
    answerReason: row.answer_reason,
    reply: row.reply,
    replyState: row.reply_state as ReplyState,
    replyStage: row.reply_stage,
    replyTrail: JSON.parse(row.reply_trail) as ReviewStep[],
    repliedAt: row.replied_at,
    invalidReason: row.invalid_reason,
    personalErasedAt: row.personal_erased_at,
    showsAnswer: Boolean(row.shows_answer),
    duplicateOf: row.duplicate_of,
  })
}
