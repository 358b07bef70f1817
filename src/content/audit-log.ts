import { isFabuError } from '../errors/index.ts'
import type { AuditRow, Store, Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { chainOf, scheduleCheckpoint } from './audit-chain.ts'
import { linkOf } from './audit-link.ts'

export type { AuditVerification } from './audit-verify.ts'

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
  /** The key the record was chained with; null for records from before keys. */
  readonly keyId: string | null
}

/**
 * Appends one record, chained to the one before by an HMAC under the current audit key. The
 * head row is locked first, so two concurrent appends on PostgreSQL queue up instead of
 * forking the chain. A checkpoint of the head follows once the burst of appends is over.
 */
export async function appendAudit(store: Store, tx: Tx, entry: AuditEntry, now: string): Promise<void> {
  const key = chainOf(store).settings.keys.current
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
  const hash = linkOf(key, head.last_hash, fields)
  const row = await tx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: head.last_hash, hash, key_id: key.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx.updateTable('audit_head').set({ last_hash: hash, last_id: row.id }).where('id', '=', 1).execute()
  scheduleCheckpoint(store)
}

/** Appends one record in a transaction of its own: what happened outside any service call. */
export async function recordAudit(
  store: Store,
  entry: AuditEntry,
  now = new Date().toISOString(),
): Promise<void> {
  await store.transaction((tx) => appendAudit(store, tx, entry, now))
}

/**
 * Records a refused or failed attempt, in a transaction of its own (the attempt's rolled
 * back): the error's code, or INTERNAL for an error that is not ours. The one place every
 * refusal is audited from, so a refusal reads alike whoever refused it.
 */
export async function recordRefusal(
  store: Store,
  actor: Actor,
  action: string,
  target: { readonly type: string; readonly id?: string | number | undefined },
  error: unknown,
  now: string,
): Promise<void> {
  await recordAudit(
    store,
    {
      actor,
      action,
      targetType: target.type,
      targetId: String(target.id ?? ''),
      outcome: 'failure',
      errorCode: isFabuError(error) ? error.code : 'INTERNAL',
    },
    now,
  )
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
    keyId: row.key_id,
  }
}
