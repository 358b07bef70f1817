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
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, field = ''): z.output<S> {
  const result = schema.safeParse(storableInput(input, field), { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (!issue) throw new ValidationError('input', '无效输入', 'invalid input')
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
  const named = [field, ...issue.path, ...keys.slice(0, 1)]
    .filter((part) => part !== '')
    .map(String)
    .join('.')
  // Messages written into the schema are "中文|English"; zod's own (where '|' may separate
  // the allowed values) come from its locales.
  const [zh, english] = BILINGUAL.test(issue.message)
    ? issue.message.split('|', 2)
    : [messageFrom(zhMessages, issue), messageFrom(enMessages, issue)]
  throw new ValidationError(named || 'input', zh ?? issue.message, english ?? issue.message)
}

const BILINGUAL = /^[^|]*[\u4e00-\u9fff][^|]*\|[^|]+$/

/**
 * Text the stores can hold alike: PostgreSQL refuses NUL characters and lone UTF-16
 * surrogates that SQLite would keep, so both are bad input everywhere. HTML fields are
 * repaired instead, as a browser's parser does (U+FFFD for each), since pasted markup
 * carries such debris and the sanitizer will rewrite it anyway.
 */
function storableInput(value: unknown, path: string): unknown {
  if (typeof value === 'string' && /Html$/.test(path)) return value.replaceAll('\0', '\uFFFD').toWellFormed()
  if (Array.isArray(value))
    return value.map((item, i) => storableInput(item, path ? `${path}.${i}` : String(i)))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, storableInput(item, path ? `${path}.${key}` : key)]),
    )
  }
  assertStorableText(value, path)
  return value
}

function assertStorableText(value: unknown, path: string): void {
  if (typeof value === 'string' && (value.includes('\0') || !value.isWellFormed())) {
    throw new ValidationError(
      path || 'input',
      '含有不能保存的字符（NUL 或不成对的代理项）',
      'contains characters that cannot be stored (NUL or a lone surrogate)',
    )
  }
}

function messageFrom(map: z.core.$ZodErrorMap, issue: z.core.$ZodIssue): string {
  const produced = map(issue as unknown as Parameters<typeof map>[0])
  if (typeof produced === 'string') return produced
  return produced?.message ?? issue.message
}
