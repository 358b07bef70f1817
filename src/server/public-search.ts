import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { formatZonedMinute } from '../content/index.ts'
import { asFabuError, type FabuError, ValidationError } from '../errors/index.ts'
import type { SearchPageRenderer } from '../publish/index.ts'
import {
  escapeHtml,
  type SearchReaders,
  type SearchRequest,
  type SearchResults,
  searchSites,
} from '../search/index.ts'
import type { Store } from '../store/index.ts'
import { languageOf, sendError } from './api-error.ts'

/** The site a search is made on: its results link under its base path, dates in its time zone. */
export interface SearchSite {
  readonly id: number
  readonly timeZone: string
  readonly basePath: string
}

export interface PublicSearchOptions {
  readonly store: Store
  /** The one site searched, when the public app serves one site; with several, each request's. */
  readonly site?: SearchSite
  /** Renders the theme's search.liquid; without it /search.html is the published page only. */
  readonly pages?: SearchPageRenderer
  /** Searches one address may make a minute (both endpoints together). */
  readonly searchesPerMinute?: number
  /** SQLite: the worker threads that run the searches; without them, the store's connection. */
  readonly readers?: SearchReaders
}

type Query = Readonly<Record<string, string | string[] | undefined>>

/**
 * The site search on the public site: `GET /_fabu/search` answers JSON for themes and the
 * other sites of the installation, `GET /search.html?q=…` the theme's search page with the
 * results, which works with JavaScript off. Both take q, column, from, to, in, sort, page,
 * sites=all, agency (发文机关) and docNo (文号).
 */
export function registerPublicSearch(
  app: FastifyInstance,
  options: PublicSearchOptions,
  of: {
    /** The site the request is for; undefined: no site here, so a 404. */
    readonly site: (request: FastifyRequest) => SearchSite | undefined
    /** Sends the published search.html (no query, or no renderer). */
    readonly sendPage: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  },
): void {
  const rateLimit = { rateLimit: { max: options.searchesPerMinute ?? 120, timeWindow: 60_000 } }

  app.get('/_fabu/search', { config: rateLimit }, async (request, reply) => {
    const site = of.site(request)
    if (!site) return reply.callNotFound()
    reply.header('cache-control', 'public, max-age=30')
    // Public data and no cookies: the other sites of a 站群 may call it from their pages.
    reply.header('access-control-allow-origin', '*')
    try {
      const results = await searchSites(
        options.store,
        requestOf(site.id, request.query as Query, true),
        options.readers,
      )
      return {
        query: results.query,
        total: results.total,
        isTotalCapped: results.isTotalCapped,
        page: results.page,
        pages: results.pages,
        pageSize: results.pageSize,
        results: results.results.map((hit) => ({
          title: hit.title,
          titleHtml: hit.titleHtml,
          url: hit.url,
          publishTime: hit.publishTime,
          column: hit.column.name,
          snippet: hit.snippet,
          snippetHtml: hit.snippetHtml,
        })),
        suggestions: results.suggestions,
      }
    } catch (error) {
      return sendError(request, reply, error)
    }
  })

  app.get('/search.html', { config: rateLimit }, async (request, reply) => {
    const site = of.site(request)
    if (!site) return reply.callNotFound()
    const query = request.query as Query
    if (first(query.q) === undefined || !options.pages) return of.sendPage(request, reply)
    reply.header('cache-control', 'no-cache')
    let results: SearchResults | undefined
    let failure: FabuError | undefined
    try {
      results = await searchSites(options.store, requestOf(site.id, query, true), options.readers)
    } catch (error) {
      failure = asFabuError(error)
      if (failure.status >= 500) return sendError(request, reply, error)
    }
    const view = searchView(site, query, results, failure, languageOf(request))
    reply.code(failure ? failure.status : 200).type('text/html; charset=utf-8')
    try {
      return await options.pages.render(site.id, view)
    } catch (error) {
      const refusal = asFabuError(error)
      if (refusal.status === 503) return sendError(request, reply, refusal)
      request.log.error({ err: error }, 'the search template failed')
      // The theme's template failed: the results still reach the visitor, on a plain page.
      return plainSearchPage(view)
    }
  })
}

