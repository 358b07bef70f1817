import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'
import { webAddress } from './web-address.ts'

type Reader = Pick<Kysely<Database>, 'selectFrom'>

export const submissionStatuses = ['pending', 'adopted', 'returned', 'ignored'] as const
export type SubmissionStatus = (typeof submissionStatuses)[number]

export const submissionStatusLabels: Readonly<Record<SubmissionStatus, { zh: string; en: string }>> = {
  pending: { zh: '待处理', en: 'pending' },
  adopted: { zh: '已采用', en: 'adopted' },
  returned: { zh: '已退回', en: 'returned' },
  ignored: { zh: '已忽略', en: 'ignored' },
}

/** An article one site sent to a column of another (信息报送), and what became of it. */
export interface Submission {
  readonly id: number
  readonly sourceSiteId: number
  readonly sourceSiteName: string
  readonly articleId: number
  readonly title: string
  /** The original's published address; null if it was not published when submitted. */
  readonly sourceUrl: string | null
  readonly targetSiteId: number
  readonly targetSiteName: string
  readonly targetColumnId: number
  readonly targetColumnName: string
  readonly note: string
  readonly submittedBy: string
  readonly submittedAt: string
  readonly status: SubmissionStatus
  readonly decidedBy: string | null
  readonly decidedAt: string | null
  /** Why it was returned. */
  readonly reason: string | null
  /** The copy made when it was adopted (采用). */
  readonly adoptedArticleId: number | null
}

/** Submissions with the names of their sites and column, ready for `toSubmission`. */
export function selectSubmissions(tx: Reader) {
  return tx
    .selectFrom('submissions')
    .innerJoin('sites as source', 'source.id', 'submissions.source_site_id')
    .innerJoin('sites as target', 'target.id', 'submissions.target_site_id')
    .leftJoin('columns', 'columns.id', 'submissions.target_column_id')
    .selectAll('submissions')
    .select(['source.name as source_name', 'target.name as target_name', 'columns.name as column_name'])
}

type SubmissionRow = Awaited<ReturnType<ReturnType<typeof selectSubmissions>['executeTakeFirstOrThrow']>>

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : value)

export function toSubmission(row: SubmissionRow): Submission {
  return Object.freeze({
    id: row.id,
    sourceSiteId: row.source_site_id,
    sourceSiteName: row.source_name,
    articleId: row.article_id,
    title: row.title,
    // Stored before base addresses were checked, it may be no web address: then no link.
    sourceUrl: row.source_url === null ? null : webAddress(row.source_url),
    targetSiteId: row.target_site_id,
    targetSiteName: row.target_name,
    targetColumnId: row.target_column_id,
    // A purged column leaves its submissions (and their counts) without a name.
    targetColumnName: row.column_name ?? '',
    note: row.note,
    submittedBy: row.submitted_by,
    submittedAt: iso(row.submitted_at),
    status: row.status as SubmissionStatus,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : iso(row.decided_at),
    reason: row.reason,
    adoptedArticleId: row.adopted_article_id,
  })
}
