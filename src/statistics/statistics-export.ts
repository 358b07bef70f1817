import type { SiteGroupReport } from './site-group-report.ts'
import type { StatisticsReport } from './statistics-report.ts'
import { type StatisticsTable, siteGroupTables, statisticsTables } from './statistics-tables.ts'

/** A file name of ASCII only, so the Content-Disposition header needs no encoding. */
export function statisticsFileName(
  report: StatisticsReport | SiteGroupReport,
  extension: 'csv' | 'xlsx',
): string {
  const what = 'site' in report ? report.site.slug : 'sites'
  return `statistics-${what}-${report.period.fromDay}-${report.period.toDay}.${extension}`
}

/** What a file's first line says: whose figures, and the period. */
function headingOf(report: StatisticsReport | SiteGroupReport): readonly string[] {
  const period = `${report.period.fromDay} – ${report.period.toDay}`
  return 'site' in report
    ? [`${report.site.name} (${report.site.slug})`, period]
    : ['站群 all sites', period, report.timeZone]
}

function tablesOf(report: StatisticsReport | SiteGroupReport): readonly StatisticsTable[] {
  return 'site' in report ? statisticsTables(report) : siteGroupTables(report)
}

/**
 * Every table as RFC 4180 CSV with a BOM (so Excel reads the Chinese), one block after
 * another under its title. Column names and editors are typed by users: a cell starting with
 * = + - @ is prefixed with ', so a spreadsheet never runs it as a formula (CSV injection).
 */
export function statisticsCsv(report: StatisticsReport | SiteGroupReport): string {
  const lines = [headingOf(report).map(cell).join(',')]
  for (const table of tablesOf(report)) {
    lines.push('', cell(table.title), table.header.map(cell).join(','))
    for (const row of table.rows)
      lines.push(row.map((value) => (typeof value === 'number' ? String(value) : cell(value))).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Every table as a sheet of one workbook; cells are typed (numbers stay numbers, text is never a formula). */
export async function statisticsXlsx(report: StatisticsReport | SiteGroupReport): Promise<Uint8Array> {
  // Loaded when asked for: only exports need it.
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  const sheets = tablesOf(report).map((table) => ({
    sheet: table.title.slice(0, 31),
    data: [
      table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => ({ value }))),
    ],
    columns: table.header.map((_, index) => ({ width: index === 0 ? 40 : 16 })),
    stickyRowsCount: 1,
  }))
  return writeXlsxFile(sheets).toBuffer()
}
