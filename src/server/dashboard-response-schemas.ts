import { z } from 'zod'
import { publishRunSchema } from './job-response-schemas.ts'
import { apiComponents, articleSummarySchema } from './response-schemas.ts'

/** An article the dashboard lists: as lists show it, without the actions (the card only opens it). */
export const dashboardArticleSchema = articleSummarySchema
  .omit({ allowedActions: true })
  .register(apiComponents, { id: 'DashboardArticle' })

/** What waits for the user in a site, its recent publishes, and how it is read. */
export const dashboardSchema = z
  .object({
    waitingForMe: z.array(dashboardArticleSchema),
    rejected: z.array(dashboardArticleSchema),
    scheduled: z.array(dashboardArticleSchema),
    recentRuns: z.array(publishRunSchema),
    /** The last 30 days, oldest first (`YYYY-MM-DD` in the site's time zone), days without views as 0. */
    viewsPerDay: z.array(z.object({ day: z.string(), views: z.number().int() })),
    topArticles: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        views: z.number().int(),
        urlPath: z.string().nullable(),
      }),
    ),
  })
  .register(apiComponents, { id: 'Dashboard' })
