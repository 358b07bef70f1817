import { ValidationError } from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
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
    const { sourceSiteId, ...copy } = await copyArticleInto(ctx, tx, actor, now, id, columnId)
    return {
      value: copy,
      targetId: id,
      detail: {
        title: copy.title,
        copyId: copy.id,
        fromSiteId: sourceSiteId,
        toSiteId: copy.siteId,
        toColumnId: columnId,
      },
    }
  })
}

/** What the copy says differently from its source (信息报送 records where it came from). */
export interface CopyChanges {
  /** 来源: the source's own unless given. */
  readonly source?: string
  /** Turns the source's cleaned body into the copy's; it must stay within the body policy. */
  readonly body?: (bodyHtml: string) => string
}

/**
 * The copy itself, in the caller's transaction, with no permission check: the caller has
 * made its own (复制: the workspace's rights; 采用: the submission's).
 */
export async function copyArticleInto(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  now: string,
  id: number,
  columnId: number,
  changes: CopyChanges = {},
): Promise<Article & { readonly sourceSiteId: number }> {
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
    ...(changes.source === undefined ? {} : { source: changes.source }),
    columnId,
    alsoInColumnIds: [],
    weight: 0,
    pinnedUntil: null,
    publishAt: null,
    customFields: Object.fromEntries(Object.entries(source.customFields).filter(([name]) => known.has(name))),
  })
  // The source's body was cleaned when it was saved; the copy is that body.
  const body = changes.body ? changes.body(source.bodyHtml) : source.bodyHtml
  const { alsoIn: _none, ...fields } = await resolveArticleValues(ctx, tx, site, values, body, null, now)
  const copy: Article = await insertDraft(ctx, tx, actor, now, {
    siteId: site.id,
    fields,
    alsoIn: [],
    copiedFrom: source.id,
  })
  return { ...copy, sourceSiteId: source.siteId }
}
