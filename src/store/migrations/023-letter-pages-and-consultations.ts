import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * 政民互动, second part (docs/interaction.md): staff may take an answered letter off the site
 * (`shows_answer`), a case may be merged into another as its duplicate (`duplicate_of`), and
 * consultations (意见征集) on a draft take the public's opinions, sealed like a case's
 * personal data, until their end day, then publish a summary of the feedback (采纳情况).
 */
export const letterPagesAndConsultations: Migration = {
  version: 23,
  name: 'published letters, merged duplicates and consultations',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    const yes = engine === 'postgres' ? true : 1

    await db.schema
      .alterTable('cases')
      .addColumn('shows_answer', t.flag, (c) => c.notNull().defaultTo(yes))
      .execute()
    await db.schema
      .alterTable('cases')
      .addColumn('duplicate_of', 'integer', (c) => c.references('cases.id'))
      .execute()
    // A keyed digest of the sender's phone: finds the same person's letters without the number.
    await db.schema.alterTable('cases').addColumn('sender_digest', 'text').execute()

    await db.schema
      .createTable('consultations')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('draft', 'text', (c) => c.notNull())
      .addColumn('starts_day', 'text', (c) => c.notNull())
      .addColumn('ends_day', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('summary_at', t.timestamp)
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('consultation_opinions')
      .addColumn('id', 'integer', t.identity)
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('name_masked', 'text', (c) => c.notNull())
      .addColumn('name_sealed', 'text')
      .addColumn('phone_sealed', 'text')
      .addColumn('email_sealed', 'text')
      .addColumn('content_digest', 'text', (c) => c.notNull())
      .addColumn('received_at', t.timestamp, (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('consultation_opinions_consultation')
      .on('consultation_opinions')
      .columns(['consultation_id', 'received_at'])
      .execute()
  },
}
