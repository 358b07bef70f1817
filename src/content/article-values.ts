import type { z } from 'zod'
import { ValidationError } from '../errors/index.ts'
import { parseZonedMinute, zonedYear } from '../markup/index.ts'
import type { ArticleRow, ColumnRow, SiteRow, Tx } from '../store/index.ts'
import type { Article, ArticleSnapshot } from './article.ts'
import { type articleInputSchema, type DisclosureInput, disclosureSchema } from './article-inputs.ts'
import { findLiveColumnIn } from './column-service.ts'
import { validateCustomFields } from './custom-fields.ts'
import { nextIndexNo } from './disclosure-index.ts'
import { lockSite, type ServiceContext } from './service-context.ts'

/** The fields of a save after validation, before they are written. */
export type ArticleValues = z.output<typeof articleInputSchema>

/** What a save of `article` as it stands would send: the base a patch or an old revision fills. */
export function articleValuesOf(article: Article | ArticleSnapshot): ArticleValues {
  const disclosure: DisclosureInput | null = article.disclosure
    ? {
        topicCategory: article.disclosure.topicCategory,
        issuingAgency: article.disclosure.issuingAgency,
        writtenDate: article.disclosure.writtenDate,
        documentNo: article.disclosure.documentNo,
        subjectWords: [...article.disclosure.subjectWords],
      }
    : null
  return {
    columnId: article.columnId,
    alsoInColumnIds: [...article.alsoInColumnIds],
    title: article.title,
    subtitle: article.subtitle,
    source: article.source,
    author: article.author,
    summary: article.summary,
    keywords: [...article.keywords],
    bodyHtml: article.bodyHtml,
    coverImage: article.coverImage,
    attachments: [...article.attachments],
    customFields: { ...article.customFields },
    weight: article.weight,
    // Revisions saved before pins could expire have no such field.
    pinnedUntil: article.pinnedUntil ?? null,
    publishAt: article.publishAt,
    externalUrl: article.externalUrl,
    disclosure: disclosure ? disclosureSchema.parse(disclosure) : null,
  }
}

/**
 * Checks the columns, custom fields and disclosure fields of a save; returns what to write,
 * with `cleanedBody` (values.bodyHtml through cleanBody) as the body.
 */
export async function resolveArticleValues(
  ctx: ServiceContext,
  tx: Tx,
  site: SiteRow,
  values: ArticleValues,
  cleanedBody: string,
  current: ArticleRow | null,
  now: string,
) {
  await lockSite(ctx, tx, site.id, 'shared')
  const column = await findLiveColumnIn(tx, site.id, values.columnId, 'columnId')
  if (column.kind !== 'list') {
    throw new ValidationError(
      'columnId',
      `栏目「${column.name}」不是文章列表栏目`,
      `column "${column.name}" does not list articles`,
    )
  }
  const alsoIn = [...new Set(values.alsoInColumnIds)].filter((id) => id !== column.id)
  for (const id of alsoIn) {
    const other = await findLiveColumnIn(tx, site.id, id, 'alsoInColumnIds')
    if (other.kind !== 'list') {
      throw new ValidationError(
        'alsoInColumnIds',
        `栏目「${other.name}」不是文章列表栏目`,
        `column "${other.name}" does not list articles`,
      )
    }
  }
  const customFields = validateCustomFields(values.customFields, JSON.parse(column.field_schema))
  const publishAt = values.publishAt === null ? null : parseZonedMinute(values.publishAt, site.time_zone)
  if (values.publishAt !== null && publishAt === null) {
    throw new ValidationError(
      'publishAt',
      '发布时间须形如 2017-12-14 16:44',
      'the publish time must look like 2017-12-14 16:44',
    )
  }
  const pinnedUntil =
    values.pinnedUntil === null || values.weight === 0
      ? null
      : parseZonedMinute(values.pinnedUntil, site.time_zone)
  if (values.pinnedUntil !== null && values.weight > 0 && pinnedUntil === null) {
    throw new ValidationError(
      'pinnedUntil',
      '置顶截止时间须形如 2017-12-14 16:44',
      'the pin end must look like 2017-12-14 16:44',
    )
  }
  const disclosure = await resolveDisclosure(tx, site, column, values.disclosure, current, publishAt ?? now)
  return {
    column_id: column.id,
    title: values.title,
    subtitle: values.subtitle,
    source: values.source,
    author: values.author,
    summary: values.summary,
    keywords: JSON.stringify(values.keywords),
    body_html: cleanedBody,
    cover_image: values.coverImage,
    attachments: JSON.stringify(values.attachments),
    custom_fields: JSON.stringify(customFields),
    weight: values.weight,
    pinned_until: pinnedUntil,
    // The site shows a published article's time, and lists page by it: clearing the field
    // keeps the time it has.
    publish_at: publishAt ?? (current?.status === 'published' ? current.publish_at : null),
    external_url: values.externalUrl,
    ...disclosure,
    alsoIn,
  }
}

async function resolveDisclosure(
  tx: Tx,
  site: SiteRow,
  column: ColumnRow,
  input: z.output<typeof disclosureSchema> | null,
  current: ArticleRow | null,
  yearOf: string,
) {
  if (!input) {
    if (column.is_disclosure) {
      throw new ValidationError(
        'disclosure',
        `信息公开栏目「${column.name}」的文章须填写主题分类和发文机关`,
        `articles in the disclosure column "${column.name}" need a topic category and an issuing agency`,
      )
    }
    return {
      index_no: current?.index_no ?? null,
      topic_category: null,
      issuing_agency: null,
      written_date: null,
      document_no: null,
      subject_words: '[]',
    }
  }
  const indexNo =
    current?.index_no ??
    (column.is_disclosure ? await nextIndexNo(tx, site, zonedYear(yearOf, site.time_zone)) : null)
  return {
    index_no: indexNo,
    topic_category: input.topicCategory,
    issuing_agency: input.issuingAgency,
    written_date: input.writtenDate,
    document_no: input.documentNo,
    subject_words: JSON.stringify(input.subjectWords),
  }
}
