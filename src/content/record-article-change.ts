import type { ArticleRow, Tx } from '../store/index.ts'
import type { Article } from './article.ts'
import { recordChange } from './change-log.ts'

/** A published article's pages change with it; a draft's do not. */
export async function recordArticleChange(
  tx: Tx,
  article: Article | ArticleRow,
  action: string,
  now: string,
) {
  const siteId = 'siteId' in article ? article.siteId : article.site_id
  if (article.status === 'published' || action === 'publish' || action === 'withdraw') {
    await recordChange(tx, { siteId, entity: 'article', entityId: article.id, action }, now)
  }
}
