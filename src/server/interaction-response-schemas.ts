import { z } from 'zod'
import { caseStatuses, mailboxKinds, questionTypes } from '../interaction/index.ts'
import { apiComponents } from './response-schemas.ts'

/** The answers of 政民互动: mailboxes and their cases, the work calendar, 意见征集. */

export const mailboxSchema = z
  .looseObject({
    id: z.number().int(),
    siteId: z.number().int(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(mailboxKinds),
    categories: z.array(z.string()),
    departments: z.array(z.string()),
    deadlineDays: z.number().int(),
    reviewLevels: z.number().int(),
    publishesAnswers: z.boolean(),
    retentionDays: z.number().int(),
    notifyAddresses: z.array(z.string()),
  })
  .register(apiComponents, { id: 'Mailbox' })

export const mailboxListSchema = z.array(mailboxSchema).register(apiComponents, { id: 'MailboxList' })

/** Who answers a mailbox, and the review level they approve at (null: handles only). */
export const mailboxHandlerListSchema = z
  .array(
    z.looseObject({
      userId: z.number().int(),
      userName: z.string(),
      displayName: z.string(),
      reviewLevel: z.number().int().nullable(),
    }),
  )
  .register(apiComponents, { id: 'MailboxHandlerList' })

/** A year's holidays and 调休 working days. */
export const calendarDayListSchema = z
  .array(z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), note: z.string() }))
  .register(apiComponents, { id: 'CalendarDayList' })

/** When a case is due: a due day while the clock runs, the days left while it stands (补正). */
const deadlineSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), dueDay: z.string() }),
  z.object({ state: z.literal('paused'), since: z.string(), daysLeft: z.number().int() }),
])

/** A case as staff see it: no personal data but the masked name. */
export const caseSchema = z
  .looseObject({
    id: z.number().int(),
    siteId: z.number().int(),
    mailboxId: z.number().int(),
    queryCode: z.string(),
    subject: z.string(),
    content: z.string(),
    category: z.string().nullable(),
    details: z.record(z.string(), z.string()),
    mayPublish: z.boolean(),
    nameMasked: z.string(),
    status: z.enum(caseStatuses),
    receivedAt: z.string(),
    receivedDay: z.string(),
    deadlineDays: z.number().int(),
    extensionDays: z.number().int(),
    extensionReason: z.string().nullable(),
    pauses: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
    deadline: deadlineSchema,
    /** Null once answered or invalid: the clock only runs on open cases. */
    urgency: z.enum(['overdue', 'due-soon', 'on-time', 'paused']).nullable(),
    assigneeUserId: z.number().int().nullable(),
    department: z.string().nullable(),
    answerType: z.string().nullable(),
    answerReason: z.string().nullable(),
    reply: z.string().nullable(),
    /** draft → in_review (stage 1…levels) → approved; a rejection sends it back to draft. */
    replyState: z.enum(['none', 'draft', 'in_review', 'approved']),
    replyStage: z.number().int(),
    repliedAt: z.string().nullable(),
    invalidReason: z.string().nullable(),
    /** Staff leave it on the public site (the sender's consent and the mailbox decide too). */
    showsAnswer: z.boolean(),
    /** The case this one was merged into as a duplicate. */
    duplicateOf: z.number().int().nullable(),
  })
  .register(apiComponents, { id: 'Case' })

export const caseListSchema = z.array(caseSchema).register(apiComponents, { id: 'CaseList' })

/** For the dashboard: the open cases past their due day, and those due within two working days. */
export const dueCasesSchema = z
  .object({ overdue: caseListSchema, dueSoon: caseListSchema })
  .register(apiComponents, { id: 'DueCases' })

/** The personal data of a case or an opinion, for its handlers and auditors only (each read audited). */
export const personalDataSchema = z
  .looseObject({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    idNumber: z.string().nullable(),
  })
  .register(apiComponents, { id: 'PersonalData' })

/** A question as it is asked: what the questionnaire and its counted results both say of it. */
const questionFields = { text: z.string(), type: z.enum(questionTypes), required: z.boolean() }

/** A consultation's questionnaire (调查); `takesOpinion` false: the questions instead of the opinion field. */
export const questionnaireSchema = z
  .object({
    questions: z.array(
      z.object({
        ...questionFields,
        /** The choices of a single or multiple choice question. */
        options: z.array(z.string()),
      }),
    ),
    takesOpinion: z.boolean(),
  })
  .register(apiComponents, { id: 'Questionnaire' })

/** 意见征集 on a draft document, with its state and how many opinions came. */
export const consultationListSchema = z
  .array(
    z.looseObject({
      id: z.number().int(),
      siteId: z.number().int(),
      title: z.string(),
      draft: z.string(),
      startsDay: z.string(),
      endsDay: z.string(),
      state: z.enum(['upcoming', 'open', 'closed']),
      /** 采纳情况, once published. */
      summary: z.string().nullable(),
      summaryAt: z.string().nullable(),
      opinionCount: z.number().int(),
      questionnaire: questionnaireSchema.nullable(),
      /** 结果反馈: the published article that answers it. */
      feedbackArticleId: z.number().int().nullable(),
    }),
  )
  .register(apiComponents, { id: 'ConsultationList' })

/** The opinions received, names masked, contact details sealed away. */
export const opinionListSchema = z
  .array(
    z.looseObject({
      id: z.number().int(),
      content: z.string(),
      nameMasked: z.string(),
      receivedAt: z.string(),
      /** The questionnaire's answers by question index (an option, several, or a text); null without one. */
      answers: z
        .record(z.string(), z.union([z.number().int(), z.array(z.number().int()), z.string()]))
        .nullable(),
    }),
  )
  .register(apiComponents, { id: 'OpinionList' })

/** A questionnaire's responses counted: per option for a choice, the answers themselves for a text. */
export const questionnaireResultsSchema = z
  .looseObject({
    consultationId: z.number().int(),
    responses: z.number().int(),
    questions: z.array(
      z.looseObject({
        ...questionFields,
        /** How many responses answered it. */
        answered: z.number().int(),
        options: z.array(z.object({ text: z.string(), count: z.number().int() })),
        texts: z.array(z.string()),
      }),
    ),
  })
  .register(apiComponents, { id: 'QuestionnaireResults' })
