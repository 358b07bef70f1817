import type { Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { articleOrderSchema, listedColumnArticles } from './listed-column-articles.ts'
import { recordArticleChange } from './record-article-change.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { validateInput } from './validate-input.ts'

/** The most articles one order holds: the dialog orders a column's newest 50. */
export const MANUAL_ORDER_LIMIT = 200

const orderSchema = articleOrderSchema(0, MANUAL_ORDER_LIMIT)

/** The column's manual order as saved, first first (articles that left it included). */
export async function columnArticleOrder(
  tx: Pick<Tx, 'selectFrom'>,
  columnId: number,
): Promise<readonly number[]> {
  const rows = await tx
    .selectFrom('column_article_order')
    .select('article_id')
    .where('column_id', '=', columnId)
    .orderBy('position')
    .execute()
  return rows.map((row) => row.article_id)
}

/**
 * 排序: the listed articles of a column (at home there or quoted into it) follow its pinned
 * ones on its newest page, in the order given; an empty list clears the order. Every article
 * whose place changed is recorded, so an incremental publish rewrites the lists showing it.
 */
export function orderColumnArticles(
  ctx: ServiceContext,
  actor: Actor,
  columnId: number,
  articleIds: readonly number[],
): Promise<readonly number[]> {
  return perform(ctx, actor, 'column.orderArticles', { type: 'column', id: columnId }, async (tx, now) => {
    const ids = validateInput(orderSchema, articleIds, 'articleIds')
    await listedColumnArticles(tx, columnId, ids)
    const before = await columnArticleOrder(tx, columnId)
    const moved = new Set([
      ...ids.filter((id, index) => before[index] !== id),
      ...before.filter((id, index) => ids[index] !== id),
    ])
    await tx.deleteFrom('column_article_order').where('column_id', '=', columnId).execute()
    if (ids.length > 0) {
      await tx
        .insertInto('column_article_order')
        .values(ids.map((id, position) => ({ column_id: columnId, article_id: id, position })))
        .execute()
    }
    const changed =
      moved.size === 0
        ? []
        : await tx
            .selectFrom('articles')
            .selectAll()
            .where('id', 'in', [...moved])
            .where('deleted_at', 'is', null)
            .execute()
    for (const row of changed) await recordArticleChange(tx, row, 'update', now)
    return { value: ids, targetId: columnId, detail: { articleIds: ids } }
  })
}
