import type { Store } from '../store/index.ts'
import type { InspectionItem, InspectionReport } from './inspection-item.ts'

/** A stored run as listed: when, by whom, how many single-veto items failed. */
export interface InspectionRunSummary {
  readonly id: number
  readonly checkedAt: string
  readonly startedBy: string
  readonly failed: number
}

const asJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value)
// PostgreSQL hands timestamptz back as Date objects through some drivers' paths; keep ISO strings.
const asIso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))

/** Stores a run; its id is returned. */
export async function saveInspectionRun(
  store: Store,
  siteId: number,
  startedBy: string,
  report: InspectionReport,
): Promise<number> {
  const row = await store.db
    .insertInto('inspection_runs')
    .values({
      site_id: siteId,
      checked_at: report.checkedAt,
      started_by: startedBy,
      failed: report.failed,
      report: JSON.stringify({ ...report, changes: null }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The newest stored run of the site checked before `before`, if any. */
export async function previousInspectionRun(
  store: Store,
  siteId: number,
  before: string,
): Promise<{ readonly checkedAt: string; readonly items: readonly InspectionItem[] } | null> {
  const row = await store.db
    .selectFrom('inspection_runs')
    .select(['checked_at', 'report'])
    .where('site_id', '=', siteId)
    .where('checked_at', '<', before)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  const report = asJson(row.report) as InspectionReport
  return { checkedAt: asIso(row.checked_at), items: report.items }
}

/** The site's stored runs, newest first. */
export async function listInspectionRuns(
  store: Store,
  siteId: number,
  limit = 60,
): Promise<InspectionRunSummary[]> {
  const rows = await store.db
    .selectFrom('inspection_runs')
    .select(['id', 'checked_at', 'started_by', 'failed'])
    .where('site_id', '=', siteId)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    checkedAt: asIso(row.checked_at),
    startedBy: row.started_by,
    failed: Number(row.failed),
  }))
}

/** The newest stored run of the site, whole, or null when none was stored. */
export async function latestInspectionRun(store: Store, siteId: number): Promise<InspectionReport | null> {
  const row = await store.db
    .selectFrom('inspection_runs')
    .select(['id', 'checked_at', 'report'])
    .where('site_id', '=', siteId)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return { ...(asJson(row.report) as InspectionReport), checkedAt: asIso(row.checked_at), runId: row.id }
}
