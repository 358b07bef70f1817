/** A column as GET /api/columns/{id} answers, with the fields the column form edits. */
export interface ColumnDetails {
  readonly id: number
  readonly siteId: number
  readonly parentId: number | null
  readonly name: string
  readonly slug: string
  readonly kind: ColumnKind
  readonly pageSize: number
  readonly includesDescendants: boolean
  /** 0 none, 1 初审, 2 复审, 3 终审. */
  readonly reviewLevels: number
  /** How fresh the inspection expects it: news 2 weeks, notice and policy 6 months, other unchecked. */
  readonly updateType: 'news' | 'notice' | 'policy' | 'other'
  readonly linkUrl: string | null
}

export type ColumnKind = 'list' | 'page' | 'link'

export const COLUMN_KINDS: readonly ColumnKind[] = ['list', 'page', 'link']
