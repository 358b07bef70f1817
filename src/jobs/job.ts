/** Where a background job stands. `interrupted`: the server stopped while it ran; it can be resumed. */
export type JobState = 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted'

export const LIVE_STATES: readonly JobState[] = ['queued', 'running']

/** What a user asked an import job to do; the same choices as `fabu import`. */
export interface ImportJobOptions {
  /** The old site's home page. */
  readonly url: string
  readonly isDryRun: boolean
  /** `YYYY-MM-DD`: older articles are skipped. */
  readonly since: string | null
  readonly concurrency: number
  /** Other hosts whose images and attachments are brought in too. */
  readonly assetHosts: readonly string[]
  /** Go on with the last unfinished run of this URL instead of starting over. */
  readonly resumes: boolean
}

/** What the run ended with, once it ended. */
export interface JobResult {
  readonly runId: number | null
  readonly isComplete: boolean
  readonly rows: number
}

/** A background job as the admin shows it. */
export interface Job {
  readonly id: number
  readonly kind: 'import'
  readonly siteId: number
  readonly startedBy: { readonly id: string; readonly name: string }
  readonly state: JobState
  readonly options: ImportJobOptions
  /** Pages by outcome so far (`imported`, `failed`, …), written while the job runs. */
  readonly counts: Readonly<Record<string, number>>
  readonly createdAt: string
  readonly startedAt: string | null
  readonly updatedAt: string
  readonly finishedAt: string | null
  readonly error: { readonly code: string; readonly message: string } | null
  readonly result: JobResult | null
}
