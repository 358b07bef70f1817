import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import type { ArticleStatus } from '../types.ts'
import { type ArticleFilter, STATUSES } from './article-filters.tsx'

export interface ListQuery extends ArticleFilter {
  readonly page: number
  readonly pageSize: number
  readonly sort: 'default' | 'title' | 'publishAt' | 'updatedAt'
  readonly order: 'asc' | 'desc'
}

const SORTS: readonly ListQuery['sort'][] = ['default', 'title', 'publishAt', 'updatedAt']
const FILTERS = ['text', 'createdBy', 'from', 'to'] as const
const DEFAULTS = { page: 1, pageSize: 20, sort: 'default', order: 'desc' } as const

function whole(value: string | null, fallback: number): number {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : fallback
}

/** What a URL's query string asks of the article list; anything unknown is the default. */
export function listQueryOf(params: URLSearchParams): ListQuery {
  const status = params.get('status') as ArticleStatus | null
  const sort = params.get('sort') as ListQuery['sort'] | null
  const filters: Record<string, string> = {}
  for (const key of FILTERS) {
    const value = params.get(key)
    if (value) filters[key] = value
  }
  return {
    ...filters,
    ...(status && STATUSES.includes(status) ? { status } : {}),
    page: whole(params.get('page'), DEFAULTS.page),
    pageSize: whole(params.get('pageSize'), DEFAULTS.pageSize),
    sort: sort && SORTS.includes(sort) ? sort : DEFAULTS.sort,
    order: params.get('order') === 'asc' ? 'asc' : DEFAULTS.order,
  }
}

/**
 * The article list's filters, page and order, kept in the URL's query string (beside `column`),
 * so Back, a reload and a shared link show the same list. Defaults are left out of the URL.
 */
export function useListQuery(): [ListQuery, (change: (current: ListQuery) => ListQuery) => void] {
  const [params, setParams] = useSearchParams()
  const query = listQueryOf(params)
  const setQuery = useCallback(
    (change: (current: ListQuery) => ListQuery) =>
      setParams((current) => {
        const next = change(listQueryOf(current))
        const written = new URLSearchParams()
        const column = current.get('column')
        if (column) written.set('column', column)
        for (const [key, value] of Object.entries(next)) {
          if (value === undefined || value === '' || DEFAULTS[key as keyof typeof DEFAULTS] === value)
            continue
          written.set(key, String(value))
        }
        return written
      }),
    [setParams],
  )
  return [query, setQuery]
}
