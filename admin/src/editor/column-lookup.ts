import type { EditorColumn } from './types.ts'

/** The column with `id` and its ancestors, nearest first (as the server's grants are checked); empty if absent. */
export function columnPath(roots: readonly EditorColumn[], id: number | null): EditorColumn[] {
  if (id === null) return []
  for (const root of roots) {
    if (root.id === id) return [root]
    const below = columnPath(root.children, id)
    if (below.length > 0) return [...below, root]
  }
  return []
}
