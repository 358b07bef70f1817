import type { Store } from '../store/index.ts'
import { chainOf, checkpointAudit } from './audit-chain.ts'
import { type AuditCheckpoint, readCheckpoints } from './audit-checkpoints.ts'
import { linkOf } from './audit-link.ts'

export interface AuditVerification {
  readonly isIntact: boolean
  /** Records whose links were checked. */
  readonly checked: number
  /** Of those, records chained without a key by a version before keys (plain SHA-256). */
  readonly legacy: number
  /** Checkpoints outside the database that the log was compared with. */
  readonly checkpoints: number
  /** The first record whose link does not match, or that a checkpoint saw otherwise. */
  readonly brokenAt?: number
  readonly reason?: string
}

/**
 * Walks the whole chain with the keys, then compares it with every checkpoint written outside
 * the database: a record edited, removed, inserted or re-chained without the key breaks the
 * chain; a log cut short or emptied (and re-chained from there) no longer holds what a
 * checkpoint saw. An intact log gets a checkpoint of its head, so the next check starts there.
 */
export async function verifyAudit(store: Store): Promise<AuditVerification> {
  const { settings } = chainOf(store)
  // The checkpoints are read before the head: each was written from a committed head, so
  // the head read next is at or past every one of them, however busy other writers are.
  const reading = settings.checkpointPath
    ? readCheckpoints(settings.checkpointPath, settings.keys)
    : { isValid: true as const, checkpoints: [] }
  if (!reading.isValid) {
    return broken(0, 0, 0, `checkpoint file line ${reading.line}: ${reading.reason}`)
  }
  // Oldest first by entry id; one id may have several checkpoints (processes, restarts), and
  // every one of them must still hold.
  const pending = reading.checkpoints.filter((checkpoint) => checkpoint.id > 0).sort((a, b) => a.id - b.id)
  let next = 0
  const checkpoints = reading.checkpoints.length
  // Records appended while we walk lie beyond the head read now and are left for the next check.
  const head = await store.db
    .selectFrom('audit_head')
    .select(['last_hash', 'last_id', 'keyed_from'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const moved = reading.checkpoints.find((checkpoint) => checkpoint.keyedFrom !== head.keyed_from)
  if (moved) {
    return broken(
      0,
      0,
      checkpoints,
      `the keyed part of the chain was moved: it began at #${moved.keyedFrom} (checkpoint of ${moved.at}), the database now says #${head.keyed_from}`,
    )
  }
  let previous = ''
  let checked = 0
  let legacy = 0
  let afterId = 0
  while (previous !== head.last_hash) {
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(1000)
      .execute()
    if (rows.length === 0) break
    for (const row of rows) {
      const fail = (reason: string) => broken(checked, legacy, checkpoints, reason, row.id)
      const skipped = pending[next]
      if (skipped && skipped.id < row.id) return deleted(skipped)
      if (row.prev_hash !== previous) return fail('link to the previous record does not match')
      const isLegacy = row.id < head.keyed_from
      if (isLegacy && row.key_id !== null) return fail('a record from before keys names a key')
      if (!isLegacy && row.key_id === null) {
        return fail(
          `record is not keyed, though keyed records begin at #${head.keyed_from}: the chain was recomputed without the key`,
        )
      }
      const key = row.key_id === null ? null : settings.keys.byId.get(row.key_id)
      if (key === undefined) {
        return fail(
          `record was chained with key "${row.key_id}", which the keyring lacks (FABU_AUDIT_KEY or keys/audit.key)`,
        )
      }
      if (linkOf(key, previous, row) !== row.hash) {
        return fail(
          key
            ? 'record does not match its link under the audit key'
            : 'record content does not match its hash',
        )
      }
      for (; pending[next]?.id === row.id; next++) {
        const checkpoint = pending[next] as AuditCheckpoint
        if (checkpoint.link !== row.hash) {
          return fail(
            `record differs from what the checkpoint of ${checkpoint.at} saw: the log was rewritten`,
          )
        }
      }
      previous = row.hash
      afterId = row.id
      checked++
      if (isLegacy) legacy++
      if (previous === head.last_hash) break
    }
  }
  if (previous !== head.last_hash) {
    return broken(checked, legacy, checkpoints, 'records are missing from the end of the log')
  }
  const newest = pending.at(-1)
  if (newest && newest.id > afterId) {
    return broken(
      checked,
      legacy,
      checkpoints,
      checked === 0
        ? `the log is empty, but the checkpoint of ${newest.at} saw it reach #${newest.id}: it was emptied`
        : `the log ends at #${afterId}, but the checkpoint of ${newest.at} saw it reach #${newest.id}: records were cut off the end`,
    )
  }
  await checkpointAudit(store)
  return { isIntact: true, checked, legacy, checkpoints }

  function deleted(checkpoint: AuditCheckpoint): AuditVerification {
    return broken(
      checked,
      legacy,
      checkpoints,
      `record #${checkpoint.id}, seen by the checkpoint of ${checkpoint.at}, was deleted`,
      checkpoint.id,
    )
  }
}

function broken(
  checked: number,
  legacy: number,
  checkpoints: number,
  reason: string,
  brokenAt?: number,
): AuditVerification {
  return {
    isIntact: false,
    checked,
    legacy,
    checkpoints,
    reason,
    ...(brokenAt === undefined ? {} : { brokenAt }),
  }
}
