import type { Content } from '../../content/index.ts'
import { recentPublishRuns } from '../../publish/index.ts'
import type { Store } from '../../store/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'
import { dashboardSchema } from '../dashboard-response-schemas.ts'

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
      response: dashboardSchema,
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
        const recentRuns = await recentPublishRuns(store, site.id, 10)
        const today = new Intl.DateTimeFormat('sv-SE', { timeZone: site.timeZone }).format(new Date())
        const days = Array.from({ length: DAYS }, (_, back) =>
          new Date(Date.parse(`${today}T00:00:00Z`) - (DAYS - 1 - back) * 86_400_000)
            .toISOString()
            .slice(0, 10),
        )
        const byDay = await content.views.perDay(site.id, days[0] ?? today)
        const topArticles = await content.views.mostRead(site.id, 10)
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
