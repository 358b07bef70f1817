/** What became of one page or file of the old site. */
export type ImportOutcome =
  | 'imported'
  | 'updated'
  | 'unchanged'
  | 'skipped'
  | 'failed'
  | 'would import'
  | 'would update'

export interface ImportRow {
  readonly url: string
  readonly kind: 'article' | 'page' | 'file'
  readonly outcome: ImportOutcome
  readonly title: string
  readonly reason?: string
  readonly articleId?: number | null
}

export interface ImportReport {
  /** Null for a dry run, which records nothing. */
  readonly runId: number | null
  readonly rows: readonly ImportRow[]
  readonly counts: Readonly<Record<ImportOutcome, number>>
  /** False when the page bound stopped the run with pages left: `--resume` goes on. */
  readonly isComplete: boolean
}

/** Every row as CSV (RFC 4180, UTF-8 with a byte order mark so Excel shows the Chinese). */
export function reportCsv(report: ImportReport): string {
  const cell = (value: string | number | null | undefined) => {
    const text = String(value ?? '')
    // A cell starting with = + - @ is a formula to a spreadsheet: quote it as text.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const lines = [['url', 'kind', 'outcome', 'title', 'article_id', 'reason'].join(',')]
  for (const row of report.rows) {
    lines.push([row.url, row.kind, row.outcome, row.title, row.articleId, row.reason].map(cell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
