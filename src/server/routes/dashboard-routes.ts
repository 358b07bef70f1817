import { sql } from 'kysely'
import type { Content } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'

const DAYS = 30

/** What waits for the user in a site, its recent publishes, and how it is read. */
export function dashboardRoutes(store: Store, content: Content): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/dashboard',
      summary:
        'What waits for me (to review, rejected, scheduled), recent publishes, views per day, top articles',
      tag: 'dashboard',
      access: 'signed-in',
      params: siteParams,
      handler: async ({ workspace, params, session }) => {
        const site = await workspace.requireReader(siteRef(params.site))
        const list = (status: 'submitted' | 'rejected' | 'scheduled') =>
          content.articles.list({ site: site.id, status, limit: 200, sort: 'updatedAt', order: 'desc' })
        const submitted = (await list('submitted')).items
        const waitingForMe = []
        for (const article of submitted) if (await workspace.mayApprove(article)) waitingForMe.push(article)
        const rejected = (await list('rejected')).items.filter(
          (article) => article.createdBy === session.user.userName,
        )
        const scheduled = (await list('scheduled')).items
        const recentRuns = await store.db
          .selectFrom('publish_runs')
          .select(['id', 'mode', 'started_at', 'finished_at', 'written', 'unchanged', 'removed', 'errors'])
          .where('site_id', '=', site.id)
          .orderBy('id', 'desc')
          .limit(10)
          .execute()
        const today = new Intl.DateTimeFormat('sv-SE', { timeZone: site.timeZone }).format(new Date())
        const days = Array.from({ length: DAYS }, (_, back) =>
          new Date(Date.parse(`${today}T00:00:00Z`) - (DAYS - 1 - back) * 86_400_000)
            .toISOString()
            .slice(0, 10),
        )
        const counted = await store.db
          .selectFrom('article_views_daily')
          .innerJoin('articles', 'articles.id', 'article_views_daily.article_id')
          .select(['article_views_daily.day', sql<number>`sum(article_views_daily.views)`.as('views')])
          .where('articles.site_id', '=', site.id)
          .where('article_views_daily.day', '>=', days[0] ?? today)
          .groupBy('article_views_daily.day')
          .execute()
        const byDay = new Map(counted.map((row) => [row.day, Number(row.views)]))
        const topArticles = await store.db
          .selectFrom('article_views')
          .innerJoin('articles', 'articles.id', 'article_views.article_id')
          .select(['articles.id', 'articles.title', 'articles.url_path as urlPath', 'article_views.views'])
          .where('articles.site_id', '=', site.id)
          .where('articles.deleted_at', 'is', null)
          .orderBy('article_views.views', 'desc')
          .limit(10)
          .execute()
        return {
          waitingForMe: waitingForMe.slice(0, 50),
          rejected: rejected.slice(0, 50),
          scheduled: scheduled.slice(0, 50),
          recentRuns,
          viewsPerDay: days.map((day) => ({ day, views: byDay.get(day) ?? 0 })),
          topArticles,
        }
      },
    }),
  ]
}
