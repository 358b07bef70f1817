import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * State that several `fabu serve` processes share. `used_form_tokens`: the public forms'
 * tokens once used (the nonce, until the token would have expired anyway), so a token used on
 * one server is refused on every other. `jobs.owner` and `jobs.owner_seen_at` (milliseconds):
 * the server running an import and its last heartbeat, so a server starting marks only the
 * imports of servers that stopped, not those another live server runs. `publish_leases.done`:
 * the pages a run has rendered so far, so the API on any server shows a worker's progress.
 */
export const sharedServerState: Migration = {
  version: 36,
  name: 'used form tokens, import owners and publish progress shared by every server',
  async up(db: Kysely<unknown>) {
    await sql`create table used_form_tokens (
      nonce text primary key,
      expires_at bigint not null
    )`.execute(db)
    await sql`create index used_form_tokens_expiry on used_form_tokens (expires_at)`.execute(db)
    await sql`alter table jobs add column owner text`.execute(db)
    await sql`alter table jobs add column owner_seen_at bigint`.execute(db)
    await sql`alter table publish_leases add column done integer not null default 0`.execute(db)
  },
}
