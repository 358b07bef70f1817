import type { PublishRun } from '../sections/publish-types.ts'
import type { Article } from '../types.ts'

/** An article as the dashboard lists it: with where it stands in review and why it came back. */
export interface DashboardArticle extends Article {
  /** Review levels passed so far; the article waits for the next one. */
  readonly reviewStage: number
  /** The reviewer's comment of the last rejection. */
  readonly reviewComment: string | null
}

export interface DayViews {
  /** `YYYY-MM-DD`, in the site's time zone. */
  readonly day: string
  readonly views: number
}

export interface TopArticle {
  readonly id: number
  readonly title: string
  readonly views: number
  readonly urlPath: string | null
}

/** `GET /api/sites/{site}/dashboard`. */
export interface DashboardData {
  readonly waitingForMe: readonly DashboardArticle[]
  readonly rejected: readonly DashboardArticle[]
  readonly scheduled: readonly DashboardArticle[]
  readonly recentRuns: readonly PublishRun[]
  /** The last 30 days, oldest first, days without views included as 0. */
  readonly viewsPerDay: readonly DayViews[]
  readonly topArticles: readonly TopArticle[]
}
