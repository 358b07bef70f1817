import { NotFoundError } from '../errors/index.ts'
import { actorNames } from './actor-names.ts'
import type { ArticleSnapshot } from './article.ts'
import type { ArticleService } from './article-service.ts'
import { articleValuesOf } from './article-values.ts'
import { readArticle } from './read-article.ts'
import { isRecordId } from './record-id.ts'
import { cleanBody, saveArticle } from './save-article.ts'
import { perform, prepareAudited, type ServiceContext } from './service-context.ts'
import type { StoredRevision } from './worker-tasks.ts'

/** An article's history: its revisions, the difference between two, and going back to one. */
export function articleRevisions(
  ctx: ServiceContext,
): Pick<ArticleService, 'revisions' | 'revision' | 'diff' | 'restoreRevision'> {
  return {
    async revisions(id) {
      await readArticle(ctx, ctx.store.db, id, { includesDeleted: true })
      const rows = await ctx.store.db
        .selectFrom('article_revisions')
        .select(['revision', 'actor', 'created_at'])
        .where('article_id', '=', id)
        .orderBy('revision', 'desc')
        .execute()
      const nameOf = await actorNames(
        ctx.store,
        rows.map((row) => row.actor),
      )
      return rows.map((row) => ({
        revision: row.revision,
        actor: row.actor,
        actorName: nameOf(row.actor),
        createdAt: row.created_at,
      }))
    },

    async revision(id, revision) {
      return JSON.parse((await storedRevision(ctx, id, revision)).snapshotJson) as ArticleSnapshot
    },

    async diff(id, from, to) {
      // The snapshots go to the differ as stored: parsing two long ones is work for its worker too.
      const [before, after] = [await storedRevision(ctx, id, from), await storedRevision(ctx, id, to)]
      return ctx.revisionDiffer.diff(id, before, after)
    },

    async restoreRevision(actor, id, revision, baseRevision) {
      const target = { type: 'article', id }
      const { values, cleanedBody } = await prepareAudited(
        ctx,
        actor,
        'article.restoreRevision',
        target,
        async () => {
          // A revision never changes once written, so it can be read before the transaction.
          const { snapshotJson } = await storedRevision(ctx, id, revision)
          const values = articleValuesOf(JSON.parse(snapshotJson))
          return { values, cleanedBody: await cleanBody(ctx, values.bodyHtml) }
        },
      )
      return perform(ctx, actor, 'article.restoreRevision', target, async (tx, now) => {
        const current = await readArticle(ctx, tx, id, { isLocked: true })
        const saved = await saveArticle(ctx, tx, actor, current, values, cleanedBody, baseRevision, now)
        return { value: saved, targetId: id, detail: { restored: revision, revision: saved.revision } }
      })
    },
  }
}

/** Revision `revision` of article `id`, its snapshot still JSON. */
async function storedRevision(ctx: ServiceContext, id: number, revision: number): Promise<StoredRevision> {
  if (!isRecordId(id) || !isRecordId(revision)) throw new NotFoundError('revision', `${id}@${revision}`)
  const row = await ctx.store.db
    .selectFrom('article_revisions')
    .select('snapshot')
    .where('article_id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('revision', `${id}@${revision}`)
  return { revision, snapshotJson: row.snapshot }
}
