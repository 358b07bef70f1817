import { canReadAudit, type Principal, perform, validateInput } from '../content/index.ts'
import { ForbiddenError, InvalidStateError, NotFoundError } from '../errors/index.ts'
import type { Consultation } from './consultation.ts'
import { consultationState, toConsultation } from './consultation.ts'
import {
  changeConsultation,
  consultationRow,
  listOpinions,
  opinionCount,
  siteToday,
} from './consultation-service.ts'
import { type InteractionContext, refuse, requireSiteManager } from './interaction-context.ts'
import { type QuestionnaireInput, type QuestionType, questionnaireInputSchema } from './questionnaire.ts'

/** One question's results: counts per option for a choice, the answers themselves for a text. */
export interface QuestionResult {
  readonly text: string
  readonly type: QuestionType
  readonly required: boolean
  /** How many responses answered it. */
  readonly answered: number
  readonly options: readonly { readonly text: string; readonly count: number }[]
  readonly texts: readonly string[]
}

export interface QuestionnaireResults {
  readonly consultationId: number
  readonly responses: number
  readonly questions: readonly QuestionResult[]
}

async function mayManage(
  ic: InteractionContext,
  principal: Principal,
  siteId: number,
  action: string,
  id: number,
) {
  await requireSiteManager(ic, principal, siteId, action, { type: 'consultation', id })
}

/**
 * Sets (or removes, with null) a consultation's questionnaire. Fixed once the first response
 * is in, so that every answer keeps meaning the question it was given to.
 */
export async function setQuestionnaire(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  input: QuestionnaireInput | null,
): Promise<Consultation> {
  const questionnaire = input === null ? null : validateInput(questionnaireInputSchema, input)
  const found = await consultationRow(ic, id)
  await mayManage(ic, principal, found.site_id, 'consultation.questionnaire', id)
  if ((await opinionCount(ic, id)) > 0)
    throw new InvalidStateError({
      zh: '已经收到答卷或意见，问卷不能再修改',
      en: 'the questionnaire is fixed once responses have arrived',
    })
  if (consultationState(found, await siteToday(ic, found.site_id)) === 'closed')
    throw new InvalidStateError({ zh: '征集已经结束', en: 'the consultation has ended' })
  const row = await changeConsultation(ic, principal, id, {
    action: 'questionnaire',
    set: () => ({ questionnaire: questionnaire === null ? null : JSON.stringify(questionnaire) }),
    detail: { questions: questionnaire?.questions.length ?? 0 },
  })
  return toConsultation(row, await siteToday(ic, row.site_id), 0)
}

/** The questionnaire's results, counted per question: the site's administrators and auditors. */
export async function questionnaireResults(
  ic: InteractionContext,
  principal: Principal,
  id: number,
): Promise<QuestionnaireResults> {
  const found = await consultationRow(ic, id)
  const consultation = toConsultation(found, await siteToday(ic, found.site_id), 0)
  const opinions = await listOpinions(ic, principal, id)
  const questions = (consultation.questionnaire?.questions ?? []).map((question, index) => {
    const counts = question.options.map(() => 0)
    const texts: string[] = []
    let answered = 0
    for (const opinion of opinions) {
      const answer = opinion.answers?.[String(index)]
      if (answer === undefined) continue
      answered++
      if (typeof answer === 'string') texts.push(answer)
      else
        for (const option of typeof answer === 'number' ? [answer] : answer)
          counts[option] = (counts[option] ?? 0) + 1
    }
    return Object.freeze({
      text: question.text,
      type: question.type,
      required: question.required,
      answered,
      options: question.options.map((text, option) => ({ text, count: counts[option] ?? 0 })),
      texts,
    })
  })
  return Object.freeze({
    consultationId: id,
    responses: opinions.filter((opinion) => opinion.answers !== null).length,
    questions,
  })
}

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The responses as CSV (UTF-8 with BOM), one line each with every answer, texts included.
 * Names and contacts only with `withPersonal` and the audit administrator's right; audited
 * either way, like the case export.
 */
