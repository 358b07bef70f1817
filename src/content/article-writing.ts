import { InvalidStateError, ValidationError, VersionConflictError } from '../errors/index.ts'
import { articleInputSchema, articlePatchSchema } from './article-inputs.ts'
import type { ArticleService } from './article-service.ts'
import { articleValuesOf, resolveArticleValues } from './article-values.ts'
import { readArticle } from './read-article.ts'
import { recordArticleChange } from './record-article-change.ts'
import { cleanBody, insertDraft, saveArticle } from './save-article.ts'
import { perform, prepareAudited, type ServiceContext } from './service-context.ts'
import { findSite } from './site-service.ts'
import { validateInput } from './validate-input.ts'

/** Writing articles: create, save, move to the recycle bin and back. */
export function articleWriting(
  ctx: ServiceContext,
): Pick<ArticleService, 'create' | 'update' | 'delete' | 'restore'> {
  return {
    async create(actor, input, options = {}) {
      const action = options.importedFrom ? 'article.import' : 'article.create'
      const { values, cleanedBody } = await prepareAudited(
        ctx,
        actor,
        action,
        { type: 'article' },
        async () => {
          const values = validateInput(articleInputSchema, input)
          return { values, cleanedBody: await cleanBody(ctx, values.bodyHtml) }
        },
      )
      return perform(ctx, actor, action, { type: 'article' }, async (tx, now) => {
        const columnRow = await tx
          .selectFrom('columns')
          .select('site_id')
          .where('id', '=', values.columnId)
          .executeTakeFirst()
        if (!columnRow)
          throw new ValidationError(
            'columnId',
            `栏目 ${values.columnId} 不存在`,
            `column ${values.columnId} does not exist`,
          )
        const site = await findSite(tx, columnRow.site_id)
        const { alsoIn, ...fields } = await resolveArticleValues(
          ctx,
          tx,
          site,
          values,
          cleanedBody,
          null,
          now,
        )
        // Documents cite a disclosure article by its 索引号: an imported one keeps the old site's.
        if (options.indexNo && fields.topic_category !== null) fields.index_no = options.indexNo
        const article = await insertDraft(ctx, tx, actor, now, { siteId: site.id, fields, alsoIn })
        const id = article.id
        return {
          value: article,
          targetId: id,
          detail: {
            title: article.title,
            indexNo: article.disclosure?.indexNo,
            ...(options.importedFrom
              ? { importedFrom: options.importedFrom }
              : backdating(article.publishAt, null, now)),
          },
        }
      })
    },

    async update(actor, id, patch, options = {}) {
      const target = { type: 'article', id }
      const action = options.importedFrom ? 'article.import' : 'article.update'
      const { changes, body, cleanedBody } = await prepareAudited(ctx, actor, action, target, async () => {
        const changes = validateInput(articlePatchSchema, patch)
        // A save without a new body cleans the stored one again, as every save always has.
        const body = changes.bodyHtml ?? (await readArticle(ctx, ctx.store.db, id)).bodyHtml
        return { changes, body, cleanedBody: await cleanBody(ctx, body) }
      })
      return perform(ctx, actor, action, target, async (tx, now) => {
        const current = await readArticle(ctx, tx, id, { isLocked: true })
        const { baseRevision, ...changed } = changes
        // Another save changed the body after it was read and cleaned: that save came first.
        if (changed.bodyHtml === undefined && current.bodyHtml !== body) {
          throw new VersionConflictError(current.id, current.revision)
        }
        const merged = validateInput(articleInputSchema, { ...articleValuesOf(current), ...changed })
        const saved = await saveArticle(ctx, tx, actor, current, merged, cleanedBody, baseRevision, now)
        return {
          value: saved,
          targetId: id,
          detail: {
            revision: saved.revision,
            fields: Object.keys(changed),
            ...(options.importedFrom
              ? { importedFrom: options.importedFrom }
              : backdating(changed.publishAt !== undefined ? saved.publishAt : null, current.publishAt, now)),
          },
        }
      })
    },

    delete(actor, id) {
      return perform(ctx, actor, 'article.delete', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { isLocked: true })
        await tx
          .updateTable('articles')
          .set({ deleted_at: now, deleted_by: actor.name })
          .where('id', '=', id)
          .execute()
        await recordArticleChange(tx, article, 'delete', now)
        return { value: undefined, targetId: id, detail: { title: article.title } }
      })
    },

    restore(actor, id) {
      return perform(ctx, actor, 'article.restore', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { includesDeleted: true, isLocked: true })
        if (article.deletedAt === null) {
          throw new InvalidStateError({
            zh: `文章 ${id} 不在回收站中`,
            en: `article ${id} is not in the recycle bin`,
          })
        }
        const column = await tx
          .selectFrom('columns')
          .select(['name', 'deleted_at'])
          .where('id', '=', article.columnId)
          .executeTakeFirstOrThrow()
        if (column.deleted_at !== null) {
          throw new InvalidStateError({
            zh: `文章所在栏目「${column.name}」已删除，请先恢复栏目`,
            en: `the article's column "${column.name}" is deleted; restore the column first`,
          })
        }
        await tx
          .updateTable('articles')
          .set({ deleted_at: null, deleted_by: null })
          .where('id', '=', id)
          .execute()
        await recordArticleChange(tx, article, 'restore', now)
        return { value: await readArticle(ctx, tx, id), targetId: id }
      })
    },
  }
}

/** A publish time set in the past is back-dating: the audit record says so, with both times. */
function backdating(publishAt: string | null, before: string | null, now: string) {
  return publishAt !== null && publishAt < now && publishAt !== before
    ? { backdatedTo: publishAt, previousPublishAt: before }
    : {}
}
