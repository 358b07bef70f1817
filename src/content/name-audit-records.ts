import type { Store } from '../store/index.ts'
import { actorNames } from './actor-names.ts'
import type { AuditRecord } from './audit-log.ts'

/** An audit record as a person reads it: who by their display name, what by its name or title. */
export interface NamedAuditRecord extends AuditRecord {
  /** The user's display name, or the actor as recorded (`cli:root`, `system`). */
  readonly actorName: string
  /** The target's title or name as it is now (deleted ones included); null when unknown. */
  readonly targetName: string | null
}

/**
 * Names the records' actors and targets with one query per kind of target, not one per record
 * (an audit page holds up to 500 records).
 */
export async function nameAuditRecords(
  store: Store,
  records: readonly AuditRecord[],
): Promise<NamedAuditRecord[]> {
  const idsOf = (type: string) => [
    ...new Set(
      records
        .filter((record) => record.targetType === type && /^\d{1,9}$/.test(record.targetId))
        .map((record) => Number(record.targetId)),
    ),
  ]
  const names = async (
    type: string,
    ids: readonly number[],
    read: (ids: readonly number[]) => Promise<readonly { id: number; name: string }[]>,
  ) => new Map((ids.length === 0 ? [] : await read(ids)).map((row) => [`${type}:${row.id}`, row.name]))
  const db = store.db
  const nameOf = await actorNames(
    store,
    records.map((record) => record.actor),
  )
  const known = new Map([
    ...(await names('article', idsOf('article'), (ids) =>
      db.selectFrom('articles').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    )),
    ...(await names('column', idsOf('column'), (ids) =>
      db.selectFrom('columns').select(['id', 'name']).where('id', 'in', ids).execute(),
    )),
    ...(await names('site', idsOf('site'), (ids) =>
      db.selectFrom('sites').select(['id', 'name']).where('id', 'in', ids).execute(),
    )),
    ...(await names('user', idsOf('user'), (ids) =>
      db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
    )),
  ])
  return records.map((record) => {
    const actorName = nameOf(record.actor)
    const targetName = known.get(`${record.targetType}:${record.targetId}`) ?? null
    return { ...record, actorName, targetName }
  })
}
