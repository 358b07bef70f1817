import { NotFoundError } from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
import { toArticle } from './article.ts'
import { isRecordId } from './record-id.ts'
import type { ServiceContext } from './service-context.ts'

/**
 * Article `id` with the columns it is quoted into; not found once in the recycle bin unless
 * `includesDeleted`. `isLocked` locks the row for the rest of the transaction.
 */
export async function readArticle(
  ctx: ServiceContext,
  db: Pick<Tx, 'selectFrom'>,
  id: number,
  options: { includesDeleted?: boolean; isLocked?: boolean } = {},
) {
  if (!isRecordId(id)) throw new NotFoundError('article', id)
  const query = db.selectFrom('articles').selectAll().where('id', '=', id)
  // A write locks the row first, so a concurrent publish and delete queue up instead of both passing.
  const row = await (options.isLocked ? ctx.store.forUpdate(query) : query).executeTakeFirst()
  if (!row || (row.deleted_at !== null && !options.includesDeleted)) throw new NotFoundError('article', id)
  const quoted = await db
    .selectFrom('article_columns')
    .select('column_id')
    .where('article_id', '=', id)
    .orderBy('column_id')
    .execute()
  return toArticle(
    row,
    quoted.map((q) => q.column_id),
  )
}
