/** An import job as GET /api/sites/:site/import-jobs/:id gives it. */
export interface ImportJob {
  readonly id: number
  readonly state: 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted'
  readonly startedBy: { readonly id: string; readonly name: string }
  readonly options: {
    readonly url: string
    readonly isDryRun: boolean
    readonly since: string | null
    readonly concurrency: number
    readonly assetHosts: readonly string[]
    readonly resumes: boolean
  }
  /** Pages by outcome so far, and `pending`: pages still to read, while it runs. */
  readonly counts: Readonly<Record<string, number>>
  readonly createdAt: string
  readonly finishedAt: string | null
  readonly error: { readonly code: string; readonly message: string } | null
  readonly result: {
    readonly runId: number | null
    readonly isComplete: boolean
    readonly rows: number
  } | null
}

export interface ImportRow {
  readonly url: string
  readonly kind: string
  readonly outcome: string
  readonly title: string
  readonly reason?: string
}

export const OUTCOMES = [
  'imported',
  'updated',
  'unchanged',
  'skipped',
  'failed',
  'would import',
  'would update',
] as const

export const isLive = (job: ImportJob | null | undefined) =>
  job?.state === 'queued' || job?.state === 'running'
