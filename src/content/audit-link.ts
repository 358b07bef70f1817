import { createHash, createHmac } from 'node:crypto'
import type { AuditRow } from '../store/index.ts'

export type LinkedFields = Pick<
  AuditRow,
  'at' | 'actor' | 'address' | 'action' | 'target_type' | 'target_id' | 'outcome' | 'error_code' | 'detail'
>

/**
 * An entry's link: HMAC-SHA-256 of the previous link and the entry under the key it names, so
 * whoever writes the database without the key cannot re-chain it. Without a key (entries from
 * before keys) it is the plain SHA-256 those versions wrote.
 */
export function linkOf(
  key: { readonly id: string; readonly secret: Buffer } | null,
  previous: string,
  row: LinkedFields,
): string {
  const fields = [
    previous,
    row.at,
    row.actor,
    row.address,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.error_code,
    // jsonb normalises whitespace and key order, so link the parsed value, re-serialised.
    canonicalJson(JSON.parse(row.detail)),
  ]
  if (!key) return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
  // The key id is linked too, so an entry cannot be passed off as chained with another key.
  return createHmac('sha256', key.secret)
    .update(JSON.stringify([key.id, ...fields]))
    .digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
