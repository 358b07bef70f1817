import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'

/** What changed: content's entities, or another folder's (a template, a letter's page…). */
export interface OutboxChange {
  readonly siteId: number
  readonly entity: string
  readonly entityId: number
  readonly action: string
}

/**
 * The outbox row of DESIGN.md point 3: written in the transaction of the mutation itself,
 * so a committed change always has its row and a rolled-back one never does. Every folder
 * that tells the publisher of a change writes it here, so the row reads alike from all.
 */
export async function recordChange(
  db: Pick<Kysely<Database>, 'insertInto'>,
  change: OutboxChange,
  now: string,
): Promise<void> {
  await db
    .insertInto('changes')
    .values({
      site_id: change.siteId,
      entity: change.entity,
      entity_id: change.entityId,
      action: change.action,
      created_at: now,
    })
    .execute()
}
