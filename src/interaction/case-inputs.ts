import { z } from 'zod'

/** Limits on what the public may send: enough for a long letter, small enough to store many. */
export const SUBMISSION_LIMITS = Object.freeze({
  subject: 100,
  content: 5000,
  name: 50,
  email: 254,
  idNumber: 32,
})

/** Control characters have no place in a letter; PostgreSQL cannot even store NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is refused.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const plain = () => z.string().refine((value) => !CONTROL.test(value), 'control characters are not allowed')
const text = (max: number) => plain().trim().min(1).max(max)
const optionalText = (max: number) =>
  plain()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined))

/** A mainland mobile or landline number, with optional area code and extension. */
const phonePattern = /^(?:\+?86[- ]?)?(?:1\d{10}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/

export const applicantTypes = ['citizen', 'legal_person'] as const
export const deliveryForms = ['paper', 'email', 'pickup', 'electronic'] as const

/** What a visitor submits; checked the same way from the form and from any other client. */
export const submissionSchema = z.strictObject({
  subject: text(SUBMISSION_LIMITS.subject),
  content: text(SUBMISSION_LIMITS.content),
  category: optionalText(30),
  name: text(SUBMISSION_LIMITS.name),
  phone: z.string().trim().regex(phonePattern, 'a mobile number or 0xx-xxxxxxx'),
  email: optionalText(SUBMISSION_LIMITS.email).pipe(z.email().optional()),
  idNumber: optionalText(SUBMISSION_LIMITS.idNumber),
  mayPublish: z.boolean().default(false),
  // 依申请公开 (条例 art. 29): who applies, their document, the purpose and how to deliver.
  applicantType: z.enum(applicantTypes).optional(),
  idType: optionalText(20),
  purpose: optionalText(500),
  delivery: z.enum(deliveryForms).optional(),
})
export type Submission = z.input<typeof submissionSchema>

/** The seven answers 《政府信息公开条例》 arts. 36–37 allow; 补正 (correction) stops the clock. */
export const disclosureAnswers = [
  'disclose',
  'partial',
  'withhold',
  'not_exist',
  'not_ours',
  'duplicate',
] as const
export const answerTypes = ['reply', ...disclosureAnswers] as const
export type AnswerType = (typeof answerTypes)[number]

export const answerTypeLabels: Readonly<Record<AnswerType, string>> = {
  reply: '答复',
  disclose: '公开',
  partial: '部分公开',
  withhold: '不予公开',
  not_exist: '信息不存在',
  not_ours: '非本机关负责',
  duplicate: '重复申请',
}

export const replyInputSchema = z.strictObject({
  answerType: z.enum(answerTypes).default('reply'),
  text: text(20_000),
  /** Required for 不予公开 and 部分公开: the legal ground. */
  reason: optionalText(2000),
})
export type ReplyInput = z.input<typeof replyInputSchema>

export const assignInputSchema = z
  .strictObject({
    userId: z.number().int().positive().optional(),
    department: optionalText(60),
  })
  .refine((value) => value.userId !== undefined || value.department !== undefined, {
    message: 'name a person (userId) or a department',
  })
export type AssignInput = z.input<typeof assignInputSchema>

export const reasonSchema = z.strictObject({ reason: text(2000) })
