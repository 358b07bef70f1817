import type { Updateable } from 'kysely'
import {
  canManageSite,
  canReadAudit,
  canReadSite,
  type Principal,
  perform,
  validateInput,
} from '../content/index.ts'
import {
  DuplicateSubmissionError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../errors/index.ts'
import type { Database, Tx } from '../store/index.ts'
import {
  type Consultation,
  type ConsultationInput,
  consultationInputSchema,
  consultationState,
  type Opinion,
  type OpinionInput,
  opinionSchema,
  summaryInputSchema,
  toConsultation,
} from './consultation.ts'
import { type InteractionContext, refuse, requireSiteManager } from './interaction-context.ts'
import { maskName } from './mask-name.ts'
import { validateAnswers } from './questionnaire.ts'
import { recordSiteChange } from './record-site-change.ts'
import { dayIn, siteTimeZone } from './site-day.ts'

/** The same opinion to the same consultation within this long is stored once. */
const DUPLICATE_WINDOW_MS = 24 * 3600_000

export async function siteToday(ic: InteractionContext, siteId: number): Promise<string> {
  return dayIn(ic.now(), await siteTimeZone(ic.store.db, siteId))
}

export async function consultationRow(ic: InteractionContext, id: number) {
  const row = await ic.store.db
    .selectFrom('consultations')
    .selectAll()
    .where('id', '=', Number.isSafeInteger(id) ? id : 0)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('consultation', id)
  return row
}

type ConsultationRow = Awaited<ReturnType<typeof consultationRow>>

/** What a manager's change of a consultation sets, and what else it does in its transaction. */
export interface ConsultationChange {
  /** Audited as `consultation.<action>`, and the change the publisher sees. */
  readonly action: 'summary' | 'feedback' | 'questionnaire'
  readonly set: (now: string) => Updateable<Database['consultations']>
  readonly detail?: Record<string, unknown>
  readonly alsoInTransaction?: (tx: Tx, updated: ConsultationRow, now: string) => Promise<void>
}

/**
 * Changes a consultation's row in one audited transaction and queues its pages for the next
 * publish: the summary (采纳情况), the questionnaire and the feedback article change it so.
 * The caller has checked the principal's rights and the consultation's state.
 */
export async function changeConsultation(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  change: ConsultationChange,
): Promise<ConsultationRow> {
  return perform(
    ic.service,
    principal.actor,
    `consultation.${change.action}`,
    { type: 'consultation', id },
    async (tx, now) => {
      const updated = await tx
        .updateTable('consultations')
        .set({ ...change.set(now), updated_at: now })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordSiteChange(
        tx,
        { siteId: updated.site_id, entity: 'consultation', entityId: id, action: change.action },
        now,
      )
      await change.alsoInTransaction?.(tx, updated, now)
      return { value: updated, targetId: id, ...(change.detail ? { detail: change.detail } : {}) }
    },
  )
}

export async function opinionCount(ic: InteractionContext, id: number): Promise<number> {
  const row = await ic.store.db
    .selectFrom('consultation_opinions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Opens a consultation on a draft (site administrators); it is on the site after the next publish. */
export async function createConsultation(
  ic: InteractionContext,
  principal: Principal,
  input: ConsultationInput,
): Promise<Consultation> {
  const values = validateInput(consultationInputSchema, input)
  await requireSiteManager(ic, principal, values.siteId, 'consultation.create', {
    type: 'site',
    id: values.siteId,
  })
  const row = await perform(
    ic.service,
    principal.actor,
    'consultation.create',
    { type: 'consultation', id: values.title },
    async (tx, now) => {
      const created = await tx
        .insertInto('consultations')
        .values({
          site_id: values.siteId,
          title: values.title,
          draft: values.draft,
          starts_day: values.startsDay,
          ends_day: values.endsDay,
          created_by: principal.actor.name,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordSiteChange(
        tx,
        { siteId: values.siteId, entity: 'consultation', entityId: created.id, action: 'create' },
        now,
      )
      return { value: created, targetId: created.id, detail: { siteId: values.siteId } }
    },
  )
  return toConsultation(row, await siteToday(ic, row.site_id), 0)
}

/** A site's consultations, newest first: for everyone who works in the site and its auditors. */
export async function listConsultations(
  ic: InteractionContext,
  principal: Principal,
  siteId: number,
): Promise<readonly Consultation[]> {
  if (!canReadSite(principal.access, siteId) && !canReadAudit(principal.access)) return []
  const rows = await ic.store.db
    .selectFrom('consultations')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id', 'desc')
    .execute()
  const today = await siteToday(ic, siteId)
  return Promise.all(rows.map(async (row) => toConsultation(row, today, await opinionCount(ic, row.id))))
}

/** The opinions received, oldest first, names masked: the site's administrators and auditors. */
export async function listOpinions(
  ic: InteractionContext,
  principal: Principal,
  id: number,
): Promise<readonly Opinion[]> {
  const row = await consultationRow(ic, id)
  if (!canManageSite(principal.access, row.site_id) && !canReadAudit(principal.access))
    await refuse(
      ic,
      principal,
      'consultation.opinions',
      { type: 'consultation', id },
      new ForbiddenError('查看征集意见', 'read the opinions'),
    )
  const rows = await ic.store.db
    .selectFrom('consultation_opinions')
    .select(['id', 'content', 'name_masked', 'received_at', 'answers'])
    .where('consultation_id', '=', id)
    .orderBy('received_at')
    .orderBy('id')
    .execute()
  return rows.map((opinion) =>
    Object.freeze({
      id: opinion.id,
      content: opinion.content,
      nameMasked: opinion.name_masked,
      receivedAt: opinion.received_at,
      answers: opinion.answers === null ? null : JSON.parse(opinion.answers),
    }),
  )
}

/** Publishes the 采纳情况 once the consultation has ended; it is on the site after the next publish. */
export async function summarizeConsultation(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  input: { readonly summary: string },
): Promise<Consultation> {
  const { summary } = validateInput(summaryInputSchema, input)
  const found = await consultationRow(ic, id)
  await requireSiteManager(ic, principal, found.site_id, 'consultation.summary', { type: 'consultation', id })
  if (consultationState(found, await siteToday(ic, found.site_id)) !== 'closed')
    throw new InvalidStateError({
      zh: '征集结束后才能发布采纳情况',
      en: 'the summary is published once the consultation has ended',
    })
  const row = await changeConsultation(ic, principal, id, {
    action: 'summary',
    set: (now) => ({ summary, summary_at: now }),
  })
  return toConsultation(row, await siteToday(ic, row.site_id), await opinionCount(ic, id))
}

/** The consultation as the public may see it (any state); NOT_FOUND for another site's. */
export async function publicConsultation(
  ic: InteractionContext,
  siteId: number,
  id: number,
): Promise<Consultation> {
  const row = await consultationRow(ic, id)
  if (row.site_id !== siteId) throw new NotFoundError('consultation', id)
  return toConsultation(row, await siteToday(ic, siteId), 0)
}

/**
 * Stores an opinion while the consultation is open: name, phone and e-mail sealed like a
 * case's (AES-256-GCM, key outside the database), the same opinion twice within a day refused.
 */
export async function submitOpinion(
  ic: InteractionContext,
  consultation: Consultation,
  input: OpinionInput,
): Promise<{ readonly opinionId: number; readonly receivedAt: string }> {
  const opinion = validateInput(opinionSchema, input)
  const current = await publicConsultation(ic, consultation.siteId, consultation.id)
  if (current.state !== 'open')
    throw new InvalidStateError({
      zh: current.state === 'upcoming' ? '征集尚未开始' : '征集已经结束',
      en: current.state === 'upcoming' ? 'the consultation has not started' : 'the consultation has ended',
    })
  const questionnaire = current.questionnaire
  const content = opinion.content ?? ''
  if (!content && (!questionnaire || questionnaire.takesOpinion))
    throw new ValidationError('content', '请填写意见和建议', 'the opinion is required')
  const answers = questionnaire ? validateAnswers(questionnaire, opinion.answers ?? {}) : null
  if (questionnaire && !content && Object.keys(answers ?? {}).length === 0)
    throw new ValidationError('answers', '请至少回答一个问题', 'answer at least one question')
  const answersJson = answers === null ? null : JSON.stringify(answers)
  const now = ic.now()
  const digest = ic.cipher.digest(
    'opinion-content',
    `${consultation.id}\n${content.replace(/\s+/g, ' ')}${answersJson === null ? '' : `\n${answersJson}`}`,
  )
  return ic.store.transaction(async (tx) => {
    const earlier = await tx
      .selectFrom('consultation_opinions')
      .select('id')
      .where('content_digest', '=', digest)
      .where('received_at', '>', new Date(Date.parse(now) - DUPLICATE_WINDOW_MS).toISOString())
      .executeTakeFirst()
    if (earlier) throw new DuplicateSubmissionError()
    // The row's id is not known before the insert: the sealing context is the digest, unique enough.
    const seal = (value: string | undefined, field: string) =>
      value === undefined ? null : ic.cipher.seal(value, `opinion:${digest}:${field}`)
    const row = await tx
      .insertInto('consultation_opinions')
      .values({
        consultation_id: consultation.id,
        content,
        answers: answersJson,
        name_masked: maskName(opinion.name),
        name_sealed: seal(opinion.name, 'name'),
        phone_sealed: seal(opinion.phone, 'phone'),
        email_sealed: seal(opinion.email, 'email'),
        content_digest: digest,
        received_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return Object.freeze({ opinionId: row.id, receivedAt: now })
  })
}

/**
 * An opinion's name, phone and e-mail, decrypted: the audit administrator only (administering
 * the site does not open the public's personal data), and every read, granted or refused, audited.
 */
export async function readOpinionPersonal(
  ic: InteractionContext,
  principal: Principal,
  opinionId: number,
): Promise<{ readonly name: string | null; readonly phone: string | null; readonly email: string | null }> {
  const row = await ic.store.db
    .selectFrom('consultation_opinions')
    .selectAll()
    .where('id', '=', Number.isSafeInteger(opinionId) ? opinionId : 0)
    .executeTakeFirst()
  if (!row)
    return refuse(
      ic,
      principal,
      'opinion.personal.read',
      { type: 'opinion', id: opinionId },
      new NotFoundError('opinion', opinionId),
    )
  if (!canReadAudit(principal.access))
    await refuse(
      ic,
      principal,
      'opinion.personal.read',
      { type: 'opinion', id: opinionId },
      new ForbiddenError('查看提意见人的个人信息', "read the person's personal data"),
    )
  const open = (sealed: string | null, field: string) =>
    sealed === null ? null : ic.cipher.open(sealed, `opinion:${row.content_digest}:${field}`)
  return perform(
    ic.service,
    principal.actor,
    'opinion.personal.read',
    { type: 'opinion', id: opinionId },
    async () => ({
      value: Object.freeze({
        name: open(row.name_sealed, 'name'),
        phone: open(row.phone_sealed, 'phone'),
        email: open(row.email_sealed, 'email'),
      }),
      targetId: opinionId,
      detail: { consultationId: row.consultation_id },
    }),
  )
}

/** The opinions as CSV (UTF-8 with BOM), names masked, no contact details; audited. */
export async function exportOpinions(
  ic: InteractionContext,
  principal: Principal,
  id: number,
): Promise<string> {
  const opinions = await listOpinions(ic, principal, id)
  const cell = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const lines = ['编号 id,收到 received,提意见人 sender,意见 opinion']
  for (const opinion of opinions)
    lines.push(
      [String(opinion.id), opinion.receivedAt, opinion.nameMasked, opinion.content].map(cell).join(','),
    )
  return perform(
    ic.service,
    principal.actor,
    'consultation.export',
    { type: 'consultation', id },
    async () => ({
      value: `\uFEFF${lines.join('\r\n')}\r\n`,
      targetId: id,
      detail: { count: opinions.length },
    }),
  )
}
