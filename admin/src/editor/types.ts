/** The shapes the article API answers with, as far as the editor needs them (see /api/openapi.json). */
import type { ArticleStatus } from '../types.ts'

export interface Attachment {
  readonly name: string
  readonly url: string
  readonly size?: number
  readonly mimeType?: string
}

export interface Disclosure {
  /** 索引号, assigned by the server. */
  readonly indexNo: string | null
  readonly topicCategory: string
  readonly issuingAgency: string
  readonly writtenDate: string | null
  readonly documentNo: string
  readonly subjectWords: readonly string[]
}

export type CustomFieldValue = string | number | boolean

export interface FullArticle {
  readonly id: number
  readonly siteId: number
  readonly columnId: number
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
  readonly customFields: Readonly<Record<string, CustomFieldValue>>
  readonly publishAt: string | null
  /** Above 0 pins the article (置顶); higher comes first. */
  readonly weight: number
  /** When the pin ends by itself; null: pinned until unpinned. */
  readonly pinnedUntil: string | null
  /** The page's path on the site once first published. */
  readonly urlPath: string | null
  /** The article this one was copied (复制) from. */
  readonly copiedFromId: number | null
  readonly status: ArticleStatus
  readonly revision: number
  readonly disclosure: Disclosure | null
  readonly createdBy: string
  readonly updatedBy: string
  readonly updatedAt: string
  /** Review levels passed so far while submitted. */
  readonly reviewStage: number
  /** The reviewer's comment of the last rejection. */
  readonly reviewComment: string | null
  readonly unpublishAt: string | null
  readonly submittedBy: string | null
}

/** One custom field a column asks its articles for. */
export interface FieldDefinition {
  readonly name: string
  readonly label: string
  readonly type: 'text' | 'number' | 'date' | 'select' | 'boolean' | 'url'
  readonly isRequired: boolean
  readonly options?: readonly string[]
  readonly maxLength?: number
}

/** A node of GET /api/sites/{id}/columns, with what the editor reads of it. */
export interface EditorColumn {
  readonly id: number
  readonly name: string
  readonly kind: 'list' | 'page' | 'link'
  readonly reviewLevels: number
  readonly isDisclosure: boolean
  readonly fieldSchema: readonly FieldDefinition[]
  readonly children: readonly EditorColumn[]
}

/** The answer of POST /api/sites/{site}/uploads. */
export interface UploadResult {
  readonly kind: 'image' | 'attachment'
  readonly name: string
  readonly mimeType: string
  readonly size: number
  readonly url: string
  /** The full-size picture, when asked for and the image was scaled down for the web. */
  readonly original?: Attachment | null
}

export interface RevisionSummary {
  readonly revision: number
  readonly actor: string
  readonly createdAt: string
}

export interface RevisionDiff {
  readonly from: number
  readonly to: number
  readonly fields: readonly { readonly field: string; readonly before: unknown; readonly after: unknown }[]
  readonly body: readonly { readonly kind: 'same' | 'added' | 'removed'; readonly text: string }[]
}
