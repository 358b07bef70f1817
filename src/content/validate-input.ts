import type { z } from 'zod'
import en from 'zod/v4/locales/en.js'
import zhCN from 'zod/v4/locales/zh-CN.js'
import { ValidationError } from '../errors/index.ts'

const zhMessages = zhCN().localeError
const enMessages = en().localeError

/**
 * Parses service input against its schema; the first problem becomes a VALIDATION_FAILED
 * naming the field, in both languages.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (!issue) throw new ValidationError('input', '无效输入', 'invalid input')
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
  const field = [...issue.path, ...keys.slice(0, 1)].map(String).join('.') || 'input'
  // Messages written into the schema are "中文|English"; zod's own come from its locales.
  const [zh, english] = issue.message.includes('|')
    ? issue.message.split('|', 2)
    : [messageFrom(zhMessages, issue), messageFrom(enMessages, issue)]
  throw new ValidationError(field, zh ?? issue.message, english ?? issue.message)
}

function messageFrom(map: z.core.$ZodErrorMap, issue: z.core.$ZodIssue): string {
  const produced = map(issue as unknown as Parameters<typeof map>[0])
  if (typeof produced === 'string') return produced
  return produced?.message ?? issue.message
}