/** The query string as a search request; numbers that are not numbers are refused by name. */
function requestOf(siteId: number, query: Query, isLogged: boolean): SearchRequest {
  const number = (name: string) => {
    const value = first(query[name])
    if (value === undefined || value === '') return undefined
    if (!/^\d{1,9}$/.test(value)) throw new ValidationError(name, '须为正整数', 'must be a whole number')
    return Number(value)
  }
  const text = (name: string) => {
    const value = first(query[name])?.trim()
    return value ? value : undefined
  }
  const inField = text('in')
  const sort = text('sort')
  return {
    siteId,
    q: first(query.q) ?? '',
    allSites: text('sites') === 'all',
    ...(number('column') !== undefined ? { column: number('column') } : {}),
    ...(text('from') ? { from: text('from') } : {}),
    ...(text('to') ? { to: text('to') } : {}),
    ...(inField ? { in: inField as 'all' | 'title' } : {}),
    ...(sort ? { sort: sort as 'relevance' | 'time' } : {}),
    ...(number('page') !== undefined ? { page: number('page') } : {}),
    ...(text('agency') ? { issuingAgency: text('agency') } : {}),
    ...(text('docNo') ? { documentNo: text('docNo') } : {}),
    isLogged,
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** What search.liquid sees as `search` (docs/templates.md): plain data, HTML only where marked. */
function searchView(
  site: SearchSite,
  query: Query,
  results: SearchResults | undefined,
  failure: FabuError | undefined,
  language: 'zh' | 'en',
): Record<string, unknown> {
  const params = Object.fromEntries(
    ['q', 'column', 'from', 'to', 'in', 'sort', 'sites', 'agency', 'docNo'].flatMap((name) => {
      const value = first(query[name])
      return value ? [[name, value]] : []
    }),
  )
  const pageUrl = (page: number, extra: Record<string, string> = {}) =>
    `${site.basePath}search.html?${new URLSearchParams({ ...params, ...extra, page: String(page) })}`
  const page = results?.page ?? 1
  return {
    query: first(query.q) ?? '',
    params,
    total: results?.total ?? 0,
    isTotalCapped: results?.isTotalCapped ?? false,
    page,
    pages: results?.pages ?? 0,
    error: failure ? failure.localized(language) : null,
    results: (results?.results ?? []).map((hit) => ({
      title: hit.title,
      titleHtml: hit.titleHtml,
      url: hit.siteId === site.id ? `${site.basePath}${hit.path}` : hit.url,
      publishTime: hit.publishTime ? formatZonedMinute(hit.publishTime, site.timeZone).slice(0, 10) : '',
      column: hit.column.name,
      snippet: hit.snippet,
      snippetHtml: hit.snippetHtml,
    })),
    suggestions: (results?.suggestions ?? []).map((word) => ({ word, url: pageUrl(1, { q: word }) })),
    previousUrl: results && page > 1 ? pageUrl(page - 1) : null,
    nextUrl: results && page < results.pages ? pageUrl(page + 1) : null,
    byTimeUrl: pageUrl(1, { sort: 'time' }),
    byRelevanceUrl: pageUrl(1, { sort: 'relevance' }),
  }
}

/** The results without the theme, when its search template fails: every value escaped. */
function plainSearchPage(view: Record<string, unknown>): string {
  const text = (value: unknown) => escapeHtml(String(value ?? ''))
  const results = view.results as {
    titleHtml: string
    url: string
    publishTime: string
    snippetHtml: string
  }[]
  const items = results
    .map(
      (hit) =>
        `<li><a href="${text(hit.url)}">${hit.titleHtml}</a> <small>${text(hit.publishTime)}</small><p>${hit.snippetHtml}</p></li>`,
    )
    .join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>站内搜索 / Search</title></head><body><h1>站内搜索 / Search</h1><form action="search.html" method="get"><input name="q" value="${text(view.query)}"><button>搜索</button></form><p>${text(view.error ?? `共 ${view.total} 条 / ${view.total} results`)}</p><ol>${items}</ol></body></html>`
}
