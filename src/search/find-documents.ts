import { type Expression, type SqlBool, sql } from 'kysely'
import type { Store } from '../store/index.ts'
import { fts5Expression, type MatchAlternatives, tsQueryExpression } from './match-expressions.ts'

/** What to find: the match, where, and which page of it in which order. */
export interface DocumentFilter {
  readonly siteIds: readonly number[]
  /** Documents at home in these columns, or quoted into them (引用). */
  readonly columnIds?: readonly number[]
  /** Sort keys (write-search-documents.ts) from, inclusive, and to, exclusive. */
  readonly fromKey?: number
  readonly toKey?: number
  readonly issuingAgency?: string
  readonly documentNo?: string
}

export interface FoundPage {
  readonly total: number
  /** Sort keys of the page's documents, in the order asked. */
  readonly keys: readonly number[]
}

/**
 * Finds documents newest first. Relevance is two tiers: documents whose title holds every
 * word, then the rest, each newest first ("title matches weigh more, then newer"). Both are
 * read in index order and stop after the page: ranking every one of 100,000 matches of a
 * common word by a score took longer than a visitor waits.
 */
export async function findDocuments(
  store: Store,
  match: MatchAlternatives,
  filter: DocumentFilter,
  options: {
    readonly isTitleOnly: boolean
    readonly byRelevance: boolean
    readonly offset: number
    readonly limit: number
  },
): Promise<FoundPage> {
  const engine = store.engine === 'postgres' ? postgresFinder(store) : sqliteFinder(store)
  const total = await engine.count(match, options.isTitleOnly, filter)
  if (total === 0 || options.offset >= total) return { total, keys: [] }
  if (options.isTitleOnly || !options.byRelevance) {
    return {
      total,
      keys: await engine.page(match, options.isTitleOnly, filter, options.offset, options.limit),
    }
  }
  // The title tier's page first: where it ends is known from it unless the page starts past
  // its end, so the title matches are counted only then (a count reads every match).
  const keys = await engine.page(match, true, filter, options.offset, options.limit)
  if (keys.length < options.limit) {
    const inTitle =
      keys.length > 0 || options.offset === 0
        ? options.offset + keys.length
        : await engine.count(match, true, filter)
    const offset = Math.max(0, options.offset - inTitle)
    keys.push(...(await engine.page(match, 'body-only', filter, offset, options.limit - keys.length)))
  }
  return { total, keys }
}

type Where = 'title' | 'all' | 'body-only'

interface Finder {
  count(match: MatchAlternatives, isTitleOnly: boolean, filter: DocumentFilter): Promise<number>
  page(
    match: MatchAlternatives,
    where: boolean | Where,
    filter: DocumentFilter,
    offset: number,
    limit: number,
  ): Promise<number[]>
}

function whereOf(where: boolean | Where): Where {
  return where === true ? 'title' : where === false ? 'all' : where
}

/** The filters on search_documents `d`, the same on both engines. */
function documentConditions(filter: DocumentFilter, key: Expression<number>): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [sql<SqlBool>`d.site_id in (${sql.join(filter.siteIds)})`]
  if (filter.fromKey !== undefined) conditions.push(sql<SqlBool>`${key} >= ${filter.fromKey}`)
  if (filter.toKey !== undefined) conditions.push(sql<SqlBool>`${key} < ${filter.toKey}`)
  if (filter.columnIds && filter.columnIds.length > 0) {
    const ids = sql.join(filter.columnIds)
    conditions.push(
      sql<SqlBool>`(d.column_id in (${ids}) or (d.kind = 'article' and d.ref_id in (select article_id from article_columns where column_id in (${ids}))))`,
    )
  }
  if (filter.issuingAgency) conditions.push(sql<SqlBool>`d.issuing_agency = ${filter.issuingAgency}`)
  if (filter.documentNo) conditions.push(sql<SqlBool>`d.document_no = ${filter.documentNo}`)
  return conditions
}

