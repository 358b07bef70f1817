import { sql } from 'kysely'
import type { Store } from '../store/index.ts'

/** How often each article was read: the running total and the count per day in its site's zone. */
export interface ArticleViews {
  /** A published article's total, or null when there is no such published article. */
  total(articleId: number): Promise<number | null>
  /** Adds counted views, each article's to its total and to today in its site's time zone, in one transaction. */
  add(counts: readonly (readonly [articleId: number, views: number])[]): Promise<void>
  /** Views per day for the site's articles, from `fromDay` (YYYY-MM-DD) on. */
  perDay(siteId: number, fromDay: string): Promise<Map<string, number>>
  /** The site's most read live articles. */
  mostRead(
    siteId: number,
    limit: number,
  ): Promise<{ id: number; title: string; urlPath: string | null; views: number }[]>
}

export function createArticleViews(store: Store): ArticleViews {
  /** Today in each article's site's time zone: a Shanghai site's day starts at its midnight. */
  const todayByArticle = async (articleIds: readonly number[]) => {
    const rows = await store.db
      .selectFrom('articles')
      .innerJoin('sites', 'sites.id', 'articles.site_id')
      .select(['articles.id', 'sites.time_zone'])
      .where('articles.id', 'in', articleIds)
      .execute()
    const now = new Date()
    return new Map(
      rows.map((row) => [row.id, new Intl.DateTimeFormat('sv-SE', { timeZone: row.time_zone }).format(now)]),
    )
  }

  return {
    async total(articleId) {
      const article = await store.db
        .selectFrom('articles')
        .leftJoin('article_views', 'article_views.article_id', 'articles.id')
        .select(['articles.status', 'articles.deleted_at', 'article_views.views'])
        .where('articles.id', '=', articleId)
        .executeTakeFirst()
      if (article?.status !== 'published' || article.deleted_at !== null) return null
      return Number(article.views ?? 0)
    },

    async add(counts) {
      if (counts.length === 0) return
      const days = await todayByArticle(counts.map(([articleId]) => articleId))
      await store.transaction(async (tx) => {
        for (const [articleId, count] of counts) {
          const day = days.get(articleId)
          if (day) {
            await tx
              .insertInto('article_views_daily')
              .values({ article_id: articleId, day, views: count })
              .onConflict((conflict) =>
                conflict
                  .columns(['article_id', 'day'])
                  .doUpdateSet((eb) => ({ views: eb('article_views_daily.views', '+', count) })),
              )
              .execute()
          }
          await tx
            .insertInto('article_views')
            .values({ article_id: articleId, views: count })
            .onConflict((conflict) =>
              conflict
                .column('article_id')
                .doUpdateSet((eb) => ({ views: eb('article_views.views', '+', count) })),
            )
            .execute()
        }
      })
    },

    async perDay(siteId, fromDay) {
      const rows = await store.db
        .selectFrom('article_views_daily')
        .innerJoin('articles', 'articles.id', 'article_views_daily.article_id')
        .select(['article_views_daily.day', sql<number>`sum(article_views_daily.views)`.as('views')])
        .where('articles.site_id', '=', siteId)
        .where('article_views_daily.day', '>=', fromDay)
        .groupBy('article_views_daily.day')
        .execute()
      return new Map(rows.map((row) => [row.day, Number(row.views)]))
    },

    async mostRead(siteId, limit) {
      const rows = await store.db
        .selectFrom('article_views')
        .innerJoin('articles', 'articles.id', 'article_views.article_id')
        .select(['articles.id', 'articles.title', 'articles.url_path as urlPath', 'article_views.views'])
        .where('articles.site_id', '=', siteId)
        .where('articles.deleted_at', 'is', null)
        .orderBy('article_views.views', 'desc')
        .limit(limit)
        .execute()
      return rows.map((row) => ({ ...row, views: Number(row.views) }))
    },
  }
}
