import { sql } from 'kysely'
import { FIELD_NAME, quotesOfSite } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import { type ArticleSummary, type FieldQuery, NEWEST_LIMIT } from '../render/render-context.ts'
import { inPublishOrder, liveArticles } from './publish-order.ts'
import { membersQuery, toSummary } from './site-snapshot.ts'

/** A published article as lists show it. */
export interface ListRow {
  readonly id: number
  readonly title: string
  readonly url_path: string | null
  readonly publish_at: string | null
  readonly weight: number
}

/** Where list pages get their articles: the database per query, or one in-memory pass for a full publish. */
export interface ListSource {
  count(columnId: number): Promise<number>
  /** Members in publish order, oldest first. */
  range(columnId: number, offset: number, limit: number): Promise<readonly ListRow[]>
  /** The newest members: pinned first, then those an editor ordered (排序), then by date. */
  newest(columnId: number, limit: number): Promise<readonly ArticleSummary[]>
  /** How many members come before this place in publish order. */
  countBefore(columnId: number, publishAt: string, id: number): Promise<number>
  /** The newest members whose custom field has the value, pinned first (`newest_where`). */
  newestWhere(query: FieldQuery): Promise<readonly ArticleSummary[]>
}

type MemberColumns = ReadonlyMap<number, readonly number[]>

/**
 * Answers each question with queries that walk an index per member column and merge in
 * memory: an incremental publish asks about a few lists, near their newest end, and one
 * query over all members would sort a whole section of the site for each question.
 */
