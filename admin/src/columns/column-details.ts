/** A column as GET /api/columns/{id} answers, with the fields the column form edits (`npm run api:types`). */
import type { Column } from '../api-types.gen.ts'

export type ColumnDetails = Column

/** `topic`: a 专题, made with 新建专题 (admin/src/topics/), not offered for new columns. */
export type ColumnKind = Column['kind']

export const COLUMN_KINDS: readonly ColumnKind[] = ['list', 'page', 'link']
