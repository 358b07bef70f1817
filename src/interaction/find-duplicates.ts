import type { Principal } from '../content/index.ts'
import { type Case, toCase } from './case.ts'
import { today, visibleCase } from './case-service.ts'
import type { InteractionContext } from './interaction-context.ts'
import { loadCalendar } from './work-calendar.ts'

/** How far apart two letters may arrive and still count as the same matter. */
export const DUPLICATE_WINDOW_DAYS = 30

/**
 * Cases of the same mailbox that look like this one again: the same sender (by a keyed digest
 * of the phone number, never the number) or the same subject and content, received within the
 * window either side, and not merged already. Staff decide; `mergeInto` merges.
 */
export async function findDuplicates(
  ic: InteractionContext,
  principal: Principal,
  id: number,
): Promise<readonly Case[]> {
  const { row } = await visibleCase(ic, principal, id, 'case.get')
  const at = Date.parse(row.received_at)
  const window = DUPLICATE_WINDOW_DAYS * 86_400_000
  const rows = await ic.store.db
    .selectFrom('cases')
    .selectAll()
    .where('mailbox_id', '=', row.mailbox_id)
    .where('id', '!=', row.id)
    .where('duplicate_of', 'is', null)
    .where('received_at', '>=', new Date(at - window).toISOString())
    .where('received_at', '<=', new Date(at + window).toISOString())
    .where((eb) =>
      eb.or([
        eb('content_digest', '=', row.content_digest),
        ...(row.sender_digest ? [eb('sender_digest', '=', row.sender_digest)] : []),
      ]),
    )
    .orderBy('received_at')
    .limit(50)
    .execute()
  const calendar = await loadCalendar(ic.store)
  const day = await today(ic, row.site_id)
  return rows.map((found) => toCase(found, calendar, day))
}
