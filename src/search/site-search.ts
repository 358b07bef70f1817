import { sql } from 'kysely'
import type { z } from 'zod'
import { loadColumnTree, parseZonedMinute, validateInput } from '../content/index.ts'
import { NotFoundError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import { findDocuments, MAX_COUNTED } from './find-documents.ts'
import { highlightText, snippetOf } from './highlight-text.ts'
import { withSynonyms } from './match-expressions.ts'
import { parseSearchQuery, type SearchQuery } from './parse-search-query.ts'
import { withSearchDeadline } from './search-deadline.ts'
import type { SearchKind } from './search-document.ts'
import { countSearch } from './search-log.ts'
import type { SearchReaders } from './search-readers.ts'
import { type SearchRequest, searchRequestSchema } from './search-request.ts'
import { queryTokens } from './search-tokens.ts'
import { suggestBySound } from './suggest-by-sound.ts'
import { synonymsOf } from './synonyms.ts'
import { sortKeyAt } from './write-search-documents.ts'

export const PAGE_SIZE = 20

export interface SearchHit {
  readonly siteId: number
  readonly kind: SearchKind
  readonly id: number
  readonly title: string
  /** The title as HTML: escaped, the query's words in `<mark>`. */
  readonly titleHtml: string
  /** The full URL, on the site's base URL. */
  readonly url: string
  /** The path below the site's base path. */
  readonly path: string
  readonly publishTime: string | null
  readonly column: { readonly id: number; readonly name: string }
  readonly snippet: string
  readonly snippetHtml: string
}

export interface SearchResults {
  readonly query: string
  /** Matches, counted up to MAX_COUNTED (1,000); `isTotalCapped` when there are more. */
  readonly total: number
  readonly isTotalCapped: boolean
  readonly page: number
  readonly pageSize: number
  readonly pages: number
  readonly results: readonly SearchHit[]
  /** "您是不是要找…": words that sound like the query, when it found nothing. */
  readonly suggestions: readonly string[]
}

/**
 * Searches one site, or the sites of the installation that share their search (站群). The
 * query is parsed (parse-search-query.ts) and found in the index; the page's documents come
 * back with the words marked. Every query is counted by day, without the asker.
 *
 * With `readers` (SQLite under `fabu serve`) the finding runs in one of their worker threads,
 * on a read-only connection of its own, under a deadline: node:sqlite answers synchronously, and
 * on the one connection a search held up every other request. The count for 热门搜索 is
 * kept here and written with others on the store's own connection (search-log.ts).
 */
export async function searchSites(
  store: Store,
  input: SearchRequest,
  readers?: SearchReaders,
): Promise<SearchResults> {
  const request = validateInput(searchRequestSchema, input)
  const query = parseSearchQuery(request.q)
  const { results, matched } = readers
    ? await readers.search(request)
    : await findSearchResults(store, request, query)
  if (request.isLogged && matched !== null) countSearch(store, request.siteId, query, matched)
  return results
}

export type ValidSearchRequest = z.output<typeof searchRequestSchema>

/** The results, and the matches to count for 热门搜索 (null: nothing was searched for). */
export interface FoundResults {
  readonly results: SearchResults
  readonly matched: number | null
}

/** The search itself, reads only: on the store's connection or in a reader (search-readers.ts). */
export async function findSearchResults(
  store: Store,
  request: ValidSearchRequest,
  query: SearchQuery,
): Promise<FoundResults> {
  const site = await store.db
    .selectFrom('sites')
    .select(['id', 'time_zone', 'base_url'])
    .where('id', '=', request.siteId)
    .executeTakeFirst()
  if (!site) throw new NotFoundError('site', request.siteId)
  const sites = request.allSites
    ? await store.db
        .selectFrom('sites')
        .select(['id', 'time_zone', 'base_url'])
        .where(
          sql<boolean>`id = ${site.id} or shares_search = ${store.engine === 'postgres' ? sql`true` : sql`1`}`,
        )
        .execute()
    : [site]
  const empty = {
    query: request.q,
    total: 0,
    isTotalCapped: false,
    page: request.page,
    pageSize: PAGE_SIZE,
    pages: 0,
    results: [],
  }
  if (query.include.length === 0) return { results: { ...empty, suggestions: [] }, matched: null }

  const synonyms = await synonymsOf(store, site.id, query.include)
  const match = withSynonyms(query, (term) =>
    (synonyms.get(term.text) ?? []).flatMap((word) => {
      const tokens = queryTokens(word)
      return tokens ? [tokens] : []
    }),
  )
  let columnIds: number[] | undefined
  if (request.column !== undefined) {
    const tree = await loadColumnTree(store.db, site.id)
    // A column of another site holds none of this site's documents (findDocuments relies on it).
    if (!tree.get(request.column)) return { results: { ...empty, suggestions: [] }, matched: 0 }
    columnIds = [request.column, ...tree.descendantIds(request.column)]
  }
  const midnight = (day: string) => parseZonedMinute(`${day} 00:00`, site.time_zone) ?? `${day}T00:00:00.000Z`
  const found = await withSearchDeadline(store, (deadlined) =>
    findDocuments(
      deadlined,
      match,
      {
        siteIds: sites.map((each) => each.id),
        ...(columnIds ? { columnIds } : {}),
        ...(request.from ? { fromKey: sortKeyAt(midnight(request.from)) } : {}),
        ...(request.to ? { toKey: sortKeyAt(midnight(nextDay(request.to))) } : {}),
        ...(request.issuingAgency ? { issuingAgency: request.issuingAgency } : {}),
        ...(request.documentNo ? { documentNo: request.documentNo } : {}),
      },
      {
        isTitleOnly: request.in === 'title',
        byRelevance: request.sort === 'relevance',
        offset: (request.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      },
    ),
  )
  const words = [...query.include.map((term) => term.text), ...[...synonyms.values()].flat()]
  const results = await hitsOf(
    store,
    found.keys,
    words,
    new Map(sites.map((each) => [each.id, each.base_url])),
  )
  const isFiltered = request.column !== undefined || request.from !== undefined || request.to !== undefined
  const suggestions =
    found.total === 0 && !isFiltered
      ? await withSearchDeadline(store, (deadlined) => suggestBySound(deadlined, site.id, query))
      : []
  const total = Math.min(found.total, MAX_COUNTED)
  return {
    results: {
      query: request.q,
      total,
      isTotalCapped: found.total > MAX_COUNTED,
      page: request.page,
      pageSize: PAGE_SIZE,
      pages: Math.ceil(total / PAGE_SIZE),
      results,
      suggestions,
    },
    matched: found.total,
  }
}

async function hitsOf(
  store: Store,
  keys: readonly number[],
  words: readonly string[],
  baseUrls: ReadonlyMap<number, string>,
): Promise<SearchHit[]> {
  if (keys.length === 0) return []
  const rows = await store.db
    .selectFrom('search_documents as d')
    .leftJoin('columns as c', 'c.id', 'd.column_id')
    .select([
      'd.sort_key',
      'd.site_id',
      'd.kind',
      'd.ref_id',
      'd.title',
      'd.url',
      'd.publish_at',
      'd.column_id',
      'd.body_text',
      'c.name as column_name',
    ])
    .where('d.sort_key', 'in', keys)
    .execute()
  const byKey = new Map(rows.map((row) => [Number(row.sort_key), row]))
  return keys.flatMap((key) => {
    const row = byKey.get(key)
    if (!row) return []
    const snippet = snippetOf(row.body_text, words)
    const base = (baseUrls.get(row.site_id) ?? '').replace(/\/?$/, '/')
    return [
      {
        siteId: row.site_id,
        kind: row.kind,
        id: row.ref_id,
        title: row.title,
        titleHtml: highlightText(row.title, words),
        url: `${base}${row.url}`,
        path: row.url,
        publishTime: row.publish_at === null ? null : new Date(row.publish_at).toISOString(),
        column: { id: row.column_id, name: row.column_name ?? '' },
        snippet: snippet.text,
        snippetHtml: snippet.html,
      },
    ]
  })
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}
