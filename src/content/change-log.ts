import type { Tx } from '../store/index.ts'

export type ChangedEntity = 'site' | 'column' | 'article'

/**
 * The outbox row of DESIGN.md point 3: written in the transaction of the mutation itself,
 * so a committed change always has its row and a rolled-back one never does.
 */
export async function recordChange(
  tx: Tx,
  change: { siteId: number; entity: ChangedEntity; entityId: number; action: string },
  now: string,
): Promise<void> {
  await tx
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
