import type { Kysely } from 'kysely'
import { recordChange } from '../content/index.ts'
import type { Database } from '../store/index.ts'

/** What of 政民互动 the public site shows: a letter's page, a mailbox's list, a consultation. */
export type InteractionEntity = 'letter' | 'mailbox' | 'consultation'

/**
 * The outbox row that tells the publisher a published page of 政民互动 changed, written in
 * the transaction of the change itself (content's recordChange), so an answer approved is on
 * the site after the next publish and a rolled-back one never is.
 */
export async function recordSiteChange(
  tx: Kysely<Database>,
  change: { siteId: number; entity: InteractionEntity; entityId: number; action: string },
  now: string,
): Promise<void> {
  await recordChange(tx, change, now)
}
