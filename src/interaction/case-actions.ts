import type { Updateable } from 'kysely'
import { type Principal, perform } from '../content/index.ts'
import { ForbiddenError, InvalidStateError, ValidationError, WordingBlockedError } from '../errors/index.ts'
import type { CasesTable, Tx } from '../store/index.ts'
import { type Case, type CaseStatus, isOpen, type ReviewStep, toCase } from './case.ts'
import { type ReplyInput, replyInputSchema } from './case-inputs.ts'
import { type CaseRow, caseRow, today, visibleCase } from './case-service.ts'
import { type InteractionContext, mayApprove, mayHandle, refuse } from './interaction-context.ts'
import type { Mailbox } from './mailbox.ts'
import { recordSiteChange } from './record-site-change.ts'
import { dayIn, siteTimeZone } from './site-day.ts'
import { loadCalendar } from './work-calendar.ts'
import type { ClockPause, WorkCalendar } from './working-days.ts'

/** The one extension 《政府信息公开条例》 art. 33 allows, in working days. */
export const EXTENSION_DAYS = 20

interface Change {
  readonly patch: Updateable<CasesTable>
  readonly detail?: Record<string, unknown>
  /** The change shows on the public site (an answer out, a letter taken off): the publisher is told. */
  readonly isSiteChange?: boolean
  /** The reply leaves its drafter: screened for 错敏词 (禁用 words refuse it) first. */
  readonly screensReply?: boolean
}

/**
 * One staff action on a case: visible or NOT_FOUND, allowed or FORBIDDEN (both audited), then
 * the change made on the locked row in one transaction with its audit record.
 */
