import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { ConsultationsTable } from '../store/index.ts'
import { type Answers, parseQuestionnaire, type Questionnaire } from './questionnaire.ts'

/** Before its first day, within its days, after its last (site-local days). */
export type ConsultationState = 'upcoming' | 'open' | 'closed'

export const consultationStateLabels: Readonly<Record<ConsultationState, string>> = {
  upcoming: '未开始',
  open: '征集中',
  closed: '已结束',
}

/** 意见征集 on a draft document: open from its start day to its end day, then its 采纳情况. */
export interface Consultation {
  readonly id: number
  readonly siteId: number
  readonly title: string
  readonly draft: string
  readonly startsDay: string
  readonly endsDay: string
  readonly state: ConsultationState
  readonly summary: string | null
  readonly summaryAt: string | null
  readonly opinionCount: number
  /** The questionnaire (调查), or null for the opinion field alone. */
  readonly questionnaire: Questionnaire | null
  /** 结果反馈: the published article that answers it, or null. */
  readonly feedbackArticleId: number | null
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is refused.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const text = (max: number) =>
  z
    .string()
    .refine((value) => !CONTROL.test(value), 'control characters are not allowed')
    .trim()
    .min(1)
    .max(max)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')

export const consultationInputSchema = z
  .strictObject({
    siteId: z.number().int().positive(),
    title: text(200),
    /** The draft as plain text (the template keeps its line breaks). */
    draft: text(100_000),
    startsDay: day,
    endsDay: day,
  })
  .refine((input) => input.startsDay <= input.endsDay, {
    path: ['endsDay'],
    message: 'the end day is before the start day',
  })
export type ConsultationInput = z.input<typeof consultationInputSchema>

export const summaryInputSchema = z.strictObject({ summary: text(20_000) })

/** An opinion of the public: the same limits and checks as a letter's fields. */
export const opinionSchema = z.strictObject({
  /** Optional only where the questionnaire takes no opinion (checked against the consultation). */
  content: text(5000).optional(),
  /** By question index; checked against the questionnaire by `validateAnswers`. */
  answers: z.record(z.string(), z.unknown()).optional(),
  name: text(50),
  phone: z
    .string()
    .trim()
    .regex(/^(?:\+?86[- ]?)?(?:1\d{10}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/, 'a mobile number or 0xx-xxxxxxx')
    .optional(),
  email: z.email().max(254).optional(),
})
export type OpinionInput = z.input<typeof opinionSchema>

export function consultationState(
  row: Pick<ConsultationsTable, 'starts_day' | 'ends_day'>,
  today: string,
): ConsultationState {
  if (today < row.starts_day) return 'upcoming'
  return today > row.ends_day ? 'closed' : 'open'
}

export function toConsultation(
  row: Selectable<ConsultationsTable>,
  today: string,
  opinionCount: number,
): Consultation {
  return Object.freeze({
    id: row.id,
    siteId: row.site_id,
    title: row.title,
    draft: row.draft,
    startsDay: row.starts_day,
    endsDay: row.ends_day,
    state: consultationState(row, today),
    summary: row.summary,
    summaryAt: row.summary_at,
    opinionCount,
    questionnaire: parseQuestionnaire(row.questionnaire),
    feedbackArticleId: row.feedback_article_id,
  })
}

/** An opinion as staff see it: the name masked, contact details sealed away. */
export interface Opinion {
  readonly id: number
  readonly content: string
  readonly nameMasked: string
  readonly receivedAt: string
  /** The questionnaire's answers, or null where the consultation had none. */
  readonly answers: Answers | null
}
