import type { ImportJob, ImportReportRows } from '../api-types.gen.ts'

/** An import job as GET /api/sites/:site/import-jobs/:id gives it (`npm run api:types`). */
export type { ImportJob }

export type ImportRow = ImportReportRows['items'][number]

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
