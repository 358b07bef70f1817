import { type Access, type Actor, recordRefusal, type ServiceContext } from '../content/index.ts'
import { NotFoundError } from '../errors/index.ts'
import type { Store, Tx } from '../store/index.ts'
import { type Submission, selectSubmissions, toSubmission } from './submission.ts'
import { webAddress } from './web-address.ts'

/** What every part of one user's submissions desk works with. */
export interface DeskContext {
  readonly store: Store
  readonly ctx: ServiceContext
  readonly actor: Actor
  readonly access: Access
  /** Audits a refused read as `perform` audits a refused change, then throws. */
  refuse(action: string, target: { type: string; id: number }, error: Error): Promise<never>
}

export function deskContext(store: Store, ctx: ServiceContext, actor: Actor, access: Access): DeskContext {
  return {
    store,
    ctx,
    actor,
    access,
    async refuse(action, target, error) {
      await recordRefusal(store, actor, action, target, error, ctx.now())
      throw error
    },
  }
}

export async function readSubmission(tx: Tx, id: number): Promise<Submission> {
  const row = await selectSubmissions(tx).where('submissions.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('submission', id)
  return toSubmission(row)
}

/** The published address of an article, or null while it has none or its site's base is no web address. */
export function publishedUrl(
  baseUrl: string,
  article: { status: string; url_path: string | null },
): string | null {
  if (article.status !== 'published' || article.url_path === null) return null
  const base = webAddress(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  return base === null ? null : webAddress(article.url_path.replace(/^\//, ''), base)
}

/** The article's address now: the publisher gives one after publishing, so it may be new since submitting. */
export async function currentUrl(tx: Tx, articleId: number): Promise<string | null> {
  const row = await tx
    .selectFrom('articles')
    .innerJoin('sites', 'sites.id', 'articles.site_id')
    .select(['articles.status', 'articles.url_path', 'sites.base_url'])
    .where('articles.id', '=', articleId)
    .executeTakeFirst()
  return row ? publishedUrl(row.base_url, row) : null
}
