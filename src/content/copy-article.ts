import { ValidationError } from '../errors/index.ts'
import type { Actor } from './actor.ts'
import type { Article } from './article.ts'
import { articleInputSchema } from './article-inputs.ts'
import { articleValuesOf, resolveArticleValues } from './article-values.ts'
import { readArticle } from './read-article.ts'
import { insertDraft } from './save-article.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { findSite } from './site-service.ts'
import { validateInput } from './validate-input.ts'

/** Where a 复制 copy goes: a list column of this site or of another. */
export interface CopyTarget {
  readonly columnId: number
}

/**
 * 复制: a new draft in `target.columnId` with the source's title, body, attachments and fields,
 * recorded as copied from it. It starts unpinned, in no other column and with no publish
 * time; the target column keeps only the custom fields it defines. Permissions are the
 * workspace's (read the source, write the target).
 */
export function copyArticle(ctx: ServiceContext, actor: Actor, id: number, target: CopyTarget) {
  const columnId = validateInput(articleInputSchema.shape.columnId, target.columnId, 'columnId')
  return perform(ctx, actor, 'article.copy', { type: 'article', id }, async (tx, now) => {
    const source = await readArticle(ctx, tx, id)
    const column = await tx
      .selectFrom('columns')
      .select(['site_id', 'field_schema'])
      .where('id', '=', columnId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!column) {
      throw new ValidationError('columnId', `栏目 ${columnId} 不存在`, `column ${columnId} does not exist`)
    }
    const site = await findSite(tx, column.site_id)
    const known = new Set((JSON.parse(column.field_schema) as { name: string }[]).map((field) => field.name))
    const values = validateInput(articleInputSchema, {
      ...articleValuesOf(source),
      columnId,
      alsoInColumnIds: [],
      weight: 0,
      pinnedUntil: null,
      publishAt: null,
      customFields: Object.fromEntries(
        Object.entries(source.customFields).filter(([name]) => known.has(name)),
      ),
    })
    // The source's body was cleaned when it was saved; the copy is that body.
    const { alsoIn: _none, ...fields } = await resolveArticleValues(
      ctx,
      tx,
      site,
      values,
      source.bodyHtml,
      null,
      now,
    )
    const copy: Article = await insertDraft(ctx, tx, actor, now, {
      siteId: site.id,
      fields,
      alsoIn: [],
      copiedFrom: source.id,
    })
    const copyId = copy.id
    return {
      value: copy,
      targetId: id,
      detail: {
        title: source.title,
        copyId,
        fromSiteId: source.siteId,
        toSiteId: site.id,
        toColumnId: columnId,
      },
    }
  })
}
