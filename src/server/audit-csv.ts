import type { AuditRecord } from '../content/index.ts'

const COLUMNS = [
  'id',
  'at',
  'actor',
  'address',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'errorCode',
  'detail',
  'hash',
] as const

/**
 * RFC 4180 CSV with a BOM (so Excel opens Chinese correctly). A cell starting with = + - @
 * is prefixed with ', so a spreadsheet never runs it as a formula (CSV injection).
 */
export function auditCsv(records: readonly AuditRecord[]): string {
  const lines = [COLUMNS.join(',')]
  for (const record of records) {
    lines.push(
      COLUMNS.map((column) => {
        const value = record[column]
        return cell(column === 'detail' ? JSON.stringify(value) : value === null ? '' : String(value))
      }).join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
