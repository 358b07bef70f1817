import type { Attachment, CustomFieldValue, FullArticle } from './types.ts'
import { formatZonedMinute } from './zoned-minute.ts'

export interface DisclosureValues {
  readonly topicCategory: string
  readonly issuingAgency: string
  readonly writtenDate: string | null
  readonly documentNo: string
  readonly subjectWords: readonly string[]
}

/** What the editor's form holds: plain JSON, so a draft can wait in localStorage. */
export interface EditorValues {
  readonly columnId: number | null
  /** Further columns the article also shows in (引用). */
  readonly alsoInColumnIds: readonly number[]
  /** Above 0 pins it (置顶). */
  readonly weight: number
  /** `2017-12-14 16:44` in the site's time zone: the pin ends then. */
  readonly pinnedUntil: string | null
  readonly title: string
  readonly subtitle: string
  readonly source: string
  readonly author: string
  /** `2017-12-14 16:44` in the site's time zone, as the server reads it. */
  readonly publishAt: string | null
  readonly summary: string
  readonly keywords: readonly string[]
  readonly coverImage: string | null
  readonly attachments: readonly Attachment[]
  readonly bodyHtml: string
  readonly customFields: Readonly<Record<string, CustomFieldValue | null | undefined>>
  readonly disclosure: DisclosureValues | null
}

export type ArticleFields = Omit<EditorValues, 'columnId'> & { readonly columnId: number }

export function valuesOf(article: FullArticle, zone: string): EditorValues {
  const { disclosure } = article
  return {
    columnId: article.columnId,
    alsoInColumnIds: article.alsoInColumnIds,
    weight: article.weight,
    pinnedUntil: article.pinnedUntil ? formatZonedMinute(article.pinnedUntil, zone) : null,
    title: article.title,
    subtitle: article.subtitle,
    source: article.source,
    author: article.author,
    publishAt: article.publishAt ? formatZonedMinute(article.publishAt, zone) : null,
    summary: article.summary,
    keywords: article.keywords,
    coverImage: article.coverImage,
    attachments: article.attachments,
    bodyHtml: article.bodyHtml,
    customFields: article.customFields,
    disclosure: disclosure
      ? {
          topicCategory: disclosure.topicCategory,
          issuingAgency: disclosure.issuingAgency,
          writtenDate: disclosure.writtenDate,
          documentNo: disclosure.documentNo,
          subjectWords: disclosure.subjectWords,
        }
      : null,
  }
}

export function newValues(columnId: number | null): EditorValues {
  return {
    columnId,
    alsoInColumnIds: [],
    weight: 0,
    pinnedUntil: null,
    title: '',
    subtitle: '',
    source: '',
    author: '',
    publishAt: null,
    summary: '',
    keywords: [],
    coverImage: null,
    attachments: [],
    bodyHtml: '',
    customFields: {},
    disclosure: null,
  }
}

/** The values as the API takes them: text trimmed, empty custom fields left out. */
function apiFields(values: EditorValues): Record<keyof EditorValues, unknown> {
  // A cleared input may hand the form undefined; the API wants ''.
  const text = (value: string | undefined) => (value ?? '').trim()
  return {
    columnId: values.columnId ?? null,
    alsoInColumnIds: values.alsoInColumnIds ?? [],
    weight: values.weight ?? 0,
    // An unpinned article has no pin to end.
    pinnedUntil: (values.weight ?? 0) > 0 ? (values.pinnedUntil ?? null) : null,
    title: text(values.title),
    subtitle: text(values.subtitle),
    source: text(values.source),
    author: text(values.author),
    publishAt: values.publishAt ?? null,
    summary: text(values.summary),
    keywords: values.keywords ?? [],
    coverImage: values.coverImage ?? null,
    attachments: values.attachments ?? [],
    bodyHtml: values.bodyHtml ?? '',
    customFields: Object.fromEntries(
      Object.entries(values.customFields ?? {}).filter(
        ([, value]) => value !== null && value !== undefined && value !== '',
      ),
    ),
    disclosure: values.disclosure
      ? {
          ...values.disclosure,
          documentNo: text(values.disclosure.documentNo),
          subjectWords: values.disclosure.subjectWords ?? [],
        }
      : null,
  }
}

/** JSON with object keys in order, so that equal values compare equal however they were built. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  )
}

/** A new article's fields (POST /api/articles). */
export function inputOf(values: EditorValues): Record<string, unknown> {
  const fields = apiFields(values)
  return fields.disclosure === null ? { ...fields, disclosure: undefined } : fields
}

/** The fields that differ from `baseline`, as a PATCH sends them (with the revision added by the caller). */
export function changedFields(values: EditorValues, baseline: EditorValues): Record<string, unknown> {
  const now = apiFields(values)
  const before = apiFields(baseline)
  return Object.fromEntries(
    (Object.keys(now) as (keyof EditorValues)[])
      .filter((field) => stableJson(now[field]) !== stableJson(before[field]))
      .map((field) => [field, now[field]]),
  )
}
