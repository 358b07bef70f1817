import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * 政民互动 (docs/interaction.md): mailboxes of a site (信箱, 依申请公开), who handles each, the
 * cases the public submits to them, and the installation's working-day calendar. The public's
 * name, phone, e-mail and ID number are stored only sealed (AES-256-GCM, key outside the
 * database): the `*_sealed` columns never hold clear text.
 */
export const interaction: Migration = {
  version: 18,
  name: 'mailboxes, cases of the public and the working-day calendar',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)

    await db.schema
      .createTable('mailboxes')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('categories', t.json, (c) => c.notNull())
      .addColumn('departments', t.json, (c) => c.notNull())
      .addColumn('deadline_days', 'integer', (c) => c.notNull())
      .addColumn('review_levels', 'integer', (c) => c.notNull())
      .addColumn('publishes_answers', t.flag, (c) => c.notNull())
      .addColumn('retention_days', 'integer', (c) => c.notNull())
      .addColumn('notify_addresses', t.json, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('mailboxes_site_slug', ['site_id', 'slug'])
      .execute()

    // Handling a mailbox is a grant of its own: it opens the public's personal data, which
    // editing or administering the site does not.
    await db.schema
      .createTable('mailbox_handlers')
      .addColumn('mailbox_id', 'integer', (c) => c.notNull().references('mailboxes.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('review_level', 'integer')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('mailbox_handlers_pk', ['mailbox_id', 'user_id'])
      .execute()

    await db.schema
      .createTable('cases')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('mailbox_id', 'integer', (c) => c.notNull().references('mailboxes.id'))
      .addColumn('query_code', 'text', (c) => c.notNull().unique())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('details', t.json, (c) => c.notNull())
      .addColumn('may_publish', t.flag, (c) => c.notNull())
      .addColumn('name_masked', 'text', (c) => c.notNull())
      .addColumn('name_sealed', 'text')
      .addColumn('phone_sealed', 'text')
      .addColumn('email_sealed', 'text')
      .addColumn('id_number_sealed', 'text')
      .addColumn('content_digest', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', t.timestamp, (c) => c.notNull())
      .addColumn('received_day', 'text', (c) => c.notNull())
      .addColumn('deadline_days', 'integer', (c) => c.notNull())
      .addColumn('pauses', t.json, (c) => c.notNull())
      .addColumn('extension_days', 'integer', (c) => c.notNull())
      .addColumn('extension_reason', 'text')
      .addColumn('assignee_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('department', 'text')
      .addColumn('answer_type', 'text')
      .addColumn('answer_reason', 'text')
      .addColumn('reply', 'text')
      .addColumn('reply_state', 'text', (c) => c.notNull())
      .addColumn('reply_stage', 'integer', (c) => c.notNull())
      .addColumn('reply_trail', t.json, (c) => c.notNull())
      .addColumn('replied_at', t.timestamp)
      .addColumn('invalid_reason', 'text')
      .addColumn('personal_erased_at', t.timestamp)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('cases_mailbox_status')
      .on('cases')
      .columns(['mailbox_id', 'status'])
      .execute()
    await db.schema
      .createIndex('cases_site_received')
      .on('cases')
      .columns(['site_id', 'received_at'])
      .execute()
    await db.schema
      .createIndex('cases_digest_received')
      .on('cases')
      .columns(['content_digest', 'received_at'])
      .execute()

    await db.schema
      .createTable('work_calendar_days')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .execute()
  },
}
