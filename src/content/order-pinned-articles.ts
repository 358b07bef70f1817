import { z } from 'zod'
import { NotFoundError, ValidationError } from '../errors/index.ts'
import type { Actor } from './actor.ts'
import { inColumns } from './article-membership.ts'
import { recordArticleChange } from './record-article-change.ts'
import { recordIdSchema } from './record-id.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { validateInput } from './validate-input.ts'

const orderSchema = z
  .array(recordIdSchema)
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, '同一篇文章出现了两次|an article is listed twice')

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
    const column = await tx
      .selectFrom('columns')
      .select(['id', 'kind'])
      .where('id', '=', columnId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!column) throw new NotFoundError('column', columnId)
    const members = await tx
      .selectFrom('articles')
      .selectAll()
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where(inColumns([columnId]))
      .execute()
    const byId = new Map(members.map((row) => [row.id, row]))
    const stranger = ids.find((id) => !byId.has(id))
    if (stranger !== undefined) {
      throw new ValidationError(
        'articleIds',
        `文章 ${stranger} 不在此栏目中`,
        `article ${stranger} is not listed in this column`,
      )
    }
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
