import type { ArticleRow } from '../store/index.ts'
import type { Attachment } from './article-inputs.ts'
import type { CustomFields } from './custom-fields.ts'

export const articleStatuses = [
  'draft',
  'submitted',
  'rejected',
  'scheduled',
  'published',
  'withdrawn',
] as const
export type ArticleStatus = (typeof articleStatuses)[number]

/** The government information disclosure (政府信息公开) fields. */
export interface Disclosure {
  /** 索引号, `<org code>/<year>-<serial>`, assigned by fabu and unique per site. */
  readonly indexNo: string | null
  readonly topicCategory: string
  readonly issuingAgency: string
  readonly writtenDate: string | null
  readonly documentNo: string
  readonly subjectWords: readonly string[]
}

export interface Article {
  readonly id: number
  readonly siteId: number
  /** The home column, which gives the article its URL. */
  readonly columnId: number
  /** Further columns it appears in (引用). */
  readonly alsoInColumnIds: readonly number[]
  readonly title: string
  readonly subtitle: string
  readonly source: string
  readonly author: string
  readonly summary: string
  readonly keywords: readonly string[]
  readonly bodyHtml: string
  readonly coverImage: string | null
  readonly attachments: readonly Attachment[]
  readonly customFields: CustomFields
  /** Above 0 pins the article; higher comes first. */
  readonly weight: number
  /** When the pin ends by itself (the due-run sets the weight back to 0); null pins for good. */
  readonly pinnedUntil: string | null
  /** The publish time shown on the site, a UTC instant to the minute. */
  readonly publishAt: string | null
  readonly firstPublishedAt: string | null
  readonly status: ArticleStatus
  readonly externalUrl: string | null
  /** Set at first publication and never changed after. */
  readonly urlPath: string | null
  readonly revision: number
  readonly disclosure: Disclosure | null
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedBy: string
  readonly updatedAt: string
  readonly deletedAt: string | null
  readonly deletedBy: string | null
  /** Review levels passed so far while submitted (0 until 初审 approves). */
  readonly reviewStage: number
  /** The reviewer's comment of the last rejection, shown to the author. */
  readonly reviewComment: string | null
  /** When a published article is taken off the site by itself (scheduled 撤稿). */
  readonly unpublishAt: string | null
  readonly submittedBy: string | null
  /** The article this one was copied (复制) from, on this site or another. */
  readonly copiedFromId: number | null
}

/** What a revision keeps: everything an editor can change. */
export type ArticleSnapshot = Pick<
  Article,
  | 'columnId'
  | 'alsoInColumnIds'
  | 'title'
  | 'subtitle'
  | 'source'
  | 'author'
  | 'summary'
  | 'keywords'
  | 'bodyHtml'
  | 'coverImage'
  | 'attachments'
  | 'customFields'
  | 'weight'
  | 'pinnedUntil'
  | 'publishAt'
  | 'externalUrl'
  | 'disclosure'
>

export function toArticle(row: ArticleRow, alsoInColumnIds: readonly number[]): Article {
  const hasDisclosure = row.index_no !== null || row.topic_category !== null || row.issuing_agency !== null
  return {
    id: row.id,
    siteId: row.site_id,
    columnId: row.column_id,
    alsoInColumnIds,
    title: row.title,
    subtitle: row.subtitle,
    source: row.source,
    author: row.author,
    summary: row.summary,
    keywords: JSON.parse(row.keywords),
    bodyHtml: row.body_html,
    coverImage: row.cover_image,
    attachments: JSON.parse(row.attachments),
    customFields: JSON.parse(row.custom_fields),
    weight: row.weight,
    pinnedUntil: row.pinned_until,
    publishAt: row.publish_at,
    firstPublishedAt: row.first_published_at,
    status: row.status as ArticleStatus,
    externalUrl: row.external_url,
    urlPath: row.url_path,
    revision: row.revision,
    disclosure: hasDisclosure
      ? {
          indexNo: row.index_no,
          topicCategory: row.topic_category ?? '',
          issuingAgency: row.issuing_agency ?? '',
          writtenDate: row.written_date,
          documentNo: row.document_no ?? '',
          subjectWords: JSON.parse(row.subject_words),
        }
      : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    reviewStage: row.review_stage,
    reviewComment: row.review_comment,
    unpublishAt: row.unpublish_at,
    submittedBy: row.submitted_by,
    copiedFromId: row.copied_from,
  }
}

export function snapshotOf(article: Article): ArticleSnapshot {
  return {
    columnId: article.columnId,
    alsoInColumnIds: article.alsoInColumnIds,
    title: article.title,
    subtitle: article.subtitle,
    source: article.source,
    author: article.author,
    summary: article.summary,
    keywords: article.keywords,
    bodyHtml: article.bodyHtml,
    coverImage: article.coverImage,
    attachments: article.attachments,
    customFields: article.customFields,
    weight: article.weight,
    pinnedUntil: article.pinnedUntil,
    publishAt: article.publishAt,
    externalUrl: article.externalUrl,
    disclosure: article.disclosure,
  }
}
