import type { Store } from '../store/index.ts'
import type { Principal } from './access.ts'
import { type ArticleAction, allowedArticleActions } from './allowed-actions.ts'
import type { Article } from './article.ts'
import type { ColumnTree } from './column-tree.ts'
import type { ReviewStep } from './review-trail.ts'

/** An article as the admin gets it: with what the user may do to it. */
export type ArticleView = Article & { readonly allowedActions: readonly ArticleAction[] }

/**
 * Adds each article's allowed actions for `principal`: one column tree per site and one
 * read of the review trails of those in review, however many articles there are.
 */
export async function describeArticles<T extends Article>(
  store: Store,
  treeOf: (siteId: number) => Promise<ColumnTree>,
  principal: Principal,
  articles: readonly T[],
): Promise<(T & { readonly allowedActions: readonly ArticleAction[] })[]> {
  const trees = new Map<number, ColumnTree>()
  for (const siteId of new Set(articles.map((article) => article.siteId)))
    trees.set(siteId, await treeOf(siteId))
  const inReview = articles.filter((article) => article.status === 'submitted').map((article) => article.id)
  const trails = new Map<number, readonly ReviewStep[]>()
  if (inReview.length > 0) {
    const rows = await store.db
      .selectFrom('articles')
      .select(['id', 'review_trail'])
      .where('id', 'in', inReview)
      .execute()
    for (const row of rows) trails.set(row.id, JSON.parse(row.review_trail))
  }
  return articles.map((article) => {
    const tree = trees.get(article.siteId) as ColumnTree
    const columnPath: number[] = []
    for (
      let node = tree.get(article.columnId);
      node;
      node = node.parentId === null ? undefined : tree.get(node.parentId)
    )
      columnPath.push(node.id)
    const reviewLevels = Math.max(
      0,
      ...[article.columnId, ...article.alsoInColumnIds].map((id) => tree.get(id)?.reviewLevels ?? 0),
    )
    const reviewedBy = (trails.get(article.id) ?? []).map((step) => step.actorId)
    const allowedActions = allowedArticleActions(principal.access, principal.actor, article, {
      place: { siteId: article.siteId, columnPath },
      reviewLevels,
      reviewedBy,
    })
    return { ...article, allowedActions }
  })
}
