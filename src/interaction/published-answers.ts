import type { InteractionContext } from './interaction-context.ts'
import type { Mailbox } from './mailbox.ts'

/** An answered letter as the public site shows it: the name masked, no contact details. */
export interface PublishedAnswer {
  readonly id: number
  readonly subject: string
  readonly content: string
  readonly nameMasked: string
  readonly department: string | null
  readonly receivedDay: string
  readonly repliedAt: string | null
  readonly reply: string
}

export const ANSWERS_PAGE_SIZE = 20

/**
 * The answered letters of a mailbox that publishes answers and whose senders agreed, newest
 * answer first, by page (1-based). Ordered by reply time then id, so pages stay stable.
 */
export async function publishedAnswers(
  ic: InteractionContext,
  mailbox: Mailbox,
  page: number,
): Promise<{ readonly items: readonly PublishedAnswer[]; readonly total: number }> {
  if (!mailbox.publishesAnswers) return { items: [], total: 0 }
  const base = ic.store.db
    .selectFrom('cases')
    .where('mailbox_id', '=', mailbox.id)
    .where('status', '=', 'answered')
    .where('may_publish', '=', true)
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await base
    .select(['id', 'subject', 'content', 'name_masked', 'department', 'received_day', 'replied_at', 'reply'])
    .orderBy('replied_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ANSWERS_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * ANSWERS_PAGE_SIZE)
    .execute()
  return {
    // PostgreSQL returns COUNT(*) as a string (bigint).
    total: Number(counted.n),
    items: rows.map((row) =>
      Object.freeze({
        id: row.id,
        subject: row.subject,
        content: row.content,
        nameMasked: row.name_masked,
        department: row.department,
        receivedDay: row.received_day,
        repliedAt: row.replied_at,
        reply: row.reply ?? '',
      }),
    ),
  }
}
