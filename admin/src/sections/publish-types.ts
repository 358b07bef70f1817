/** The publishing API's answers (src/server/routes/publish-routes.ts). */
export type PublishMode = 'incremental' | 'full'

export interface PublishPlan {
  /** What the publish would really be: incremental becomes full when site or columns changed. */
  readonly mode: PublishMode
  readonly pages: readonly string[]
}

export interface FailedPage {
  readonly path: string
  /** Names the template and line: `unknown filter "upcse" (article.liquid:12:18)`. */
  readonly error: string
}

export interface PublishJob {
  readonly id: string
  readonly siteId: number
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed'
  /** Pages rendered so far. */
  readonly done: number
  readonly createdAt: string
  readonly finishedAt: string | null
  readonly result: {
    readonly written: number
    readonly unchanged: number
    readonly removed: number
    readonly failed: readonly FailedPage[]
    readonly runId: number | null
  } | null
  readonly error: { readonly code: string; readonly message: string } | null
}

/** A row of the publish history, as the database names its columns. */
export interface PublishRun {
  readonly id: number
  readonly mode: string
  readonly started_at: string
  readonly finished_at: string
  readonly written: number
  readonly unchanged: number
  readonly removed: number
  readonly errors: number
}

export interface PublishRunDetail extends PublishRun {
  readonly manifest: {
    readonly added: readonly string[]
    readonly changed: readonly string[]
    readonly removed: readonly string[]
    readonly failed: readonly FailedPage[]
  }
}
