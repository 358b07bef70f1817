import { useCallback, useEffect, useState } from 'react'
import { api } from '../api.ts'
import type { ColumnNode } from '../types.ts'

/** The site's column tree, read again whenever `reload` is called (after every change to it). */
export function useColumnTree(siteId: number | null): {
  readonly columns: readonly ColumnNode[]
  reload(): void
} {
  const [columns, setColumns] = useState<readonly ColumnNode[]>([])
  const [version, setVersion] = useState(0)

  useEffect(() => {
    void version
    if (siteId === null) return setColumns([])
    let isCurrent = true
    api<{ roots: ColumnNode[] }>('GET', `/api/sites/${siteId}/columns`).then(
      ({ roots }) => isCurrent && setColumns(roots),
      () => isCurrent && setColumns([]),
    )
    return () => {
      isCurrent = false
    }
  }, [siteId, version])

  const reload = useCallback(() => setVersion((current) => current + 1), [])
  return { columns, reload }
}
