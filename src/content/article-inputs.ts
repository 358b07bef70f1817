import { z } from 'zod'
import { isCalendarDate } from './calendar-date.ts'
import { MAX_RECORD_ID, recordIdSchema } from './record-id.ts'

const text = (max: number) => z.string().trim().max(max)
const url = z
  .string()
  .trim()
  .max(2000)
  .regex(
    // A site path may not start with // (another host) nor climb out with `..`.
    /^(?:https?:\/\/\S+|\/(?!\/)(?!(?:\S*\/)?\.\.(?:\/|$))\S*)$/,
    '须为 http(s) 网址或以 / 开头的站内路径|must be an http(s) URL or a path starting with /',
  )

export const attachmentSchema = z
  .object({
    name: text(255).min(1),
    url,
    size: z.number().int().min(0).optional(),
    mimeType: text(100).optional(),
  })
  .strict()

export const disclosureSchema = z
  .object({
    /** 主题分类 */
    topicCategory: text(100).min(1),
    /** 发文机关 */
    issuingAgency: text(200).min(1),
    /** 成文日期 */
    writtenDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期须为 YYYY-MM-DD|written date must be YYYY-MM-DD')
      .refine(isCalendarDate, '不是存在的日期|not a real date')
      .nullable()
      .default(null),
    /** 文号 */
    documentNo: text(100).default(''),
    /** 主题词 */
    subjectWords: z.array(text(50).min(1)).max(30).default([]),
  })
  .strict()

const articleFields = {
  columnId: z.number({ error: '请选择所属栏目|choose the home column' }).int().positive().max(MAX_RECORD_ID),
  title: z
    .string({ error: '标题不能为空|the title is required' })
    .trim()
    .min(1, '标题不能为空|the title is required')
    .max(300),
  // A theme prints the dash before a subtitle itself: a typed one would show twice.
  subtitle: text(300).transform(withoutLeadingDash),
  source: text(100),
  author: text(100),
  summary: text(2000),
  keywords: z.array(text(50).min(1)).max(30),
  bodyHtml: z.string().max(5_000_000, '正文过长（上限 5 MB）|the body is too long (5 MB at most)'),
  coverImage: url.nullable(),
  attachments: z.array(attachmentSchema).max(100),
  customFields: z.record(z.string(), z.unknown()),
  weight: z.number().int().min(0).max(9999),
  /** `2017-12-14 16:44` in the site's time zone (or an ISO instant): the pin ends then. */
  pinnedUntil: z.string().max(40).nullable(),
  /** `2017-12-14 16:44` in the site's time zone, or an ISO instant with an offset. */
  publishAt: z.string().max(40).nullable(),
  externalUrl: z.url({ protocol: /^https?$/, error: '须为 http(s) 网址|must be an http(s) URL' }).nullable(),
  /** Further columns the article also appears in (引用). */
  alsoInColumnIds: z.array(recordIdSchema).max(50),
  disclosure: disclosureSchema.nullable(),
}

export const articleInputSchema = z
  .object({
    ...articleFields,
    subtitle: articleFields.subtitle.default(''),
    source: articleFields.source.default(''),
    author: articleFields.author.default(''),
    summary: articleFields.summary.default(''),
    keywords: articleFields.keywords.default([]),
    bodyHtml: articleFields.bodyHtml.default(''),
    coverImage: articleFields.coverImage.default(null),
    attachments: articleFields.attachments.default([]),
    customFields: articleFields.customFields.default({}),
    weight: articleFields.weight.default(0),
    pinnedUntil: articleFields.pinnedUntil.default(null),
    publishAt: articleFields.publishAt.default(null),
    externalUrl: articleFields.externalUrl.default(null),
    alsoInColumnIds: articleFields.alsoInColumnIds.default([]),
    disclosure: articleFields.disclosure.default(null),
  })
  .strict()

/** A save: the changed fields plus the revision the editor started from. */
export const articlePatchSchema = z
  .object({ ...articleFields, baseRevision: z.number().int().min(1).max(MAX_RECORD_ID) })
  .partial()
  .required({ baseRevision: true })
  .strict()

/** `——副标题` → `副标题`: the leading dashes (em, en, hyphens) and the spaces after them. */
function withoutLeadingDash(subtitle: string): string {
  return subtitle.replace(/^[\u2014\u2013\u2015\u2012\-－]+\s*/u, '')
}

export type ArticleInput = z.input<typeof articleInputSchema>
export type ArticlePatch = z.input<typeof articlePatchSchema>
export type Attachment = z.output<typeof attachmentSchema>
export type DisclosureInput = z.input<typeof disclosureSchema>
