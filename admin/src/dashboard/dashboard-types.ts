/** `GET /api/sites/{site}/dashboard`, as its OpenAPI document describes it (`npm run api:types`). */
import type { Dashboard } from '../api-types.gen.ts'

export type { DashboardArticle } from '../api-types.gen.ts'

export type DashboardData = Dashboard

/** A day's views, `YYYY-MM-DD` in the site's time zone. */
export type DayViews = Dashboard['viewsPerDay'][number]

export type TopArticle = Dashboard['topArticles'][number]
