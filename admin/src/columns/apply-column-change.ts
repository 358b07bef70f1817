import { api } from '../api.ts'
import type { ColumnChange } from './plan-drop.ts'

/** Sends a reorder or a move to the server; the server refuses cycles (COLUMN_CYCLE) and clashing slugs. */
export async function applyColumnChange(
  siteId: number,
  columnId: number,
  change: ColumnChange,
): Promise<void> {
  if (change.kind === 'reorder') {
    await api('POST', `/api/sites/${siteId}/columns/order`, {
      parentId: change.parentId,
      orderedIds: change.orderedIds,
    })
  } else {
    const { parentId, position } = change
    await api(
      'POST',
      `/api/columns/${columnId}/move`,
      position === undefined ? { parentId } : { parentId, position },
    )
  }
}
