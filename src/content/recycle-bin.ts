import { z } from 'zod'
import type { Actor } from './actor.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { validateInput } from './validate-input.ts'

export interface PurgeResult {
  readonly articles: number
  readonly columns: number
}

export interface RecycleBin {
  /**
   * Removes for good what has been in the recycle bin longer than `olderThanDays`
   * (default: the configured retention), articles first, then emptied columns.
   */
  purge(actor: Actor, options?: { olderThanDays?: number }): Promise<PurgeResult>
}

export function recycleBin(ctx: ServiceContext): RecycleBin {
  return {
    purge(actor, options = {}) {
      const requested = options.olderThanDays ?? ctx.options.recycleBinDays
      return perform(ctx, actor, 'recycleBin.purge', { type: 'recycleBin', id: requested }, async (tx) => {
        const days = validateInput(z.number().int().min(0).max(36_500), requested, 'olderThanDays')
        const cutoff = new Date(Date.parse(ctx.now()) - days * 86_400_000).toISOString()
        const expired = await tx
          .selectFrom('articles')
          .select('id')
          .where('deleted_at', 'is not', null)
          .where('deleted_at', '<', cutoff)
          .execute()
        const ids = expired.map((row) => row.id)
        if (ids.length > 0) {
          await tx.deleteFrom('article_columns').where('article_id', 'in', ids).execute()
          await tx.deleteFrom('column_article_order').where('article_id', 'in', ids).execute()
          await tx.deleteFrom('article_revisions').where('article_id', 'in', ids).execute()
          await tx.deleteFrom('article_views').where('article_id', 'in', ids).execute()
          await tx.deleteFrom('articles').where('id', 'in', ids).execute()
        }
        // A column leaves only when nothing refers to it any more (binned articles, children).
        const columns = await tx
          .deleteFrom('columns')
          .where('deleted_at', 'is not', null)
          .where('deleted_at', '<', cutoff)
          .where((eb) =>
            eb.and([
              eb.not(
                eb.exists(
                  eb.selectFrom('articles').select('id').whereRef('articles.column_id', '=', 'columns.id'),
                ),
              ),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('article_columns')
                    .select('article_id')
                    .whereRef('article_columns.column_id', '=', 'columns.id'),
                ),
              ),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('columns as child')
                    .select('child.id')
                    .whereRef('child.parent_id', '=', 'columns.id'),
                ),
              ),
            ]),
          )
          .executeTakeFirst()
        // A manual order outlives neither its column nor (above) its articles.
        await tx
          .deleteFrom('column_article_order')
          .where('column_id', 'not in', (eb) => eb.selectFrom('columns').select('id'))
          .execute()
        const result = { articles: ids.length, columns: Number(columns.numDeletedRows) }
        return { value: result, targetId: days, detail: { ...result, cutoff } }
      })
    },
  }
}
