import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { ColumnNode } from '../types.ts'

const NONE: readonly ColumnNode[] = []

/** The query key of a site's column tree, for screens that change it. */
export const columnTreeKey = (siteId: number) => [`/api/sites/${siteId}/columns`] as const

/** The site's column tree, read again whenever `reload` is called (after every change to it). */
export function useColumnTree(siteId: number | null): {
  readonly columns: readonly ColumnNode[]
  reload(): void
} {
  const client = useQueryClient()
  const { data } = useQuery({
    queryKey: columnTreeKey(siteId ?? 0),
    select: (answer: { roots: ColumnNode[] }) => answer.roots,
    enabled: siteId !== null,
  })
  const reload = useCallback(() => {
    if (siteId !== null) void client.invalidateQueries({ queryKey: columnTreeKey(siteId) })
  }, [client, siteId])
  return { columns: siteId === null ? NONE : (data ?? NONE), reload }
}
