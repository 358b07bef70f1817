import { formatZonedMinute, parseZonedMinute } from '../content/index.ts'
import type { Store } from '../store/index.ts'

/** One unit's adoptions in a receiving site, per month of one year. */
export interface UnitAdoptions {
  readonly sourceSiteId: number
  readonly sourceSiteName: string
  /** January first; months in the receiving site's time zone. */
  readonly perMonth: readonly number[]
  readonly total: number
}

export interface AdoptionReport {
  readonly siteId: number
  readonly siteName: string
  readonly year: number
  readonly units: readonly UnitAdoptions[]
  readonly perMonth: readonly number[]
  readonly total: number
}

/** Adoptions by the site in `year`, per unit and month: the assessment (考核) numbers. */
export async function adoptionReport(
  store: Store,
  site: { readonly id: number; readonly name: string; readonly timeZone: string },
  year: number,
): Promise<AdoptionReport> {
  const from = parseZonedMinute(`${year}-01-01 00:00`, site.timeZone) ?? `${year}-01-01T00:00:00.000Z`
  const to = parseZonedMinute(`${year + 1}-01-01 00:00`, site.timeZone) ?? `${year + 1}-01-01T00:00:00.000Z`
  const rows = await store.db
    .selectFrom('submissions')
    .innerJoin('sites', 'sites.id', 'submissions.source_site_id')
    .select(['submissions.source_site_id', 'sites.name', 'submissions.decided_at'])
    .where('submissions.status', '=', 'adopted')
    .where('submissions.target_site_id', '=', site.id)
    .where('submissions.decided_at', '>=', from)
    .where('submissions.decided_at', '<', to)
    .execute()
  const units = new Map<number, { name: string; perMonth: number[] }>()
  for (const row of rows) {
    if (row.decided_at === null) continue
    const at = row.decided_at as string | Date
    const month = Number(
      formatZonedMinute(at instanceof Date ? at.toISOString() : at, site.timeZone).slice(5, 7),
    )
    const unit = units.get(row.source_site_id) ?? { name: row.name, perMonth: new Array<number>(12).fill(0) }
    unit.perMonth[month - 1] = (unit.perMonth[month - 1] ?? 0) + 1
    units.set(row.source_site_id, unit)
  }
  const list = [...units].map(([sourceSiteId, unit]) => ({
    sourceSiteId,
    sourceSiteName: unit.name,
    perMonth: unit.perMonth,
    total: unit.perMonth.reduce((sum, count) => sum + count, 0),
  }))
  list.sort((a, b) => b.total - a.total || a.sourceSiteName.localeCompare(b.sourceSiteName, 'zh'))
  const perMonth = Array.from({ length: 12 }, (_, index) =>
    list.reduce((sum, unit) => sum + (unit.perMonth[index] ?? 0), 0),
  )
  return {
    siteId: site.id,
    siteName: site.name,
    year,
    units: list,
    perMonth,
    total: perMonth.reduce((sum, count) => sum + count, 0),
  }
}

const MONTHS = Array.from({ length: 12 }, (_, index) => `${index + 1}月 ${index + 1}`)

/** The report as a table: a header, one row per unit, a total row. */
function reportRows(report: AdoptionReport): (string | number)[][] {
  return [
    ['单位 unit', ...MONTHS, `${report.year}年合计 total`],
    ...report.units.map((unit) => [unit.sourceSiteName, ...unit.perMonth, unit.total]),
    ['合计 total', ...report.perMonth, report.total],
  ]
}

/**
 * A cell as a spreadsheet should read it: quoted when needed, and text that starts like a
 * formula (=, +, -, @, tab, CR) led by an apostrophe so it never runs as one. Unit names are
 * typed by site administrators, so one could start with `=`.
 */
function csvCell(value: string | number): string {
  const text = String(value)
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV with a BOM, so Excel reads the Chinese labels. */
export function adoptionReportCsv(report: AdoptionReport): string {
  return `\uFEFF${reportRows(report)
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`
}

/** The same table as a workbook (xlsx cells are typed, so text never runs as a formula there). */
export async function adoptionReportXlsx(report: AdoptionReport): Promise<Uint8Array> {
  // Loaded when asked for: only exports need it.
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  const [head = [], ...rest] = reportRows(report)
  const data = [head.map((value) => ({ value, fontWeight: 'bold' as const })), ...rest]
  return writeXlsxFile([
    {
      data,
      sheet: `${report.year} 采用 adopted`,
      columns: [{ width: 30 }, ...MONTHS.map(() => ({ width: 8 })), { width: 14 }],
      stickyRowsCount: 1,
    },
  ]).toBuffer()
}
