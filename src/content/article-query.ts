import { type Expression, sql } from 'kysely'
import { z } from 'zod'
import { parseZonedMinute } from '../markup/index.ts'
import type { ArticleRow, Store } from '../store/index.ts'
import { type Article, articleStatuses, toArticle } from './article.ts'
import { type ListScope, readListPage } from './article-list-page.ts'
import { isCalendarDate } from './calendar-date.ts'
import { loadColumnTree } from './column-service.ts'
import { recordIdSchema } from './record-id.ts'
import { findSite } from './site-service.ts'
import { validateInput } from './validate-input.ts'

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD|a date must be YYYY-MM-DD')
  .refine(isCalendarDate, '不是存在的日期|not a real date')

export const articleQuerySchema = z
  .object({
    site: z.union([recordIdSchema, z.string().min(1)]),
    columnId: recordIdSchema.optional(),
    /** With columnId: the column's descendants' articles too. */
    includesDescendants: z.boolean().default(false),
    status: z.enum(articleStatuses).optional(),
    /** Words in the title. */
    text: z.string().trim().max(100).optional(),
    /** The user name of whoever created it. */
    createdBy: z.string().trim().max(100).optional(),
    /** Publish time (or, before publication, creation time) from this day on, in the site's zone. */
    from: isoDay.optional(),
    /** … up to and including this day. */
    to: isoDay.optional(),
    /** One of a fixed set of fields; `default` is pinned first, then newest first. */
    sort: z.enum(['default', 'publishAt', 'updatedAt', 'createdAt', 'title', 'id']).default('default'),
    order: z.enum(['asc', 'desc']).default('desc'),
    /** The recycle bin instead of the live articles. */
    isDeleted: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
    /** False: each article's bodyHtml is left empty, unread, for lists that show no body. */
    withBodies: z.boolean().default(true),
  })
  .strict()

export type ArticleQuery = z.input<typeof articleQuerySchema>

/** Finds a site's published articles by the words of their title and body (the site search's index). */
export interface ArticleTextIndex {
  /** The matching articles' ids as a subquery, or null when the words hold nothing to search for. */
  articleIds(siteId: number, text: string): Expression<number> | null
}

/**
 * Articles of a site, pinned first, then newest first. A column's list includes the
 * articles quoted into it (引用) as well as those at home there.
 */
export async function listArticles<A>(
  store: Store,
  input: ArticleQuery,
  toArticle: (row: ArticleRow, alsoInColumnIds: readonly number[]) => A,
  textIndex: ArticleTextIndex | null = null,
): Promise<{ readonly items: readonly A[]; readonly total: number }> {
  const query = validateInput(articleQuerySchema, input)
  const site = await findSite(store.db, query.site)
  let columnIds: number[] | null = null
  if (query.columnId !== undefined) {
    const tree = await loadColumnTree(store.db, site.id)
    columnIds = [query.columnId, ...(query.includesDescendants ? tree.descendantIds(query.columnId) : [])]
  }

  const filters: ListScope['filters'][number][] = [
    (eb) => eb('deleted_at', query.isDeleted ? 'is not' : 'is', null),
  ]
  const { status, createdBy } = query
  if (status) filters.push((eb) => eb('status', '=', status))
  if (query.text) {
    // Any article by its title; a published one by its body too, from the search index.
    const titleHas = titleCondition(query.text)
    const indexed = textIndex?.articleIds(site.id, query.text) ?? null
    filters.push((eb) => (indexed ? eb.or([titleHas, eb('id', 'in', indexed)]) : titleHas))
  }
  if (createdBy) filters.push((eb) => eb('created_by', '=', createdBy))
  const shownAt = sql<string>`coalesce(publish_at, created_at)`
  // Days as the site counts them: from its midnight, not UTC's.
  const midnight = (day: string) => parseZonedMinute(`${day} 00:00`, site.time_zone) ?? `${day}T00:00:00.000Z`
  const { from, to } = query
  if (from) filters.push((eb) => eb(shownAt, '>=', midnight(from)))
  if (to) filters.push((eb) => eb(shownAt, '<', midnight(nextDay(to))))
  // Without quotes (引用) into these columns, the home arms alone make the list.
  const hasQuotes =
    columnIds !== null &&
    (await store.db
      .selectFrom('article_columns')
      .select('article_id')
      .where('column_id', 'in', columnIds)
      .limit(1)
      .executeTakeFirst()) !== undefined
  const { rows, total } = await readListPage(store, {
    siteId: site.id,
    filters,
    columnIds,
    hasQuotes,
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    offset: query.offset,
    withBodies: query.withBodies,
  })
  const quotes = await quotesOf(
    store,
    rows.map((row) => row.id),
  )
  return { items: rows.map((row) => toArticle(row, quotes.get(row.id) ?? [])), total }
}

/**
 * The admin's article list as content.articles.list answers it, on any store: the server's
 * connection, or a reader thread's (search/article-list-readers.ts).
 */
export function listArticlesOf(
  store: Store,
  input: ArticleQuery,
  textIndex: ArticleTextIndex | null,
): Promise<{ readonly items: readonly Article[]; readonly total: number }> {
  return listArticles(store, input, toArticle, textIndex)
}

async function quotesOf(store: Store, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const byArticle = new Map<number, number[]>()
  if (articleIds.length === 0) return byArticle
  const rows = await store.db
    .selectFrom('article_columns')
    .select(['article_id', 'column_id'])
    .where('article_id', 'in', articleIds)
    .orderBy('column_id')
    .execute()
  for (const row of rows)
    byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row.column_id])
  return byArticle
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10)
}

/**
 * The title holds every word and none of the `-words`, as the site search reads a query
 * (quotes keep a phrase together); a title match finds drafts the index does not hold.
 */
function titleCondition(text: string) {
  const words = text.match(/-?["“][^"”]*["”]?|\S+/g) ?? []
  const conditions = words.flatMap((word) => {
    const isExcluded = word.startsWith('-') && word.length > 1
    const bare = (isExcluded ? word.slice(1) : word).replace(/^["“]|["”]$/g, '')
    if (!bare) return []
    const like = sql<boolean>`title like ${`%${escapeLike(bare)}%`} escape '\\'`
    return [isExcluded ? sql<boolean>`not (${like})` : like]
  })
  return conditions.length > 0 ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`1 = 1`
}

/** `like` patterns treat % and _ as wildcards; a search for "100%" means the text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
