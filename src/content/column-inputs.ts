import { z } from 'zod'
import { fieldSchemaSchema } from './custom-fields.ts'
import { nameSchema } from './name-schema.ts'
import { recordIdSchema } from './record-id.ts'

const templateName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}\.liquid$/,
    '模板文件名形如 list-news.liquid|a template file name like list-news.liquid',
  )
  .nullable()

/** `topic`: a 专题, a small site within the site (topic-settings.ts). */
export const columnKinds = ['list', 'page', 'link', 'topic'] as const
export type ColumnKind = (typeof columnKinds)[number]

/**
 * How fresh the inspection (国办秘函〔2019〕19号) expects a column: news (动态/要闻) within 2
 * weeks, notice (通知公告) and policy (政策文件) within 6 months; other is not checked.
 */
export const columnUpdateTypes = ['news', 'notice', 'policy', 'other'] as const
export type ColumnUpdateType = (typeof columnUpdateTypes)[number]

const columnFields = {
  name: nameSchema(100),
  slug: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_-]{0,62}$/,
      '栏目路径名只能含小写字母、数字、下划线和连字符|lowercase letters, digits, _ and - only',
    ),
  kind: z.enum(columnKinds),
  pageSize: z.number().int().min(1).max(200),
  includesDescendants: z.boolean(),
  isDisclosure: z.boolean(),
  /** Review levels before publication: 0 none, 1 初审, 2 复审, 3 终审. */
  reviewLevels: z.number().int().min(0).max(3),
  updateType: z.enum(columnUpdateTypes),
  linkUrl: z.url({ protocol: /^https?$/, error: '须为 http(s) 网址|must be an http(s) URL' }).nullable(),
  pageBodyHtml: z.string().max(2_000_000),
  listTemplate: templateName,
  articleTemplate: templateName,
  fieldSchema: fieldSchemaSchema,
}

const linkNeedsUrl = (column: { kind?: ColumnKind; linkUrl?: string | null }) =>
  column.kind !== 'link' || Boolean(column.linkUrl)
const linkNeedsUrlMessage = {
  message: '外链栏目须填写链接地址|a link column needs its URL',
  path: ['linkUrl'],
}

export const columnInputSchema = z
  .object({
    siteId: recordIdSchema,
    parentId: recordIdSchema.nullable().default(null),
    position: z.number().int().min(0).optional(),
    ...columnFields,
    kind: columnFields.kind.default('list'),
    pageSize: columnFields.pageSize.default(20),
    includesDescendants: columnFields.includesDescendants.default(false),
    isDisclosure: columnFields.isDisclosure.default(false),
    reviewLevels: columnFields.reviewLevels.default(0),
    updateType: columnFields.updateType.default('other'),
    linkUrl: columnFields.linkUrl.default(null),
    pageBodyHtml: columnFields.pageBodyHtml.default(''),
    listTemplate: columnFields.listTemplate.default(null),
    articleTemplate: columnFields.articleTemplate.default(null),
    fieldSchema: columnFields.fieldSchema.default([]),
  })
  .strict()
  .refine(linkNeedsUrl, linkNeedsUrlMessage)

export const columnPatchSchema = z.object(columnFields).partial().strict()

export const columnMoveSchema = z
  .object({
    parentId: recordIdSchema.nullable(),
    position: z.number().int().min(0).optional(),
  })
  .strict()

export type ColumnInput = z.input<typeof columnInputSchema>
export type ColumnPatch = z.input<typeof columnPatchSchema>
export type ColumnMove = z.input<typeof columnMoveSchema>