export async function exportResponses(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  withPersonal: boolean,
): Promise<string> {
  const found = await consultationRow(ic, id)
  const consultation = toConsultation(found, await siteToday(ic, found.site_id), 0)
  if (withPersonal && !canReadAudit(principal.access))
    await refuse(
      ic,
      principal,
      'consultation.export',
      { type: 'consultation', id },
      new ForbiddenError('导出提意见人的个人信息', "export the people's personal data"),
    )
  const opinions = await listOpinions(ic, principal, id)
  const questions = consultation.questionnaire?.questions ?? []
  const header = [
    '编号 id',
    '收到 received',
    '提意见人 sender',
    ...(withPersonal ? ['姓名 name', '电话 phone', '邮箱 e-mail'] : []),
    '意见 opinion',
    ...questions.map((question, index) => `${index + 1}. ${question.text}`),
  ]
  const lines = [header.map(cell).join(',')]
  for (const opinion of opinions) {
    let personal: (string | null)[] = []
    if (withPersonal) {
      const row = await ic.store.db
        .selectFrom('consultation_opinions')
        .select(['content_digest', 'name_sealed', 'phone_sealed', 'email_sealed'])
        .where('id', '=', opinion.id)
        .executeTakeFirstOrThrow()
      const open = (sealed: string | null, field: string) =>
        sealed === null ? null : ic.cipher.open(sealed, `opinion:${row.content_digest}:${field}`)
      personal = [
        open(row.name_sealed, 'name'),
        open(row.phone_sealed, 'phone'),
        open(row.email_sealed, 'email'),
      ]
    }
    const answers = questions.map((question, index) => {
      const answer = opinion.answers?.[String(index)]
      if (answer === undefined) return ''
      if (typeof answer === 'string') return answer
      return (typeof answer === 'number' ? [answer] : answer)
        .map((option) => question.options[option])
        .join('；')
    })
    lines.push(
      [opinion.id, opinion.receivedAt, opinion.nameMasked, ...personal, opinion.content, ...answers]
        .map(cell)
        .join(','),
    )
  }
  return perform(
    ic.service,
    principal.actor,
    'consultation.export',
    { type: 'consultation', id },
    async () => ({
      value: `\uFEFF${lines.join('\r\n')}\r\n`,
      targetId: id,
      detail: { count: opinions.length, withPersonal },
    }),
  )
}

/**
 * Links a published article of the same site as the consultation's 结果反馈 (null unlinks),
 * once it has ended. Both pages change: the consultation's links to the article and the
 * article's back, so both go through the publisher's change outbox.
 */
export async function setFeedback(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  articleId: number | null,
): Promise<Consultation> {
  const found = await consultationRow(ic, id)
  await mayManage(ic, principal, found.site_id, 'consultation.feedback', id)
  if (consultationState(found, await siteToday(ic, found.site_id)) !== 'closed')
    throw new InvalidStateError({
      zh: '征集结束后才能关联结果反馈',
      en: 'the feedback is linked once the consultation has ended',
    })
  if (articleId !== null) {
    const article = await ic.store.db
      .selectFrom('articles')
      .select(['id', 'site_id', 'status', 'deleted_at'])
      .where('id', '=', Number.isSafeInteger(articleId) ? articleId : 0)
      .executeTakeFirst()
    if (!article || article.site_id !== found.site_id || article.deleted_at !== null)
      throw new NotFoundError('article', articleId)
    if (article.status !== 'published')
      throw new InvalidStateError({
        zh: '只能关联已发布的文章',
        en: 'only a published article can be linked',
      })
  }
  const row = await changeConsultation(ic, principal, id, {
    action: 'feedback',
    set: () => ({ feedback_article_id: articleId }),
    detail: { articleId },
    // The article pages that gain or lose the link back: the new one and the one before.
    alsoInTransaction: async (tx, updated, now) => {
      for (const touched of new Set([articleId, found.feedback_article_id]))
        if (touched !== null)
          await tx
            .insertInto('changes')
            .values({
              site_id: updated.site_id,
              entity: 'article',
              entity_id: touched,
              action: 'update',
              created_at: now,
            })
            .execute()
    },
  })
  return toConsultation(row, await siteToday(ic, row.site_id), await opinionCount(ic, id))
}
