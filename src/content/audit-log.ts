import { createHash } from 'node:crypto'
import type { AuditRow, Store, Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'

export interface AuditEntry {
  readonly actor: Actor
  readonly action: string
  readonly targetType: string
  readonly targetId: string
  readonly outcome: 'success' | 'failure'
  readonly errorCode?: string | undefined
  readonly detail?: Readonly<Record<string, unknown>> | undefined
}

export interface AuditRecord {
  readonly id: number
  readonly at: string
  readonly actor: string
  readonly address: string
  readonly action: string
  readonly targetType: string
  readonly targetId: string
  readonly outcome: string
  readonly errorCode: string | null
  readonly detail: Readonly<Record<string, unknown>>
  readonly hash: string
}

export interface AuditVerification {
  readonly isIntact: boolean
  readonly checked: number
  /** The first record whose hash or link does not match, when the chain is broken. */
  readonly brokenAt?: number
  readonly reason?: string
}

/**
 * Appends one record, chained to the one before by hash. The head row is locked first, so
 * two concurrent appends on PostgreSQL queue up instead of forking the chain.
 */
export async function appendAudit(store: Store, tx: Tx, entry: AuditEntry, now: string): Promise<void> {
  const head = await store
    .forUpdate(tx.selectFrom('audit_head').select('last_hash').where('id', '=', 1))
    .executeTakeFirstOrThrow()
  const fields = {
    at: now,
    actor: `${entry.actor.name} (${entry.actor.id})`,
    address: entry.actor.address,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    outcome: entry.outcome,
    error_code: entry.errorCode ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  }
  const hash = chainHash(head.last_hash, fields)
  await tx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: head.last_hash, hash })
    .execute()
  await tx.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute()
}

/** Walks the whole chain and reports the first record that was edited, removed or inserted. */
export async function verifyAudit(store: Store): Promise<AuditVerification> {
  // The head is read first: records appended while we walk lie beyond it and are left for
  // the next check, so concurrent writers never look like a truncated log.
  const head = await store.db
    .selectFrom('audit_head')
    .select('last_hash')
    .where('id', '=', 1)
    .executeTakeFirst()
  const target = head?.last_hash ?? ''
  let previous = ''
  let checked = 0
  let afterId = 0
  while (previous !== target) {
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(1000)
      .execute()
    if (rows.length === 0) {
      return { isIntact: false, checked, reason: 'records are missing from the end of the log' }
    }
    for (const row of rows) {
      if (row.prev_hash !== previous) {
        return {
          isIntact: false,
          checked,
          brokenAt: row.id,
          reason: 'link to the previous record does not match',
        }
      }
      if (chainHash(previous, row) !== row.hash) {
        return {
          isIntact: false,
          checked,
          brokenAt: row.id,
          reason: 'record content does not match its hash',
        }
      }
      previous = row.hash
      checked++
      if (previous === target) break
    }
    afterId = rows.at(-1)?.id ?? afterId
  }
  return { isIntact: true, checked }
}

export interface AuditQuery {
  readonly limit?: number
  readonly beforeId?: number
  readonly action?: string
}

/** Newest first. */
export async function listAudit(store: Store, query: AuditQuery = {}): Promise<readonly AuditRecord[]> {
  let select = store.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit ?? 100)
  if (query.beforeId) select = select.where('id', '<', query.beforeId)
  if (query.action) select = select.where('action', '=', query.action)
  return (await select.execute()).map(toAuditRecord)
}

type HashedFields = Pick<
  AuditRow,
  'at' | 'actor' | 'address' | 'action' | 'target_type' | 'target_id' | 'outcome' | 'error_code' | 'detail'
>

function chainHash(previous: string, row: HashedFields): string {
  const canonical = JSON.stringify([
    previous,
    row.at,
    row.actor,
    row.address,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.error_code,
    // jsonb normalises whitespace and key order, so hash the parsed value, re-serialised.
    canonicalJson(JSON.parse(row.detail)),
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    address: row.address,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    errorCode: row.error_code,
    detail: JSON.parse(row.detail),
    hash: row.hash,
  }
}
