import { ValidationError, VersionConflictError } from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { type Article, snapshotOf } from './article.ts'
import { type ArticleValues, resolveArticleValues } from './article-values.ts'
import { readArticle } from './read-article.ts'
import { recordArticleChange } from './record-article-change.ts'
import type { ServiceContext } from './service-context.ts'
import { findSite } from './site-service.ts'

/** The shared path of update and restoreRevision: one optimistic-locked save. */
export async function saveArticle(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  current: Article,
  values: ArticleValues,
  cleanedBody: string,
  baseRevision: number,
  now: string,
) {
  if (baseRevision > current.revision) {
    throw new ValidationError(
      'baseRevision',
      `版本 ${baseRevision} 不存在（最新为 ${current.revision}）`,
      `revision ${baseRevision} does not exist (the latest is ${current.revision})`,
    )
  }
  if (baseRevision !== current.revision) throw new VersionConflictError(current.id, current.revision)
  const site = await findSite(tx, current.siteId)
  const row = await tx
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', current.id)
    .executeTakeFirstOrThrow()
  const { alsoIn, ...fields } = await resolveArticleValues(ctx, tx, site, values, cleanedBody, row, now)
  const updated = await tx
    .updateTable('articles')
    .set({ ...fields, revision: baseRevision + 1, updated_by: actor.name, updated_at: now })
    .where('id', '=', current.id)
    .where('revision', '=', baseRevision)
    .executeTakeFirst()
  // Another save committed between our read and this write: refuse rather than overwrite it.
  if (updated.numUpdatedRows === 0n) {
    const latest = await tx
      .selectFrom('articles')
      .select('revision')
      .where('id', '=', current.id)
      .executeTakeFirstOrThrow()
    throw new VersionConflictError(current.id, latest.revision)
  }
  await replaceQuotes(tx, current.id, alsoIn)
  const saved = await readArticle(ctx, tx, current.id)
  await writeRevision(tx, saved, actor, now)
  await recordArticleChange(tx, saved, 'update', now)
  return saved
}

/**
 * The body as stored. Cleaned before the transaction that saves it, which it would otherwise
 * hold open for as long as a long body takes.
 */
export function cleanBody(ctx: ServiceContext, html: string): Promise<string> {
  return ctx.bodySanitizer.sanitize(html, 'bodyHtml')
}

/** Keeps the article as saved, so its history can be listed, compared and restored. */
export async function writeRevision(tx: Tx, article: Article, actor: Actor, now: string) {
  await tx
    .insertInto('article_revisions')
    .values({
      article_id: article.id,
      revision: article.revision,
      snapshot: JSON.stringify(snapshotOf(article)),
      actor: `${actor.name} (${actor.id})`,
      created_at: now,
    })
    .execute()
}

/**
 * A new draft (created, imported or copied): its row as `resolveArticleValues` made it, its
 * quotes, and its first revision, in the caller's transaction.
 */
export async function insertDraft(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  now: string,
  draft: {
    readonly siteId: number
    readonly fields: Omit<Awaited<ReturnType<typeof resolveArticleValues>>, 'alsoIn'>
    readonly alsoIn: readonly number[]
    readonly copiedFrom?: number
  },
): Promise<Article> {
  const { id } = await tx
    .insertInto('articles')
    .values({
      ...draft.fields,
      site_id: draft.siteId,
      status: 'draft',
      revision: 1,
      ...(draft.copiedFrom === undefined ? {} : { copied_from: draft.copiedFrom }),
      created_by: actor.name,
      created_at: now,
      updated_by: actor.name,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceQuotes(tx, id, draft.alsoIn)
  const article = await readArticle(ctx, tx, id, { isLocked: true })
  await writeRevision(tx, article, actor, now)
  return article
}

/** Sets the columns the article is quoted into besides its own. */
export async function replaceQuotes(tx: Tx, articleId: number, columnIds: readonly number[]) {
  await tx.deleteFrom('article_columns').where('article_id', '=', articleId).execute()
  if (columnIds.length > 0) {
    await tx
      .insertInto('article_columns')
      .values(columnIds.map((columnId) => ({ article_id: articleId, column_id: columnId })))
      .execute()
  }
}
