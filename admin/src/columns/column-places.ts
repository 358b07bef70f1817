import type { ColumnNode } from '../types.ts'

/** Where a column stands in its site's tree: its parent (null at the top) and its siblings, itself included. */
export interface ColumnPlace {
  readonly column: ColumnNode
  readonly parentId: number | null
  readonly siblings: readonly ColumnNode[]
}

/** The column with `id` and its place, or null when the tree no longer holds it. */
export function placeOf(roots: readonly ColumnNode[], id: number): ColumnPlace | null {
  const search = (siblings: readonly ColumnNode[], parentId: number | null): ColumnPlace | null => {
    for (const column of siblings) {
      if (column.id === id) return { column, parentId, siblings }
      const below = search(column.children, column.id)
      if (below) return below
    }
    return null
  }
  return search(roots, null)
}

/** The ids of the siblings with `id` put at `position` among the others. */
export function orderWith(siblingIds: readonly number[], id: number, position: number): number[] {
  const others = siblingIds.filter((sibling) => sibling !== id)
  const at = Math.max(0, Math.min(position, others.length))
  return [...others.slice(0, at), id, ...others.slice(at)]
}

/** Every column id in the tree that has children: the ones to show opened. */
export function parentIds(roots: readonly ColumnNode[]): number[] {
  return roots.flatMap((column) =>
    column.children.length > 0 ? [column.id, ...parentIds(column.children)] : [],
  )
}
