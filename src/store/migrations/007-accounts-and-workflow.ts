import type { Kysely } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * Users, their sessions and role grants (等保2.0 level 3: lockout, password history and
 * expiry, revocable sessions), and the editorial workflow's state on articles and columns.
 */
export const accountsAndWorkflow: Migration = {
  version: 7,
  name: 'users, sessions, grants and the editorial workflow',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)

    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', t.identity)
      // Compared case-insensitively: stored lower-cased, so the unique index is the rule.
      .addColumn('user_name', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', t.timestamp, (c) => c.notNull())
      .addColumn('must_change_password', t.flag, (c) => c.notNull())
      .addColumn('disabled', t.flag, (c) => c.notNull())
      .addColumn('failed_sign_ins', 'integer', (c) => c.notNull())
      .addColumn('locked_until', t.timestamp)
      .addColumn('totp_secret', 'text')
      .addColumn('totp_last_step', 'integer')
      .addColumn('last_sign_in_at', t.timestamp)
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('password_history')
      .addColumn('id', 'integer', t.identity)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('password_history_user')
      .on('password_history')
      .columns(['user_id', 'id'])
      .execute()

    // The id is a hash of the cookie's token: a copy of the database does not sign anyone in.
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('second_factor_pending', t.flag, (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('ended_at', t.timestamp)
      .execute()
    await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute()

    await db.schema
      .createTable('grants')
      .addColumn('id', 'integer', t.identity)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
      .addColumn('column_id', 'integer', (c) => c.references('columns.id'))
      .addColumn('review_level', 'integer')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('grants_user').on('grants').columns(['user_id']).execute()

    // Failed sign-ins per address, for the rate limit that does not depend on a user name.
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('id', 'integer', t.identity)
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('sign_in_failures_address')
      .on('sign_in_failures')
      .columns(['address', 'at'])
      .execute()

    await db.schema
      .alterTable('columns')
      .addColumn('review_levels', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .alterTable('articles')
      .addColumn('review_stage', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.alterTable('articles').addColumn('review_comment', 'text').execute()
    await db.schema.alterTable('articles').addColumn('unpublish_at', t.timestamp).execute()
    await db.schema.alterTable('articles').addColumn('submitted_by', 'text').execute()
  },
}
