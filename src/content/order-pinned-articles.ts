import type { Actor } from './actor.ts'
import { articleOrderSchema, listedColumnArticles } from './listed-column-articles.ts'
import { recordArticleChange } from './record-article-change.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { validateInput } from './validate-input.ts'

const orderSchema = articleOrderSchema(1, 500)

/**
 * 置顶排序: the listed articles of a column (at home there or quoted into it) come first in
 * its lists in the order given. The order is the pin weight lists already sort by, so the
 * first gets the highest; an article not yet pinned is pinned by being listed. Returns the
 * ids as ordered.
 */
export function orderPinnedArticles(
  ctx: ServiceContext,
  actor: Actor,
  columnId: number,
  articleIds: readonly number[],
): Promise<readonly number[]> {
  return perform(ctx, actor, 'article.orderPinned', { type: 'column', id: columnId }, async (tx, now) => {
    const ids = validateInput(orderSchema, articleIds, 'articleIds')
    const byId = await listedColumnArticles(tx, columnId, ids)
    for (const [index, id] of ids.entries()) {
      const row = byId.get(id)
      const weight = ids.length - index
      if (!row || row.weight === weight) continue
      await tx.updateTable('articles').set({ weight, updated_at: now }).where('id', '=', id).execute()
      await recordArticleChange(tx, row, 'update', now)
    }
    return { value: ids, targetId: columnId, detail: { articleIds: ids } }
  })
}
