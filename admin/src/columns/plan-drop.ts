import type { ColumnNode } from '../types.ts'
import { orderWith, placeOf } from './column-places.ts'

/** What a drop in the column tree asks the server for. */
export type ColumnChange =
  | { readonly kind: 'reorder'; readonly parentId: number | null; readonly orderedIds: readonly number[] }
  | { readonly kind: 'move'; readonly parentId: number | null; readonly position?: number }

export interface Drop {
  readonly draggedId: number
  readonly targetId: number
  /** Dropped between rows (true) or onto the target row (false: becomes its first child). */
  readonly isBetween: boolean
  /** Between rows: -1 above the target, 1 below it. */
  readonly side: -1 | 1
  /** The target shows its children: dropping just below it puts the column first among them. */
  readonly isTargetOpen: boolean
}

/**
 * Turns a drop (as antd's Tree reports it) into a reorder among the same siblings or a move
 * under another parent; null when nothing would change.
 */
export function planDrop(roots: readonly ColumnNode[], drop: Drop): ColumnChange | null {
  const dragged = placeOf(roots, drop.draggedId)
  const target = placeOf(roots, drop.targetId)
  if (!dragged || !target || drop.draggedId === drop.targetId) return null
  let parentId: number | null
  let siblings: readonly ColumnNode[]
  let position: number
  if (!drop.isBetween || (drop.side === 1 && drop.isTargetOpen && target.column.children.length > 0)) {
    parentId = target.column.id
    siblings = target.column.children
    position = 0
  } else {
    parentId = target.parentId
    siblings = target.siblings
    const others = siblings.filter((column) => column.id !== drop.draggedId)
    const index = others.findIndex((column) => column.id === drop.targetId)
    position = drop.side === -1 ? index : index + 1
  }
  if (parentId !== dragged.parentId) return { kind: 'move', parentId, position }
  const before = siblings.map((column) => column.id)
  const orderedIds = orderWith(before, drop.draggedId, position)
  if (orderedIds.every((id, index) => id === before[index])) return null
  return { kind: 'reorder', parentId, orderedIds }
}
