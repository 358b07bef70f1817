import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { ArticleRow, Database, Store } from '../store/index.ts'
import { inColumns, inColumnsByPart } from './article-membership.ts'
import { KeptWhileUnchanged, listChangeNumber, statementsKey } from './kept-while-unchanged.ts'

type ArticleSelect = SelectQueryBuilder<Database, 'articles', object>
type Condition = (eb: ExpressionBuilder<Database, 'articles'>) => Expression<SqlBool>

export type ListSort = 'default' | 'publishAt' | 'updatedAt' | 'createdAt' | 'title' | 'id'

const sortColumns = {
  publishAt: 'publish_at',
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  title: 'title',
  id: 'id',
} as const

/** Which articles a list page reads: the filters, and the columns (with their quotes) if any. */
export interface ListScope {
  readonly siteId: number
  /** Every filter but the column: status, words, author, dates, live or deleted. */
  readonly filters: readonly Condition[]
  /** The column and, for a section, its descendants; null for the whole site. */
  readonly columnIds: readonly number[] | null
  /** Whether any article is quoted (引用) into those columns. */
  readonly hasQuotes: boolean
  readonly sort: ListSort
  readonly order: 'asc' | 'desc'
  readonly limit: number
  readonly offset: number
  /** False: every row's body_html is left empty, unread (lists that show no body). */
  readonly withBodies: boolean
}

/**
 * Every article column but the body, for lists that show none (the admin API's). A column added
 * to articles and not listed here fails to compile in readListPage, whose rows are whole.
 */
const COLUMNS_BUT_BODY = [
  'id',
  'site_id',
  'column_id',
  'title',
  'subtitle',
  'source',
  'author',
  'summary',
  'keywords',
  'cover_image',
  'attachments',
  'custom_fields',
  'weight',
  'publish_at',
  'first_published_at',
  'status',
  'external_url',
  'url_path',
  'url_column_id',
  'revision',
  'index_no',
  'topic_category',
  'issuing_agency',
  'written_date',
  'document_no',
  'subject_words',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'deleted_at',
  'deleted_by',
  'review_stage',
  'review_comment',
  'unpublish_at',
  'submitted_by',
  'review_trail',
  'pinned_until',
  'copied_from',
] as const satisfies readonly (keyof ArticleRow)[]

/**
 * One page of the admin's list and the total, in three small statements instead of one big
 * one, so that each is answered from an index on both engines whatever the planner's
 * statistics say (a sampled `analyze` after the first full publish once turned the section
 * count into a walk over every article row of the site, 39 ms → 138 ms alone, seconds under
 * load):
 *
 * - the page's ids, from an index walk in list order that reads no article row (OFFSET skips
 *   index entries, not rows);
 * - a section's articles as one ordered arm per column, merged (SQLite's MERGE of a compound
 *   SELECT, PostgreSQL's Merge Append), instead of `column_id in (…)`, which no index gives in
 *   list order, so the whole section was read and sorted for every page;
 * - then the rows of those ids alone.
 */
export async function readListPage(
  store: Store,
  scope: ListScope,
): Promise<{ readonly rows: readonly ArticleRow[]; readonly total: number }> {
  // Read first: the totals and landmarks kept with it are read after, so at least as new.
  const generation = await listChangeNumber(store, scope.siteId)
  const [ids, total] = [await pageIds(store, scope, generation), await countList(store, scope, generation)]
  if (ids.length === 0) return { rows: [], total }
  const rows: ArticleRow[] = scope.withBodies
    ? await store.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute()
    : // Twenty bodies of 2,000 Chinese characters made JavaScript strings: 0.7 of 0.8 ms.
      (await store.db.selectFrom('articles').select(COLUMNS_BUT_BODY).where('id', 'in', ids).execute()).map(
        (row) => ({ ...row, body_html: '' }),
      )
  const byId = new Map(rows.map((row) => [row.id, row]))
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total }
}

/** The site's articles that pass every filter. */
function filtered(store: Store, scope: ListScope): ArticleSelect {
  return scope.filters.reduce(
    (select, filter) => select.where(filter),
    store.db.selectFrom('articles').where('site_id', '=', scope.siteId),
  )
}