function sqliteFinder(store: Store): Finder {
  const expression = (match: MatchAlternatives, where: Where) => {
    if (where !== 'body-only') return fts5Expression(match, where === 'title')
    const all = fts5Expression(match, false)
    return `(${all}) NOT (${fts5Expression({ include: match.include, exclude: [] }, true)})`
  }
  const conditions = (filter: DocumentFilter) =>
    sql.join(documentConditions(filter, sql`f.rowid`), sql` and `)
  return {
    async count(match, isTitleOnly, filter) {
      const matching = expression(match, isTitleOnly ? 'title' : 'all')
      if (await isWholeIndex(store, filter)) {
        const { rows } = await sql<{
          total: number
        }>`select count(*) as total from search_fts where search_fts match ${matching}`.execute(store.db)
        return Number(rows[0]?.total ?? 0)
      }
      const { rows } = await sql<{ total: number }>`select count(*) as total from search_fts f
        join search_documents d on d.sort_key = f.rowid
        where search_fts match ${matching} and ${conditions(filter)}`.execute(store.db)
      return Number(rows[0]?.total ?? 0)
    },
    async page(match, where, filter, offset, limit) {
      const { rows } = await sql<{ k: number }>`select f.rowid as k from search_fts f
        join search_documents d on d.sort_key = f.rowid
        where search_fts match ${expression(match, whereOf(where))} and ${conditions(filter)}
        order by f.rowid desc limit ${limit} offset ${offset}`.execute(store.db)
      return rows.map((row) => Number(row.k))
    },
  }
}

/**
 * Whether the filter is one site's and every document indexed is that site's (an installation
 * of one site): FTS5 then counts the matches alone. Joining each of 100,000 matches of a common
 * word to its document, for its site, took ten times as long as counting them.
 */
async function isWholeIndex(store: Store, filter: DocumentFilter): Promise<boolean> {
  const [siteId, ...others] = filter.siteIds
  if (others.length > 0 || filter.columnIds?.length || filter.fromKey !== undefined) return false
  if (filter.toKey !== undefined || filter.issuingAgency || filter.documentNo) return false
  const span = await store.db
    .selectFrom('search_documents')
    .select((eb) => [eb.fn.min('site_id').as('low'), eb.fn.max('site_id').as('high')])
    .executeTakeFirst()
  return span?.low === siteId && span?.high === siteId
}

/**
 * PostgreSQL: a document matches when one of its chunks does; words to exclude are looked for
 * in all of its chunks. A document's words must meet in one chunk (4,000 tokens, about as many
 * characters): docs/search.md says so.
 */
function postgresFinder(store: Store): Finder {
  const query = (match: MatchAlternatives, where: Where) => {
    const required = { include: match.include, exclude: [] }
    const tsQuery = tsQueryExpression(required, where === 'title')
    const conditions: Expression<SqlBool>[] = [sql<SqlBool>`c.tokens @@ ${tsQuery}::tsquery`]
    if (match.exclude.length > 0) {
      const unwanted = tsQueryExpression({ include: [match.exclude.flat()], exclude: [] }, false)
      conditions.push(
        sql<SqlBool>`not exists (select 1 from search_chunks x where x.sort_key = c.sort_key and x.tokens @@ ${unwanted}::tsquery)`,
      )
    }
    if (where === 'body-only') {
      const inTitle = tsQueryExpression(required, true)
      conditions.push(
        sql<SqlBool>`not exists (select 1 from search_chunks t where t.sort_key = c.sort_key and t.tokens @@ ${inTitle}::tsquery)`,
      )
    }
    return sql.join(conditions, sql` and `)
  }
  const from = (match: MatchAlternatives, where: Where, filter: DocumentFilter) =>
    sql`from search_chunks c join search_documents d on d.sort_key = c.sort_key
      where c.site_id in (${sql.join(filter.siteIds)}) and ${query(match, where)} and ${sql.join(documentConditions(filter, sql`c.sort_key`), sql` and `)}`
  return {
    async count(match, isTitleOnly, filter) {
      const { rows } = await sql<{
        total: string
      }>`select count(distinct c.sort_key) as total ${from(match, isTitleOnly ? 'title' : 'all', filter)}`.execute(
        store.db,
      )
      return Number(rows[0]?.total ?? 0)
    },
    async page(match, where, filter, offset, limit) {
      const { rows } = await sql<{ k: string }>`select c.sort_key as k ${from(match, whereOf(where), filter)}
        group by c.sort_key order by c.sort_key desc limit ${limit} offset ${offset}`.execute(store.db)
      return rows.map((row) => Number(row.k))
    },
  }
}