export function queryListSource(
  store: Store,
  siteId: number,
  members: MemberColumns,
  basePath: string,
  nearTheEnd = NEAR_THE_END,
): ListSource {
  const columnsOf = (columnId: number) => members.get(columnId) ?? [columnId]
  const live = (columnIds: readonly number[]) => liveArticles(store).where('column_id', 'in', columnIds)
  // One run asks the same things many times (every list's newest for the snapshot, then the
  // changed lists' counts, places and tails while planning, a section again for each child):
  // each answer is read once per run. The store does not change under a run's snapshot.
  const remembered = new Map<string, Promise<unknown>>()
  const remember = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let answer = remembered.get(key) as Promise<T> | undefined
    if (!answer) {
      answer = read()
      remembered.set(key, answer)
    }
    return answer
  }
  // Articles quoted into the list but at home elsewhere: few, read whole.
  const quoted = (columnIds: readonly number[]) =>
    remember(`quoted:${columnIds.join(',')}`, () =>
      liveArticles(store)
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        // Driven from the quotes (few) into the articles by key, never the other way round.
        .where('id', 'in', (eb) =>
          eb.selectFrom('article_columns').select('article_id').where('column_id', 'in', columnIds),
        )
        .where('column_id', 'not in', columnIds)
        .where('site_id', '=', siteId)
        .execute(),
    )
  /** A column's own pinned articles. */
  const pinnedIn = (columnId: number) =>
    remember(`pinned:${columnId}`, () =>
      live([columnId])
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        .where('weight', '>', 0)
        .execute(),
    )
  /** The members the column's manual order names and its pins do not place, in that order. */
  const orderedIn = (columnId: number) =>
    remember(`ordered:${columnId}`, async () => {
      const positions = await manualPositions(store, columnId)
      if (positions.size === 0) return []
      const ids = [...positions.keys()]
      const columnIds = columnsOf(columnId)
      const rows: ListRow[] = await live(columnIds)
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        .where('id', 'in', ids)
        .execute()
      rows.push(...(await quoted(columnIds)).filter((row) => positions.has(row.id)))
      return inManualOrder(rows, positions)
    })
  /** A column's own newest `count` articles, newest first: a longer tail read serves shorter ones. */
  const tails = new Map<number, { count: number; rows: Promise<ListRow[]> }>()
  const tailIn = async (columnId: number, count: number): Promise<ListRow[]> => {
    let tail = tails.get(columnId)
    if (!tail || tail.count < count) {
      tail = {
        count,
        rows: live([columnId])
          .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
          .orderBy('publish_at', 'desc')
          .orderBy('id', 'desc')
          .limit(count)
          .execute(),
      }
      tails.set(columnId, tail)
    }
    return (await tail.rows).slice(0, count)
  }
  /** The newest `count` members, newest first, whatever their pin. */
  const tail = async (columnIds: readonly number[], count: number): Promise<ListRow[]> => {
    const rows: ListRow[] = [...(await quoted(columnIds))]
    for (const columnId of columnIds) rows.push(...(await tailIn(columnId, count)))
    return rows.sort(newestFirst).slice(0, count)
  }
  const count = (columnId: number) =>
    remember(`count:${columnId}`, async () => {
      const columnIds = columnsOf(columnId)
      const row = await live(columnIds)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n) + (await quoted(columnIds)).length
    })
  const everything = (columnId: number) => membersQuery(store, siteId, columnsOf(columnId))
  return {
    newestWhere: fieldQueryAnswerer(store, siteId, members, basePath),
    count,
    async range(columnId, offset, limit) {
      const total = await count(columnId)
      const fromEnd = total - offset
      if (fromEnd <= nearTheEnd) return (await tail(columnsOf(columnId), fromEnd)).reverse().slice(0, limit)
      return everything(columnId)
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        .orderBy('publish_at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .offset(offset)
        .execute()
    },
    async newest(columnId, limit) {
      const columnIds = columnsOf(columnId)
      const pinned: ListRow[] = []
      for (const member of columnIds) pinned.push(...(await pinnedIn(member)))
      pinned.push(...(await quoted(columnIds)).filter((row) => row.weight > 0))
      pinned.sort((a, b) => b.weight - a.weight || newestFirst(a, b))
      const ordered = await orderedIn(columnId)
      const isOrdered = new Set(ordered.map((row) => row.id))
      const newest = (await tail(columnIds, limit + pinned.length + ordered.length)).filter(
        (row) => row.weight <= 0 && !isOrdered.has(row.id),
      )
      return [...pinned, ...ordered, ...newest].slice(0, limit).map((row) => toSummary(row, basePath))
    },
    async countBefore(columnId, publishAt, id) {
      const columnIds = columnsOf(columnId)
      const quotedRows = await quoted(columnIds)
      const quotedBefore = quotedRows.filter((q) => compareOrder(q, publishAt, id) < 0).length
      // Counted from whichever end is nearer: a count reads every index entry it counts, and
      // what a run publishes is nearly always at the newest end (a section's count from the
      // oldest took 2.2 ms of a one-article publish at 100,000 articles).
      const fromNewest = await store.db
        .selectFrom(
          live(columnIds)
            .select('id')
            .where(sql<boolean>`(publish_at, id) >= (${publishAt}, ${id})`)
            .limit(nearTheEnd + 1)
            .as('newer'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      // An article without a publish time (none is published so) is counted as before.
      if (publishAt !== '' && Number(fromNewest.n) <= nearTheEnd)
        return (await count(columnId)) - quotedRows.length - Number(fromNewest.n) + quotedBefore
      const row = await live(columnIds)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<boolean>`(publish_at, id) < (${publishAt}, ${id})`)
        .executeTakeFirstOrThrow()
      return Number(row.n) + quotedBefore
    },
  }
}

/**
 * Field queries go to the store in both kinds of run: each is asked once per run, and the
 * full run's in-memory index leaves custom fields out to stay small.
 */
function fieldQueryAnswerer(store: Store, siteId: number, members: MemberColumns, basePath: string) {
  return async (query: FieldQuery): Promise<readonly ArticleSummary[]> => {
    if (!FIELD_NAME.test(query.field)) return []
    const matching = () =>
      membersQuery(store, siteId, members.get(query.columnId) ?? [query.columnId])
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        .where(fieldEquals(store, query.field, query.value))
    const rows: ListRow[] = await matching()
      .orderBy(sql`case when weight > 0 then weight else 0 end`, 'desc')
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .limit(NEWEST_LIMIT)
      .execute()
    // The column's manual order (排序) places its articles after the pinned ones here as in its
    // own lists, older ones too: a list by field that ignored it put them back by date.
    const positions = await manualPositions(store, query.columnId)
    if (positions.size === 0) return rows.map((row) => toSummary(row, basePath))
    const ordered = inManualOrder(
      await matching()
        .where('id', 'in', [...positions.keys()])
        .execute(),
      positions,
    )
    const isOrdered = new Set(ordered.map((row) => row.id))
    const pinned = rows.filter((row) => row.weight > 0)
    const newest = rows.filter((row) => row.weight <= 0 && !isOrdered.has(row.id))
    return [...pinned, ...ordered, ...newest].slice(0, NEWEST_LIMIT).map((row) => toSummary(row, basePath))
  }
}

function fieldEquals(store: Store, field: string, value: string) {
  return sql<boolean>`${store.jsonFieldText('custom_fields', field)} = ${value}`
}

/** A column's manual order: article id → position (0 first). */
async function manualPositions(store: Store, columnId: number): Promise<Map<number, number>> {
  const rows = await store.db
    .selectFrom('column_article_order')
    .select(['article_id', 'position'])
    .where('column_id', '=', columnId)
    .execute()
  return new Map(rows.map((row) => [row.article_id, row.position]))
}

/** Unpinned rows with a place in the manual order, sorted by it; pins come before any order. */
function inManualOrder(rows: readonly ListRow[], positions: ReadonlyMap<number, number>): ListRow[] {
  return rows
    .filter((row) => row.weight <= 0 && positions.has(row.id))
    .sort((a, b) => (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0))
}

/** Lists are asked about near their newest end: the tail is read by index, the rest by one query. */
const NEAR_THE_END = 2_000

function newestFirst(a: ListRow, b: ListRow): number {
  const byTime = (b.publish_at ?? '').localeCompare(a.publish_at ?? '')
  return byTime !== 0 ? byTime : b.id - a.id
}

function compareOrder(row: ListRow, publishAt: string, id: number): number {
  const byTime = (row.publish_at ?? '').localeCompare(publishAt)
  return byTime !== 0 ? byTime : row.id - id
}

/**
 * Reads every published article's list fields once, in publish order, and answers from
 * memory: a full publish asks about every list, and forty sorting queries over the whole
 * site cost more than one pass. The fields are kept in columns (typed arrays and arrays of
 * strings), each list as an array of row numbers: an object per row cost about 730 bytes at
 * 100,000 articles, the columns about a quarter of that.
 */
export async function memoryListSource(
  store: Store,
  siteId: number,
  members: MemberColumns,
  basePath: string,
): Promise<ListSource> {
  const table = await readListTable(store, siteId)
  const cache = new Map<number, Uint32Array>()
  const manualOrders = new Map<number, Promise<Map<number, number>>>()
  const positionsIn = (columnId: number) => {
    let positions = manualOrders.get(columnId)
    if (!positions) {
      positions = manualPositions(store, columnId)
      manualOrders.set(columnId, positions)
    }
    return positions
  }
  const membersOf = (columnId: number): Uint32Array => {
    let list = cache.get(columnId)
    if (!list) {
      list = table.rowsIn(new Set(members.get(columnId) ?? [columnId]))
      cache.set(columnId, list)
    }
    return list
  }
  return {
    newestWhere: fieldQueryAnswerer(store, siteId, members, basePath),
    count: async (columnId) => membersOf(columnId).length,
    countBefore: async (columnId, publishAt, id) => {
      let before = 0
      for (const row of membersOf(columnId)) if (compareOrder(table.row(row), publishAt, id) < 0) before++
      return before
    },
    range: async (columnId, offset, limit) =>
      Array.from(membersOf(columnId).subarray(offset, offset + limit), (row) => table.row(row)),
    async newest(columnId, limit) {
      const list = membersOf(columnId)
      const pinned: ListRow[] = []
      for (const row of list) if ((table.weights[row] ?? 0) > 0) pinned.push(table.row(row))
      pinned.sort((a, b) => b.weight - a.weight || newestFirst(a, b))
      const positions = await positionsIn(columnId)
      const named: ListRow[] = []
      if (positions.size > 0) {
        for (const row of list) if (positions.has(table.ids[row] ?? 0)) named.push(table.row(row))
      }
      const ordered = inManualOrder(named, positions)
      const isOrdered = new Set(ordered.map((row) => row.id))
      const newest = [...pinned, ...ordered].slice(0, limit)
      for (let i = list.length - 1; i >= 0 && newest.length < limit; i--) {
        const row = list[i] ?? 0
        if ((table.weights[row] ?? 0) <= 0 && !isOrdered.has(table.ids[row] ?? 0)) newest.push(table.row(row))
      }
      return newest.map((row) => toSummary(row, basePath))
    },
  }
}

const READ_PAGE = 5_000

interface ListTable {
  readonly ids: readonly number[]
  readonly weights: readonly number[]
  row(index: number): ListRow
  /** The rows at home in the columns or quoted into them, in publish order. */
  rowsIn(columnIds: ReadonlySet<number>): Uint32Array
}

async function readListTable(store: Store, siteId: number): Promise<ListTable> {
  const ids: number[] = []
  const weights: number[] = []
  const homes: number[] = []
  const titles: string[] = []
  const urlPaths: (string | null)[] = []
  const publishAts: (string | null)[] = []
  const query = liveArticles(store)
    .select(['id', 'title', 'url_path', 'publish_at', 'weight', 'column_id'])
    .where('site_id', '=', siteId)
  for await (const rows of inPublishOrder(query, READ_PAGE)) {
    for (const row of rows) {
      ids.push(row.id)
      weights.push(row.weight)
      homes.push(row.column_id)
      titles.push(row.title)
      urlPaths.push(row.url_path)
      publishAts.push(row.publish_at)
    }
  }
  const size = ids.length
  const quotes = await quotesOfSite(store, siteId)
  return {
    ids,
    weights,
    row: (index) => ({
      id: ids[index] ?? 0,
      title: titles[index] ?? '',
      url_path: urlPaths[index] ?? null,
      publish_at: publishAts[index] ?? null,
      weight: weights[index] ?? 0,
    }),
    rowsIn(columnIds) {
      const found: number[] = []
      for (let i = 0; i < size; i++) {
        if (
          columnIds.has(homes[i] ?? 0) ||
          (quotes.get(ids[i] ?? 0)?.some((c) => columnIds.has(c)) ?? false)
        ) {
          found.push(i)
        }
      }
      return Uint32Array.from(found)
    },
  }
}
