import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database, Store } from '../store/index.ts'

/**
 * Which articles a column lists: those at home in it and those quoted (引用) into it. The one
 * statement of the rule, for the admin's list, the published lists and the checks alike.
 *
 * @example articles.where(inColumns([3, 4]))
 */
export function inColumns(columnIds: readonly number[]) {
  return (eb: ExpressionBuilder<Database, 'articles'>): Expression<SqlBool> =>
    eb.or([
      eb('column_id', 'in', columnIds),
      eb(
        'id',
        'in',
        eb.selectFrom('article_columns').select('article_id').where('column_id', 'in', columnIds),
      ),
    ])
}

type ArticleCondition = (eb: ExpressionBuilder<Database, 'articles'>) => Expression<SqlBool>

/**
 * The same rule as `inColumns`, cut into disjoint parts: one per column (an article is at home
 * in one column) and, when there are quotes, the articles quoted in from columns outside the
 * set (a semi-join, so one quoted into two of them is still one). Each part can be read from an
 * index in list order and the parts merged with UNION ALL, which `column_id in (…) or id in
 * (…)` cannot (the admin's list, article-list-page.ts).
 */
export function inColumnsByPart(
  columnIds: readonly number[],
  hasQuotes: boolean,
): { readonly home: readonly ArticleCondition[]; readonly quoted: ArticleCondition | null } {
  return {
    home: columnIds.map((id) => (eb: ExpressionBuilder<Database, 'articles'>) => eb('column_id', '=', id)),
    quoted: hasQuotes
      ? (eb) =>
          eb.and([
            eb('column_id', 'not in', columnIds),
            eb(
              'id',
              'in',
              eb.selectFrom('article_columns').select('article_id').where('column_id', 'in', columnIds),
            ),
          ])
      : null,
  }
}

/** The columns each article of the site is quoted into besides its own, by article id. */
export async function quotesOfSite(store: Store, siteId: number): Promise<Map<number, number[]>> {
  const quotes = await store.db
    .selectFrom('article_columns')
    .innerJoin('articles', 'articles.id', 'article_columns.article_id')
    .select(['article_columns.article_id', 'article_columns.column_id'])
    .where('articles.site_id', '=', siteId)
    .execute()
  const byArticle = new Map<number, number[]>()
  for (const quote of quotes)
    byArticle.set(quote.article_id, [...(byArticle.get(quote.article_id) ?? []), quote.column_id])
  return byArticle
}
