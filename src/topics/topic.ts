import type { ColumnNode, ColumnTree } from '../content/index.ts'
import { DEFAULT_TOPIC_SETTINGS } from '../content/index.ts'

/** A 专题 as the admin and the API show it: its column, its settings and its sub-columns. */
export interface Topic {
  readonly id: number
  readonly siteId: number
  readonly parentId: number | null
  readonly name: string
  readonly slug: string
  readonly path: string
  readonly banner: string | null
  readonly templateSet: string
  readonly subColumns: readonly { readonly id: number; readonly name: string; readonly path: string }[]
}

export function toTopic(node: ColumnNode): Topic {
  const settings = node.topic ?? DEFAULT_TOPIC_SETTINGS
  return {
    id: node.id,
    siteId: node.siteId,
    parentId: node.parentId,
    name: node.name,
    slug: node.slug,
    path: node.path,
    banner: settings.banner,
    templateSet: settings.templateSet,
    subColumns: node.children.map((child) => ({ id: child.id, name: child.name, path: child.path })),
  }
}

/** The site's topics, in the order of the column tree. */
export function topicsOf(tree: ColumnTree): Topic[] {
  return tree
    .all()
    .filter((node) => node.kind === 'topic')
    .map(toTopic)
}
