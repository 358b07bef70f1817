import { sql } from 'kysely'
import { z } from 'zod'
import type { ArticleRow, Store } from '../store/index.ts'
import { articleStatuses } from './article.ts'
import { loadColumnTree } from './column-service.ts'
import { recordIdSchema } from './record-id.ts'
import { findSite } from './site-service.ts'
import { validateInput } from './validate-input.ts'

export const articleQuerySchema = z
  .object({
    site: z.union([recordIdSchema, z.string().min(1)]),
    columnId: recordIdSchema.optional(),
    /** With columnId: the column's descendants' articles too. */
    includesDescendants: z.boolean().default(false),
    status: z.enum(articleStatuses).optional(),
    /** Words in the title. */
    text: z.string().trim().max(100).optional(),
    /** The recycle bin instead of the live articles. */
    isDeleted: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict()

export type ArticleQuery = z.input<typeof articleQuerySchema>

/**
 * Articles of a site, pinned first, then newest first. A column's list includes the
 * articles quoted into it (引用) as well as those at home there.
 */
export async function listArticles<A>(
  store: Store,
  input: ArticleQuery,
  toArticle: (row: ArticleRow, alsoInColumnIds: readonly number[]) => A,
): Promise<{ readonly items: readonly A[]; readonly total: number }> {
  const query = validateInput(articleQuerySchema, input)
  const site = await findSite(store.db, query.site)
  let columnIds: number[] | null = null
  if (query.columnId !== undefined) {
    const tree = await loadColumnTree(store.db, site.id)
    columnIds = [query.columnId, ...(query.includesDescendants ? tree.descendantIds(query.columnId) : [])]
  }

  let select = store.db
    .selectFrom('articles')
    .where('site_id', '=', site.id)
    .where('deleted_at', query.isDeleted ? 'is not' : 'is', null)
  if (query.status) select = select.where('status', '=', query.status)
  if (query.text) select = select.where(sql<boolean>`title like ${`%${escapeLike(query.text)}%`} escape '\\'`)
  if (columnIds) {
    const ids = columnIds
    select = select.where((eb) =>
      eb.or([
        eb('column_id', 'in', ids),
        eb('id', 'in', eb.selectFrom('article_columns').select('article_id').where('column_id', 'in', ids)),
      ]),
    )
  }

  const counted = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await select
    .selectAll()
    .orderBy('weight', 'desc')
    .orderBy('publish_at', (order) => order.desc().nullsLast())
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  const quotes = await quotesOf(
    store,
    rows.map((row) => row.id),
  )
  return { items: rows.map((row) => toArticle(row, quotes.get(row.id) ?? [])), total: Number(counted.n) }
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

/** `like` patterns treat % and _ as wildcards; a search for "100%" means the text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