/**
 * Sections with more columns than this are read in one statement (and sorted): SQLite refuses a
 * compound SELECT of more than 500 parts, and merging hundreds of index walks gains little.
 */
export const MAX_MERGED_COLUMNS = 64

/** The articles of the scope: the whole site, or one arm per column of a section (and its quotes). */
function arms(store: Store, scope: ListScope): ArticleSelect[] {
  if (scope.columnIds === null) return [filtered(store, scope)]
  if (scope.columnIds.length > MAX_MERGED_COLUMNS)
    return [filtered(store, scope).where(inColumns(scope.columnIds))]
  const { home, quoted } = inColumnsByPart(scope.columnIds, scope.hasQuotes)
  return [...home, ...(quoted ? [quoted] : [])].map((part) => filtered(store, scope).where(part))
}

/**
 * A list's totals, counted once for as long as the site's change number stands (kept-while-
 * unchanged.ts). A count walks every index entry of what it counts (100,000 for a whole site,
 * every title for a title search: 6–20 ms on SQLite, 11–23 ms on PostgreSQL), and the list is
 * asked for it on every page. The count statements themselves, with their parameters, are the
 * key: two requests share a total exactly when they would run the same count.
 */
const totals = new KeptWhileUnchanged<number>(500)

/**
 * Where rows of a list in its default order stood, kept likewise: a page past a landmark is
 * read from the index after the landmark's key instead of walking every entry before it
 * (page 2,001 walked 40,000 entries: 5–7 ms on either engine, on every request).
 */
const landmarks = new KeptWhileUnchanged<readonly Landmark[]>(200)
const MAX_LANDMARKS = 64

/** A row of a list in its default order: where it stood and its sort key. */
interface Landmark {
  readonly position: number
  readonly key: DefaultKey
}

interface DefaultKey {
  readonly weight: number
  /** publish_at as stored: PostgreSQL's text keeps the microseconds a JavaScript Date drops. */
  readonly publishKey: string | null
  readonly id: number
}

async function pageIds(store: Store, scope: ListScope, generation: number): Promise<number[]> {
  const keys = sortKeys(scope)
  const plain = arms(store, scope)
  if (scope.sort !== 'default') {
    const rows = await readPage(store, plain, keys, scope.offset, scope.limit)
    return rows.map((row) => Number(row.id))
  }
  const listKey = statementsKey([inListOrder(union(plain.map((arm) => selectKeys(store, arm, keys))), keys)])
  const known = landmarks.get(store, listKey, generation) ?? []
  const before = known.filter((mark) => mark.position < scope.offset).at(-1)
  const from = before ? before.position + 1 : 0
  // One row before the page too, to mark where the page starts for the next request.
  const first = Math.max(from, scope.offset - 1)
  const parts = before ? plain.flatMap((arm) => after(before.key).map((part) => arm.where(part))) : plain
  const rows = await readPage(store, parts, keys, first - from, scope.offset + scope.limit - first)
  const marks: Landmark[] = rows.map((row, i) => ({
    position: first + i,
    key: { weight: Number(row.weight), publishKey: row.publish_key as string | null, id: Number(row.id) },
  }))
  const added = [marks.find((mark) => mark.position === scope.offset - 1), marks.at(-1)].flatMap((mark) =>
    mark && !known.some((other) => other.position === mark.position) ? [mark] : [],
  )
  if (added.length > 0)
    landmarks.set(
      store,
      listKey,
      generation,
      [...known, ...added].sort((a, b) => a.position - b.position).slice(-MAX_LANDMARKS),
    )
  return rows.slice(scope.offset - first).map((row) => Number(row.id))
}

/**
 * The rows after `key` in the default order (pinned first, newest first, unpublished last,
 * then by id), as disjoint parts each an index range in that order, merged like a section's
 * arms: an OR of them would be read by neither engine in order.
 */
