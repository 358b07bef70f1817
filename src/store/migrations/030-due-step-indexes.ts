import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * The publish queue asks every 15 seconds which scheduled steps are due (content's runDue):
 * articles to publish, to withdraw, to unpin. Without an index each question read every
 * article row, and `unpublish_at` and `pinned_until`, added after the body, sit behind its
 * overflow pages: at 100,000 articles `fabu serve` stopped answering for a second or more each
 * time. These partial indexes hold only the few articles with a step set.
 */
export const dueStepIndexes: Migration = {
  version: 30,
  name: 'indexes for the scheduled steps the publish queue fires',
  async up(db: Kysely<unknown>) {
    await sql`create index articles_due_publish on articles (publish_at) where status = 'scheduled'`.execute(
      db,
    )
    await sql`create index articles_due_withdraw on articles (unpublish_at) where unpublish_at is not null`.execute(
      db,
    )
    await sql`create index articles_due_unpin on articles (pinned_until) where pinned_until is not null`.execute(
      db,
    )
  },
}
