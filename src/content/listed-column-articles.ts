import { z } from 'zod'
import { NotFoundError, ValidationError } from '../errors/index.ts'
import type { ArticleRow, Tx } from '../store/index.ts'
import { inColumns } from './article-membership.ts'
import { recordIdSchema } from './record-id.ts'

/** The ids an ordering dialog sends, first first: `min` to `max` of them, each article once. */
export function articleOrderSchema(min: number, max: number) {
  return z
    .array(recordIdSchema)
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, '同一篇文章出现了两次|an article is listed twice')
}

/**
 * The articles an order lists, by id, once the column is live and every one of them is a live
 * article listed in it (at home there or quoted into it); otherwise NOT_FOUND for the column,
 * or a VALIDATION_FAILED on `articleIds` naming the first article that is not.
 */
export async function listedColumnArticles(
  tx: Tx,
  columnId: number,
  ids: readonly number[],
): Promise<ReadonlyMap<number, ArticleRow>> {
  const column = await tx
    .selectFrom('columns')
    .select('id')
    .where('id', '=', columnId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!column) throw new NotFoundError('column', columnId)
  const members =
    ids.length === 0
      ? []
      : await tx
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
  return byId
}
