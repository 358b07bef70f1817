/** The shapes the article API answers with, as its OpenAPI document describes them (`npm run api:types`). */
import type { Article, ColumnNode, RevisionList } from '../api-types.gen.ts'

export type { Attachment, Disclosure, FieldDefinition, RevisionDiff, UploadResult } from '../api-types.gen.ts'

export type CustomFieldValue = string | number | boolean

/** An article whole, as GET /api/articles/:id answers. */
export type FullArticle = Article

/** A node of GET /api/sites/{id}/columns: the editor reads its kind, review levels, custom fields and actions. */
export type EditorColumn = ColumnNode

export type RevisionSummary = RevisionList['items'][number]