async function changeCase(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  action: string,
  allowed: (mailbox: Mailbox) => Promise<boolean>,
  refusal: { readonly zh: string; readonly en: string },
  apply: (row: CaseRow, mailbox: Mailbox, day: string, calendar: WorkCalendar) => Change,
): Promise<Case> {
  const { mailbox } = await visibleCase(ic, principal, id, action)
  if (!(await allowed(mailbox)))
    await refuse(ic, principal, action, { type: 'case', id }, new ForbiddenError(refusal.zh, refusal.en))
  const calendar = await loadCalendar(ic.store)
  const row = await perform(ic.service, principal.actor, action, { type: 'case', id }, async (tx, now) => {
    const locked = await ic.store
      .forUpdate(tx.selectFrom('cases').selectAll().where('id', '=', id))
      .executeTakeFirstOrThrow()
    const day = dayIn(now, await siteTimeZone(tx, locked.site_id))
    const change = apply(locked, mailbox, day, calendar)
    if (change.screensReply) await screenReply(ic, tx, locked)
    const updated = await tx
      .updateTable('cases')
      .set({ ...change.patch, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (change.isSiteChange)
      await recordSiteChange(tx, { siteId: locked.site_id, entity: 'letter', entityId: id, action }, now)
    return { value: updated, targetId: id, detail: change.detail ?? {} }
  })
  return toCase(row, calendar, await today(ic, row.site_id))
}

/** Refuses a reply holding a 禁用 word of the site's lists, naming each as articles are told. */
async function screenReply(ic: InteractionContext, tx: Tx, row: CaseRow): Promise<void> {
  const hits = await ic.service.options.wordingGate.check(tx, row.site_id, [
    { field: 'reply', text: row.reply ?? '' },
  ])
  const blocking = hits
    .filter((hit) => hit.level === 'block')
    .map(({ field, start, end, found, word, suggestion }) => ({ field, start, end, found, word, suggestion }))
  if (blocking.length > 0) throw new WordingBlockedError(blocking)
}

function requireOpen(row: CaseRow): void {
  if (!isOpen(row.status as CaseStatus))
    throw new InvalidStateError({ zh: '此件已办结', en: 'the case is closed already' })
}

const handles = (ic: InteractionContext, principal: Principal) => (mailbox: Mailbox) =>
  mayHandle(ic.store, principal, mailbox)
const handleRefusal = { zh: '办理此信箱的来信', en: "handle this mailbox's cases" }

export function createCaseActions(ic: InteractionContext, principal: Principal) {
  const handler = handles(ic, principal)
  const trail = (row: CaseRow, step: Omit<ReviewStep, 'at' | 'actor'>) =>
    JSON.stringify([
      ...(JSON.parse(row.reply_trail) as ReviewStep[]),
      { ...step, at: ic.now(), actor: principal.actor.name },
    ])
  return {
    /** To a handler of the mailbox (who can then see the case) and/or a department. */
    async assign(
      id: number,
      to: { readonly userId?: number | undefined; readonly department?: string | undefined },
    ) {
      const { mailbox } = await visibleCase(ic, principal, id, 'case.assign')
      if (to.userId !== undefined) {
        const isHandler = await ic.store.db
          .selectFrom('mailbox_handlers')
          .select('user_id')
          .where('mailbox_id', '=', mailbox.id)
          .where('user_id', '=', to.userId)
          .executeTakeFirst()
        if (!isHandler)
          throw new ValidationError(
            'userId',
            '只能分办给此信箱的办理人',
            'assign to a handler of this mailbox',
          )
      }
      return changeCase(ic, principal, id, 'case.assign', handler, handleRefusal, (row) => {
        requireOpen(row)
        return {
          patch: {
            assignee_user_id: to.userId ?? row.assignee_user_id,
            department: to.department ?? row.department,
            status: row.status === 'received' ? 'handling' : row.status,
          },
          detail: { userId: to.userId ?? null, department: to.department ?? null },
        }
      })
    },

    /** Drafts (or redrafts) the reply; it goes out only once submitted and approved. */
    draftReply: (id: number, input: ReplyInput) => {
      const reply = replyInputSchema.parse(input)
      return changeCase(ic, principal, id, 'case.reply.draft', handler, handleRefusal, (row, mailbox) => {
        requireOpen(row)
        if (row.reply_state === 'in_review')
          throw new InvalidStateError({ zh: '答复正在审核中', en: 'the reply is in review' })
        const isDisclosure = mailbox.kind === 'disclosure'
        if (isDisclosure === (reply.answerType === 'reply'))
          throw new ValidationError(
            'answerType',
            isDisclosure ? '依申请公开须选择答复类型' : '来信答复类型须为 reply',
            isDisclosure
              ? 'an application needs one of the disclosure answers'
              : 'a letter takes answerType reply',
          )
        if ((reply.answerType === 'withhold' || reply.answerType === 'partial') && !reply.reason)
          throw new ValidationError(
            'reason',
            '不予公开须说明理由和依据',
            'withholding needs its legal ground',
          )
        return {
          patch: {
            reply: reply.text,
            answer_type: reply.answerType,
            answer_reason: reply.reason ?? null,
            reply_state: 'draft',
            reply_stage: 0,
            status: row.status === 'received' ? 'handling' : row.status,
          },
          detail: { answerType: reply.answerType },
        }
      })
    },

    /** Sends the draft to review, or straight out where the mailbox has no review levels. */
    submitReply: (id: number) =>
      changeCase(ic, principal, id, 'case.reply.submit', handler, handleRefusal, (row, mailbox) => {
        requireOpen(row)
        if (row.reply_state !== 'draft')
          throw new InvalidStateError({ zh: '没有待送审的答复草稿', en: 'there is no draft reply to submit' })
        const goesOut = mailbox.reviewLevels === 0
        return {
          patch: {
            reply_state: goesOut ? 'approved' : 'in_review',
            reply_trail: trail(row, { action: 'submit' }),
            ...(goesOut ? { status: 'answered', replied_at: ic.now() } : {}),
          },
          isSiteChange: goesOut,
          screensReply: true,
        }
      }),

    approveReply: (id: number, level: number) =>
      changeCase(
        ic,
        principal,
        id,
        'case.reply.approve',
        (mailbox) => mayApprove(ic.store, principal, mailbox, level),
        { zh: `在第 ${level} 级审核此答复`, en: `approve this reply at level ${level}` },
        (row, mailbox) => {
          if (row.reply_state !== 'in_review' || row.reply_stage + 1 !== level)
            throw new InvalidStateError({
              zh: `此答复不在等待第 ${level} 级审核`,
              en: `the reply does not wait for level ${level}`,
            })
          const isLast = level >= mailbox.reviewLevels
          return {
            patch: {
              reply_stage: level,
              reply_trail: trail(row, { action: 'approve', level }),
              ...(isLast ? { reply_state: 'approved', status: 'answered', replied_at: ic.now() } : {}),
            },
            detail: { level },
            isSiteChange: isLast,
            screensReply: isLast,
          }
        },
      ),

    rejectReply: (id: number, comment: string) =>
      changeCase(
        ic,
        principal,
        id,
        'case.reply.reject',
        async (mailbox) => {
          const row = await caseRow(ic, id)
          return mayApprove(ic.store, principal, mailbox, (row?.reply_stage ?? 0) + 1)
        },
        { zh: '退回此答复', en: 'reject this reply' },
        (row) => {
          if (row.reply_state !== 'in_review')
            throw new InvalidStateError({ zh: '此答复不在审核中', en: 'the reply is not in review' })
          return {
            patch: {
              reply_state: 'draft',
              reply_stage: 0,
              reply_trail: trail(row, { action: 'reject', comment }),
            },
            detail: { comment },
          }
        },
      ),

    markInvalid: (id: number, reason: string) =>
      changeCase(ic, principal, id, 'case.invalid', handler, handleRefusal, (row) => {
        requireOpen(row)
        return { patch: { status: 'invalid', invalid_reason: reason }, detail: { reason } }
      }),

    /** 补正: asks the applicant for more and stops the clock until they answer. */
    requestCorrection: (id: number, what: string) =>
      changeCase(ic, principal, id, 'case.correction.request', handler, handleRefusal, (row, _m, day) => {
        requireOpen(row)
        if (row.status === 'awaiting_applicant')
          throw new InvalidStateError({ zh: '已在等待补正', en: 'a correction is awaited already' })
        const pauses: ClockPause[] = [...JSON.parse(row.pauses), { from: day, to: null }]
        return {
          patch: { status: 'awaiting_applicant', pauses: JSON.stringify(pauses), answer_reason: what },
          detail: { what },
        }
      }),

    /** The applicant answered the 补正: the clock runs again from that day. */
    correctionReceived: (id: number) =>
      changeCase(ic, principal, id, 'case.correction.received', handler, handleRefusal, (row, _m, day) => {
        if (row.status !== 'awaiting_applicant')
          throw new InvalidStateError({ zh: '此件未在等待补正', en: 'no correction is awaited' })
        const pauses = (JSON.parse(row.pauses) as ClockPause[]).map((pause) =>
          pause.to === null ? { ...pause, to: day } : pause,
        )
        return { patch: { status: 'handling', pauses: JSON.stringify(pauses) } }
      }),

    /**
     * Shows an answered letter on the public site or takes it off (the sender's consent and the
     * mailbox's setting still decide whether it may be shown at all).
     */
    showAnswer: (id: number, isShown: boolean) =>
      changeCase(ic, principal, id, 'case.answer.show', handler, handleRefusal, (row) => {
        if (isShown && !row.may_publish)
          throw new InvalidStateError({
            zh: '来信人不同意公开此件',
            en: 'the sender did not agree to publish this letter',
          })
        return { patch: { shows_answer: isShown }, detail: { isShown }, isSiteChange: true }
      }),

    /**
     * Merges a duplicate (the same sender or the same letter again) into the case that is
     * answered: it closes as invalid with the other's number and leaves the public site.
     */
    async mergeInto(id: number, intoId: number) {
      const target = await visibleCase(ic, principal, intoId, 'case.merge')
      if (id === intoId || target.row.duplicate_of !== null)
        throw new ValidationError(
          'intoId',
          '只能并入另一件未被合并的来信',
          'merge into another case that is not merged itself',
        )
      return changeCase(ic, principal, id, 'case.merge', handler, handleRefusal, (row) => {
        if (row.mailbox_id !== target.row.mailbox_id)
          throw new ValidationError(
            'intoId',
            '只能并入同一信箱的来信',
            'merge into a case of the same mailbox',
          )
        if (row.duplicate_of !== null)
          throw new InvalidStateError({ zh: '此件已被合并', en: 'the case is merged already' })
        return {
          patch: {
            duplicate_of: intoId,
            status: 'invalid',
            invalid_reason: `重复来信，并入第 ${intoId} 号 / duplicate of case ${intoId}`,
          },
          detail: { intoId },
          isSiteChange: row.status === 'answered',
        }
      })
    },

    /** The one extension of 20 working days for 依申请公开, with its recorded reason. */
    extend: (id: number, reason: string) =>
      changeCase(ic, principal, id, 'case.extend', handler, handleRefusal, (row, mailbox) => {
        requireOpen(row)
        if (mailbox.kind !== 'disclosure')
          throw new InvalidStateError({
            zh: '只有依申请公开可以延期',
            en: 'only applications can be extended',
          })
        if (row.extension_days > 0)
          throw new InvalidStateError({ zh: '已延期过一次', en: 'the one extension was granted already' })
        return { patch: { extension_days: EXTENSION_DAYS, extension_reason: reason }, detail: { reason } }
      }),
  }
}

export type CaseActions = ReturnType<typeof createCaseActions>
