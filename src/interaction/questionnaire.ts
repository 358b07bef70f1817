import { z } from 'zod'
import { ValidationError } from '../errors/index.ts'

export const questionTypes = ['single', 'multiple', 'text'] as const
export type QuestionType = (typeof questionTypes)[number]

export const questionTypeLabels: Readonly<Record<QuestionType, string>> = {
  single: '单选',
  multiple: '多选',
  text: '填空',
}

/** A question of a questionnaire (调查); choices only for single and multiple choice. */
export interface Question {
  readonly text: string
  readonly type: QuestionType
  readonly required: boolean
  readonly options: readonly string[]
}

/** A consultation's questionnaire; `takesOpinion` false means the questions instead of the opinion field. */
export interface Questionnaire {
  readonly questions: readonly Question[]
  readonly takesOpinion: boolean
}

/** A response's answers by question index: an option index, several, or a text. */
export type Answers = Readonly<Record<string, number | readonly number[] | string>>

export const QUESTIONNAIRE_LIMITS = Object.freeze({
  questions: 50,
  options: 20,
  questionText: 500,
  optionText: 200,
  answerText: 2000,
})

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is refused.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const text = (max: number) =>
  z
    .string()
    .refine((value) => !CONTROL.test(value), 'control characters are not allowed')
    .trim()
    .min(1)
    .max(max)

const questionSchema = z
  .strictObject({
    text: text(QUESTIONNAIRE_LIMITS.questionText),
    type: z.enum(questionTypes),
    required: z.boolean().default(false),
    options: z.array(text(QUESTIONNAIRE_LIMITS.optionText)).max(QUESTIONNAIRE_LIMITS.options).default([]),
  })
  .refine((q) => (q.type === 'text' ? q.options.length === 0 : q.options.length >= 2), {
    path: ['options'],
    message: 'a choice question has at least two options, a text question none',
  })
  .refine((q) => new Set(q.options).size === q.options.length, {
    path: ['options'],
    message: 'the options are all different',
  })

export const questionnaireInputSchema = z.strictObject({
  questions: z.array(questionSchema).min(1).max(QUESTIONNAIRE_LIMITS.questions),
  takesOpinion: z.boolean().default(true),
})
export type QuestionnaireInput = z.input<typeof questionnaireInputSchema>

/** The stored JSON back as a questionnaire; null for none (or a column nobody wrote). */
export function parseQuestionnaire(json: string | null): Questionnaire | null {
  if (!json) return null
  return Object.freeze(questionnaireInputSchema.parse(JSON.parse(json)))
}

/** The field is the form's (`q1`); the words name the question as the visitor counts it. */
const refuse = (index: number, zh: string, en: string): never => {
  throw new ValidationError(`q${index + 1}`, `第 ${index + 1} 题${zh}`, `question ${index + 1}: ${en}`)
}

/**
 * Checks a response against its questionnaire: required questions answered, every choice one
 * offered, one choice for single choice, texts within their length. Returns only what was answered.
 */
export function validateAnswers(questionnaire: Questionnaire, raw: unknown): Answers {
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  for (const key of Object.keys(given))
    if (!/^(?:0|[1-9]\d?)$/.test(key) || Number(key) >= questionnaire.questions.length)
      throw new ValidationError(
        'answers',
        `没有这个问题：${key.slice(0, 20)}`,
        `no such question: ${key.slice(0, 20)}`,
      )
  const answers: Record<string, number | number[] | string> = {}
  questionnaire.questions.forEach((question, index) => {
    const value = given[String(index)]
    const offered = (choice: unknown): number => {
      if (
        typeof choice !== 'number' ||
        !Number.isInteger(choice) ||
        choice < 0 ||
        choice >= question.options.length
      )
        return refuse(index, '所选不是本题的选项', 'the choice is not one of the options offered')
      return choice
    }
    if (question.type === 'text') {
      if (value !== undefined && typeof value !== 'string')
        refuse(index, '应当填写文字', 'the answer is text')
      const answer = typeof value === 'string' ? value.trim() : ''
      if (CONTROL.test(answer)) refuse(index, '不能含有控制字符', 'control characters are not allowed')
      if (answer.length > QUESTIONNAIRE_LIMITS.answerText)
        refuse(
          index,
          `不能超过 ${QUESTIONNAIRE_LIMITS.answerText} 个字`,
          `at most ${QUESTIONNAIRE_LIMITS.answerText} characters`,
        )
      if (answer) answers[index] = answer
    } else if (question.type === 'single') {
      if (Array.isArray(value)) refuse(index, '只能选一项', 'choose one option only')
      if (value !== undefined) answers[index] = offered(value)
    } else {
      const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value]
      const picked = [...new Set(chosen.map(offered))].sort((a, b) => a - b)
      if (picked.length > 0) answers[index] = picked
    }
    if (question.required && answers[index] === undefined)
      refuse(index, '是必答题', 'this question must be answered')
  })
  return Object.freeze(answers)
}

/**
 * A plain HTML form's fields as answers: `q1` is question 1's option index or text, `q2-3`
 * checked means option 3 of question 2 (so multiple choice needs no repeated field names).
 */
export function answersFromForm(
  questionnaire: Questionnaire,
  fields: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {}
  questionnaire.questions.forEach((question, index) => {
    const name = `q${index + 1}`
    if (question.type === 'multiple') {
      const chosen = question.options.flatMap((_, option) => (fields[`${name}-${option}`] ? [option] : []))
      if (chosen.length > 0) answers[index] = chosen
    } else if (question.type === 'single') {
      const value = fields[name]
      // A value that is not a small number becomes an index no question has: refused as not offered.
      if (value !== undefined && value !== '') answers[index] = /^\d{1,3}$/.test(value) ? Number(value) : -1
    } else if (fields[name] !== undefined) answers[index] = fields[name]
  })
  return answers
}
