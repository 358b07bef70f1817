import type { ColumnRow } from '../store/index.ts'
import type { ColumnKind, ColumnUpdateType } from './column-inputs.ts'
import type { FieldDefinition } from './custom-fields.ts'
import { parseTopicSettings, type TopicSettings } from './topic-settings.ts'

export interface Column {
  readonly id: number
  readonly siteId: number
  readonly parentId: number | null
  readonly name: string
  readonly slug: string
  /** Slugs from the root down, joined by '/': the column's URL path (`jcdj/jswm`). */
  readonly path: string
  /** Names from the root down, for the breadcrumb (`基层党建 > 精神文明`). */
  readonly trail: readonly string[]
  readonly depth: number
  readonly position: number
  readonly kind: ColumnKind
  readonly pageSize: number
  readonly includesDescendants: boolean
  readonly isDisclosure: boolean
  /** Review levels before publication: 0 none, 1 初审, 2 复审, 3 终审. */
  readonly reviewLevels: number
  /** news, notice, policy or other: how fresh the inspection expects the column (see column-inputs.ts). */
  readonly updateType: ColumnUpdateType
  readonly linkUrl: string | null
  readonly pageBodyHtml: string
  readonly listTemplate: string | null
  readonly articleTemplate: string | null
  readonly fieldSchema: readonly FieldDefinition[]
  /** A 专题's banner and template set; null unless the column's kind is `topic`. */
  readonly topic: TopicSettings | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly deletedAt: string | null
}

export interface ColumnNode extends Column {
  readonly children: readonly ColumnNode[]
}

/** A site's columns, indexed for walking up (breadcrumbs, cycle checks) and down (lists). */
export class ColumnTree {
  readonly roots: readonly ColumnNode[]
  readonly #byId: ReadonlyMap<number, ColumnNode>

  constructor(rows: readonly ColumnRow[]) {
    const rowsById = new Map(rows.map((row) => [row.id, row]))
    const childRows = new Map<number | null, ColumnRow[]>()
    for (const row of rows) {
      const parent = row.parent_id !== null && rowsById.has(row.parent_id) ? row.parent_id : null
      childRows.set(parent, [...(childRows.get(parent) ?? []), row])
    }
    const byId = new Map<number, ColumnNode>()
    const build = (parentId: number | null, parent: ColumnNode | null): ColumnNode[] =>
      (childRows.get(parentId) ?? [])
        .sort((a, b) => a.position - b.position || a.id - b.id)
        .map((row) => {
          const node: { -readonly [K in keyof ColumnNode]: ColumnNode[K] } = {
            ...toColumn(row, parent),
            children: [],
          }
          byId.set(row.id, node)
          node.children = build(row.id, node)
          return node
        })
    this.roots = build(null, null)
    this.#byId = byId
  }

  get(id: number): ColumnNode | undefined {
    return this.#byId.get(id)
  }

  /** Every column, parents before children, siblings in order. */
  all(): readonly ColumnNode[] {
    const out: ColumnNode[] = []
    const walk = (nodes: readonly ColumnNode[]) => {
      for (const node of nodes) {
        out.push(node)
        walk(node.children)
      }
    }
    walk(this.roots)
    return out
  }

  byPath(path: string): ColumnNode | undefined {
    return this.all().find((column) => column.path === path)
  }

  /** True when `candidate` is `column` itself or lies anywhere below it. */
  isWithin(candidate: number, column: number): boolean {
    for (
      let node = this.#byId.get(candidate);
      node;
      node = node.parentId ? this.#byId.get(node.parentId) : undefined
    ) {
      if (node.id === column) return true
    }
    return false
  }

  /** The 专题 the column is or lies in: the nearest column of kind `topic` from it upwards. */
  topicOf(id: number): ColumnNode | undefined {
    for (
      let node = this.#byId.get(id);
      node;
      node = node.parentId === null ? undefined : this.#byId.get(node.parentId)
    ) {
      if (node.kind === 'topic') return node
    }
    return undefined
  }

  descendantIds(id: number): readonly number[] {
    const node = this.#byId.get(id)
    if (!node) return []
    const out: number[] = []
    const walk = (nodes: readonly ColumnNode[]) => {
      for (const child of nodes) {
        out.push(child.id)
        walk(child.children)
      }
    }
    walk(node.children)
    return out
  }
}

function toColumn(row: ColumnRow, parent: Column | null): Column {
  return {
    id: row.id,
    siteId: row.site_id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    path: parent ? `${parent.path}/${row.slug}` : row.slug,
    trail: parent ? [...parent.trail, row.name] : [row.name],
    depth: parent ? parent.depth + 1 : 0,
    position: row.position,
    kind: row.kind as ColumnKind,
    pageSize: row.page_size,
    includesDescendants: Boolean(row.includes_descendants),
    isDisclosure: Boolean(row.is_disclosure),
    reviewLevels: row.review_levels,
    updateType: row.update_type as ColumnUpdateType,
    linkUrl: row.link_url,
    pageBodyHtml: row.page_body_html,
    listTemplate: row.list_template,
    articleTemplate: row.article_template,
    fieldSchema: JSON.parse(row.field_schema),
    topic: row.kind === 'topic' ? parseTopicSettings(row.topic) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}
