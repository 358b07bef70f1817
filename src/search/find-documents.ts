import { type Expression, type SqlBool, sql } from 'kysely'
import type { Store } from '../store/index.ts'
import {
  fts5Excluded,
  fts5Included,
  type MatchAlternatives,
  titleHolds,
  tsQueryExpression,
} from './match-expressions.ts'

/** What to find: the match, where, and which page of it in which order. */
export interface DocumentFilter {
  readonly siteIds: readonly number[]
  /**
   * Documents at home in these columns, or quoted into them (引用). They must be columns of the
   * searched sites (the caller checks): on SQLite their tokens then stand for the site's too.
   */
  readonly columnIds?: readonly number[]
  /** Sort keys (write-search-documents.ts) from, inclusive, and to, exclusive. */
  readonly fromKey?: number
  readonly toKey?: number
  readonly issuingAgency?: string
  readonly documentNo?: string
}

/**
 * Matches are counted up to this many, and paged through as far: counting every one of 100,000
 * matches of a phrase read every position of every match, and no visitor reads past page 50.
 */
export const MAX_COUNTED = 1_000

export interface FoundPage {
  /** At most MAX_COUNTED + 1: more than MAX_COUNTED means "more than that many". */
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
  const matches = await engine.matches(match, options.isTitleOnly, filter)
  const total = matches.length
  if (total === 0 || options.offset >= Math.min(total, MAX_COUNTED)) return { total, keys: [] }
  const end = options.offset + options.limit
  if (total <= MAX_COUNTED) {
    // Every match is known: the page is cut from them, and the tiers found by the titles.
    const keys = [...matches].sort((a, b) => b - a)
    if (options.isTitleOnly || !options.byRelevance) return { total, keys: keys.slice(options.offset, end) }
    const titles = await titlesOf(store, keys)
    const inTitle = keys.filter((key) => titleHolds(titles.get(key) ?? '', match))
    const rest = keys.filter((key) => !titleHolds(titles.get(key) ?? '', match))
    return { total, keys: [...inTitle, ...rest].slice(options.offset, end) }
  }
  if (options.isTitleOnly || !options.byRelevance) {
    return {
      total,
      keys: await engine.page(match, options.isTitleOnly, filter, options.offset, options.limit),
    }
  }
  // The title tier's page first. A full page needs nothing more, and a short one ends the tier
  // on this page, so the body tier starts at its own beginning; only a page past the tier's end
  // counts the tier to know where in the body tier it starts. Counting it first, as before,
  // read every title match of a filtered range again for every page.
  const keys = await engine.page(match, true, filter, options.offset, options.limit)
  if (keys.length === options.limit) return { total, keys }
  const offset =
    keys.length > 0 ? 0 : Math.max(0, options.offset - (await engine.matches(match, true, filter)).length)
  keys.push(...(await engine.page(match, 'body-only', filter, offset, options.limit - keys.length)))
  return { total, keys }
}

/** The titles of documents by sort key. */
async function titlesOf(store: Store, keys: readonly number[]): Promise<Map<number, string>> {
  const titles = new Map<number, string>()
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await store.db
      .selectFrom('search_documents')
      .select(['sort_key', 'title'])
      .where('sort_key', 'in', keys.slice(i, i + 500))
      .execute()
    for (const row of rows) titles.set(Number(row.sort_key), row.title)
  }
  return titles
}

type Where = 'title' | 'all' | 'body-only'