function after(key: DefaultKey): Condition[] {
  const { weight, publishKey, id } = key
  const lighter: Condition = (eb) => eb('weight', '<', weight)
  if (publishKey === null)
    return [
      (eb) => eb.and([eb('weight', '=', weight), eb('publish_at', 'is', null), eb('id', '<', id)]),
      lighter,
    ]
  return [
    (eb) => eb.and([eb('weight', '=', weight), eb('publish_at', '=', publishKey), eb('id', '<', id)]),
    (eb) => eb.and([eb('weight', '=', weight), eb('publish_at', '<', publishKey)]),
    (eb) => eb.and([eb('weight', '=', weight), eb('publish_at', 'is', null)]),
    lighter,
  ]
}

function union(selects: readonly ArticleSelect[]): ArticleSelect {
  return selects.slice(1).reduce((all, arm) => all.unionAll(arm), selects[0] as ArticleSelect)
}

/** The sort keys of an arm's rows; in the default order also publish_at as stored. */
function selectKeys(store: Store, arm: ArticleSelect, keys: readonly SortKey[]): ArticleSelect {
  const columns = arm.select(keys.map((key) => key.column))
  if (!keys.some((key) => key.column === 'publish_at')) return columns
  const stored = store.engine === 'postgres' ? sql<string>`publish_at::text` : sql<string>`publish_at`
  return columns.select(stored.as('publish_key'))
}

async function readPage(
  store: Store,
  parts: readonly ArticleSelect[],
  keys: readonly SortKey[],
  offset: number,
  limit: number,
): Promise<Record<string, unknown>[]> {
  // PostgreSQL appends a section's arms and sorts all they hold (20,085 rows, 7 ms, for a page
  // of 20) where SQLite merges them in order; each arm's own first offset + limit rows, read in
  // list order from its index, are all the page can hold.
  const selects =
    store.engine === 'postgres' && parts.length > 1
      ? parts.map(
          (arm) =>
            store.db
              .selectFrom(
                inListOrder(selectKeys(store, arm, keys), keys)
                  .limit(offset + limit)
                  .as('arm'),
              )
              .selectAll() as unknown as ArticleSelect,
        )
      : parts.map((arm) => selectKeys(store, arm, keys))
  return (await inListOrder(union(selects), keys).limit(limit).offset(offset).execute()) as Record<
    string,
    unknown
  >[]
}

function inListOrder(select: ArticleSelect, keys: readonly SortKey[]): ArticleSelect {
  let ordered = select
  for (const key of keys) {
    ordered = ordered.orderBy(sql.ref(key.column), (order) => {
      const directed = key.direction === 'desc' ? order.desc() : order.asc()
      return key.isNullsLast ? directed.nullsLast() : directed
    })
  }
  return ordered
}

async function countList(store: Store, scope: ListScope, generation: number): Promise<number> {
  const ids = scope.columnIds
  // A section's own articles count in one statement: `column_id in (…)` is an index range,
  // and a count needs no order.
  const counted = (
    ids === null || ids.length > MAX_MERGED_COLUMNS
      ? arms(store, scope)
      : [filtered(store, scope).where('column_id', 'in', ids), ...arms(store, scope).slice(ids.length)]
  ).map((select) => select.select((eb) => eb.fn.countAll<number | string>().as('n')))
  const key = statementsKey(counted)
  const kept = totals.get(store, key, generation)
  if (kept !== undefined) return kept
  let total = 0
  for (const select of counted) {
    // PostgreSQL returns COUNT(*) as a string (bigint).
    total += Number((await select.executeTakeFirstOrThrow()).n)
  }
  totals.set(store, key, generation, total)
  return total
}

interface SortKey {
  readonly column: 'weight' | 'publish_at' | 'updated_at' | 'created_at' | 'title' | 'id'
  readonly direction: 'asc' | 'desc'
  readonly isNullsLast: boolean
}

/** Pinned first, then newest first (articles not yet published last), then by id. */
function sortKeys(scope: ListScope): SortKey[] {
  if (scope.sort === 'default')
    return [
      { column: 'weight', direction: 'desc', isNullsLast: false },
      { column: 'publish_at', direction: 'desc', isNullsLast: true },
      { column: 'id', direction: 'desc', isNullsLast: false },
    ]
  const column = sortColumns[scope.sort]
  return column === 'id'
    ? [{ column, direction: scope.order, isNullsLast: false }]
    : [
        { column, direction: scope.order, isNullsLast: false },
        { column: 'id', direction: scope.order, isNullsLast: false },
      ]
}
