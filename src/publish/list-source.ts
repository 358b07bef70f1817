import type { Store } from '../store/index.ts'
import type { ArticleSummary } from './render-context.ts'
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
  /** The newest members, pinned first. */
  newest(columnId: number, limit: number): Promise<readonly ArticleSummary[]>
}

type MemberColumns = ReadonlyMap<number, readonly number[]>

/** Answers each question with a query: cheap when a change touches a few lists. */
export function queryListSource(
  store: Store,
  siteId: number,
  members: MemberColumns,
  basePath: string,
): ListSource {
  const of = (columnId: number) => membersQuery(store, siteId, members.get(columnId) ?? [columnId])
  return {
    async count(columnId) {
      const row = await of(columnId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    range: (columnId, offset, limit) =>
      of(columnId)
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        .orderBy('publish_at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .offset(offset)
        .execute(),
    async newest(columnId, limit) {
      const rows = await of(columnId)
        .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
        .orderBy('weight', 'desc')
        .orderBy('publish_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((row) => toSummary(row, basePath))
    },
  }
}

/**
 * Reads every published article's list fields once, in publish order, and answers from
 * memory: a full publish asks about every list, and forty sorting queries over the whole
 * site cost more than one pass (about 20 MB at 100,000 articles).
 */
export async function memoryListSource(
  store: Store,
  siteId: number,
  members: MemberColumns,
  basePath: string,
): Promise<ListSource> {
  const rows = await store.db
    .selectFrom('articles')
    .select(['id', 'title', 'url_path', 'publish_at', 'weight', 'column_id'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('url_path', 'is not', null)
    .orderBy('publish_at')
    .orderBy('id')
    .execute()
  const quotes = new Map<number, number[]>()
  const quoted = await store.db
    .selectFrom('article_columns')
    .innerJoin('articles', 'articles.id', 'article_columns.article_id')
    .select(['article_columns.article_id', 'article_columns.column_id'])
    .where('articles.site_id', '=', siteId)
    .execute()
  for (const q of quoted) quotes.set(q.article_id, [...(quotes.get(q.article_id) ?? []), q.column_id])
  const cache = new Map<number, readonly ListRow[]>()
  const membersOf = (columnId: number): readonly ListRow[] => {
    let list = cache.get(columnId)
    if (!list) {
      const wanted = new Set(members.get(columnId) ?? [columnId])
      list = rows.filter(
        (row) => wanted.has(row.column_id) || (quotes.get(row.id)?.some((c) => wanted.has(c)) ?? false),
      )
      cache.set(columnId, list)
    }
    return list
  }
  return {
    count: async (columnId) => membersOf(columnId).length,
    range: async (columnId, offset, limit) => membersOf(columnId).slice(offset, offset + limit),
    async newest(columnId, limit) {
      const list = membersOf(columnId)
      const pinned = list
        .filter((row) => row.weight > 0)
        .sort((a, b) => b.weight - a.weight || compareDesc(a, b))
      const newest: ListRow[] = pinned.slice(0, limit)
      for (let i = list.length - 1; i >= 0 && newest.length < limit; i--) {
        const row = list[i]
        if (row && row.weight <= 0) newest.push(row)
      }
      return newest.map((row) => toSummary(row, basePath))
    },
  }
}

function compareDesc(a: ListRow, b: ListRow): number {
  const byTime = (b.publish_at ?? '').localeCompare(a.publish_at ?? '')
  return byTime !== 0 ? byTime : b.id - a.id
}
