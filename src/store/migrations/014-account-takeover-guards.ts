import type { Kysely } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * Two guards for accounts (docs/server.md, Accounts):
 * - `users.password_reset_by`: the actor whose reset last issued the account's password. That
 *   administrator saw the one-time password, so they may not also grant the account an
 *   administrative role (三员分立: no one both takes over an account and widens its rights).
 * - `sign_in_failures.user_name`: failures are throttled per address and user name, so one
 *   attacker behind a government office's NAT does not lock out everyone else behind it.
 */
export const accountTakeoverGuards: Migration = {
  version: 14,
  name: 'who reset a password; sign-in failures per user name',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('password_reset_by', 'text').execute()
    await db.schema.alterTable('sign_in_failures').addColumn('user_name', 'text').execute()
    await db.schema
      .createIndex('sign_in_failures_address_user')
      .on('sign_in_failures')
      .columns(['address', 'user_name', 'at'])
      .execute()
  },
}