interface Finder {
  /** The matches' sort keys, in no order, MAX_COUNTED + 1 at most: all of them when fewer. */
  matches(match: MatchAlternatives, isTitleOnly: boolean, filter: DocumentFilter): Promise<number[]>
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

/**
 * SQLite: the site and the columns are tokens of the document's `scope` (write-search-documents.ts)
 * and a date range is a range of row ids, so a search of a site, a column or a period is
 * answered by the full-text index alone; documents are read only for 发文机关 and 文号.
 */
function sqliteFinder(store: Store): Finder {
  // The documents in scope less those with an excluded word, and then those with every word:
  // FTS5 reads `A NOT B` by testing each of A against B, so `words NOT unwanted` checked a
  // phrase's positions in every document that has its pairs (`"量值溯源" -培训` on the
  // benchmark: all 100,000, 78 ms), where `(scope NOT unwanted) AND words` checks them only in
  // the few without 培训 (6 times faster). The matches are the same.
  const expression = (match: MatchAlternatives, where: Where, filter: DocumentFilter) => {
    const anyOf = (tokens: readonly string[]) => `{scope} : (${tokens.join(' OR ')})`
    // A column belongs to one of the searched sites (DocumentFilter), so its tokens are the
    // whole scope: ANDing the site's token, held by every document of the site, made FTS5
    // step through a list as long as the site and took 2 to 3 times as long.
    let base =
      filter.columnIds && filter.columnIds.length > 0
        ? anyOf(filter.columnIds.map((id) => `c${id}`))
        : anyOf(filter.siteIds.map((id) => `s${id}`))
    const unwanted = fts5Excluded(match)
    if (unwanted) base = `(${base}) NOT (${unwanted})`
    if (where === 'body-only') base = `(${base}) NOT (${fts5Included(match, true)})`
    return `(${base}) AND (${fts5Included(match, where === 'title')})`
  }
  const query = (match: MatchAlternatives, where: Where, filter: DocumentFilter) => {
    const conditions: Expression<SqlBool>[] = [
      sql<SqlBool>`search_fts match ${expression(match, where, filter)}`,
    ]
    if (filter.fromKey !== undefined) conditions.push(sql<SqlBool>`f.rowid >= ${filter.fromKey}`)
    if (filter.toKey !== undefined) conditions.push(sql<SqlBool>`f.rowid < ${filter.toKey}`)
    const needsRows = Boolean(filter.issuingAgency || filter.documentNo)
    if (filter.issuingAgency) conditions.push(sql<SqlBool>`d.issuing_agency = ${filter.issuingAgency}`)
    if (filter.documentNo) conditions.push(sql<SqlBool>`d.document_no = ${filter.documentNo}`)
    const from = needsRows
      ? sql`search_fts f join search_documents d on d.sort_key = f.rowid`
      : sql`search_fts f`
    return sql`from ${from} where ${sql.join(conditions, sql` and `)}`
  }
  return {
    async matches(match, isTitleOnly, filter) {
      // In FTS5's own order: newest first reads the index backwards, which took twice as long.
      const { rows } = await sql<{ k: number }>`select f.rowid as k
        ${query(match, isTitleOnly ? 'title' : 'all', filter)} limit ${MAX_COUNTED + 1}`.execute(store.db)
      return rows.map((row) => Number(row.k))
    },
    async page(match, where, filter, offset, limit) {
      const { rows } = await sql<{ k: number }>`select f.rowid as k ${query(match, whereOf(where), filter)}
        order by f.rowid desc limit ${limit} offset ${offset}`.execute(store.db)
      return rows.map((row) => Number(row.k))
    },
  }
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
    return sql<SqlBool>`${sql.join(conditions, sql` and `)}`
  }
  // The chunks hold the site and the sort key: documents are joined only for a column, 发文机关
  // or 文号. Joined for every match, 计量's 100,000 chunks took 290 ms more than finding them.
  const from = (match: MatchAlternatives, where: Where, filter: DocumentFilter) => {
    const needsRows = Boolean(
      (filter.columnIds && filter.columnIds.length > 0) || filter.issuingAgency || filter.documentNo,
    )
    const conditions: Expression<SqlBool>[] = [
      sql<SqlBool>`c.site_id in (${sql.join(filter.siteIds)})`,
      query(match, where),
    ]
    if (needsRows) conditions.push(...documentConditions(filter, sql`c.sort_key`))
    else {
      if (filter.fromKey !== undefined) conditions.push(sql<SqlBool>`c.sort_key >= ${filter.fromKey}`)
      if (filter.toKey !== undefined) conditions.push(sql<SqlBool>`c.sort_key < ${filter.toKey}`)
    }
    return sql`from search_chunks c ${needsRows ? sql`join search_documents d on d.sort_key = c.sort_key` : sql``}
      where ${sql.join(conditions, sql` and `)}`
  }
  return {
    async matches(match, isTitleOnly, filter) {
      const { rows } = await sql<{ k: string }>`select c.sort_key as k
        ${from(match, isTitleOnly ? 'title' : 'all', filter)} group by c.sort_key limit ${MAX_COUNTED + 1}`.execute(
        store.db,
      )
      return rows.map((row) => Number(row.k))
    },
    async page(match, where, filter, offset, limit) {
      const { rows } = await sql<{ k: string }>`select c.sort_key as k ${from(match, whereOf(where), filter)}
        group by c.sort_key order by c.sort_key desc limit ${limit} offset ${offset}`.execute(store.db)
      return rows.map((row) => Number(row.k))
    },
  }
}
