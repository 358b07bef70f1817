import { NotFoundError } from '../../errors/index.ts'
import type { Store } from '../../store/index.ts'

/** A publish run as the admin lists it: its counts, not its file lists. */
export interface PublishRunSummary {
  id: number
  mode: string
  started_at: string
  finished_at: string
  written: number
  unchanged: number
  removed: number
  errors: number
}

export interface PublishRunDetail extends PublishRunSummary {
  site_id: number
  manifest: {
    added: string[]
    changed: string[]
    removed: string[]
    failed: { path: string; error: string }[]
  }
}

/** The site's newest runs first. */
export function recentPublishRuns(store: Store, siteId: number, limit: number): Promise<PublishRunSummary[]> {
  return store.db
    .selectFrom('publish_runs')
    .select(['id', 'mode', 'started_at', 'finished_at', 'written', 'unchanged', 'removed', 'errors'])
    .where('site_id', '=', siteId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** One run with its manifest; NOT_FOUND (as a job) when there is none. */
export async function publishRun(store: Store, id: number): Promise<PublishRunDetail> {
  const row = await store.db.selectFrom('publish_runs').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('job', id)
  return { ...row, manifest: JSON.parse(row.manifest) }
}
