import { z } from 'zod'
import { ValidationError } from '../errors/index.ts'
import { FIELD_NAME } from '../markup/index.ts'
import { isCalendarDate } from './calendar-date.ts'

/** One custom field a column asks its articles for (e.g. 文件有效期, 办理时限). */
export const fieldDefinitionSchema = z
  .object({
    name: z
      .string()
      .regex(
        FIELD_NAME,
        '字段名须以字母开头，只含字母、数字和下划线|start with a letter; letters, digits, _',
      ),
    label: z.string().trim().min(1).max(100),
    type: z.enum(['text', 'number', 'date', 'select', 'boolean', 'url']),
    isRequired: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    maxLength: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((field) => field.type !== 'select' || (field.options?.length ?? 0) > 0, {
    message: '下拉字段须列出可选项|a select field needs options',
    path: ['options'],
  })

export const fieldSchemaSchema = z
  .array(fieldDefinitionSchema)
  .max(50)
  .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, {
    message: '字段名不能重复|field names must be unique',
  })

export type FieldDefinition = z.output<typeof fieldDefinitionSchema>
export type CustomFieldValue = string | number | boolean
export type CustomFields = Readonly<Record<string, CustomFieldValue>>

/**
 * Checks an article's custom fields against its column's schema: unknown fields, missing
 * required ones and values of the wrong type are refused with the field named.
 */
export function validateCustomFields(
  fields: Readonly<Record<string, unknown>>,
  schema: readonly FieldDefinition[],
): CustomFields {
  const known = new Map(schema.map((definition) => [definition.name, definition]))
  for (const name of Object.keys(fields)) {
    if (!known.has(name))
      throw new ValidationError(
        `customFields.${name}`,
        '栏目没有这个自定义字段',
        'the column has no such field',
      )
  }
  const result: Record<string, CustomFieldValue> = {}
  for (const definition of schema) {
    const value = fields[definition.name]
    const field = `customFields.${definition.name}`
    if (value === undefined || value === null || value === '') {
      if (definition.isRequired)
        throw new ValidationError(field, `「${definition.label}」必填`, `"${definition.label}" is required`)
      continue
    }
    result[definition.name] = checkValue(definition, value, field)
  }
  return result
}

function checkValue(definition: FieldDefinition, value: unknown, field: string): CustomFieldValue {
  const wrong = (zh: string, en: string): never => {
    throw new ValidationError(field, zh, en)
  }
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? value
        : wrong('须为数字', 'must be a number')
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong('须为是或否', 'must be true or false')
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? value
        : wrong('须为 YYYY-MM-DD 格式的日期', 'must be a date as YYYY-MM-DD')
    case 'select':
      return typeof value === 'string' && definition.options?.includes(value)
        ? value
        : wrong('不是可选项之一', 'is not one of the options')
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
        ? value
        : wrong('须为 http(s) 网址', 'must be an http(s) URL')
    case 'text': {
      if (typeof value !== 'string') return wrong('须为文本', 'must be text')
      const max = definition.maxLength ?? 10_000
      return value.length <= max
        ? value
        : wrong(`不能超过 ${max} 个字符`, `must be at most ${max} characters`)
    }
  }
}
