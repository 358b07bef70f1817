import { type Kysely, sql } from 'kysely'
import { newDatabaseId } from '../search-file.ts'
import type { Migration } from './migration.ts'

/**
 * On SQLite the site search's index moves into a file of its own (store/search-file.ts, which
 * lays it out when the store opens and gives every site a pending `search` change, so the next
 * publish builds it whole). Its tables leave the database, and with them the triggers that
 * counted its changes for the admin's list (migration 039): the index's writer counts them.
 * The database gets a number its index file keeps, to tell a file of another database.
 * PostgreSQL keeps its index where it is.
 */
export const searchFile: Migration = {
  version: 41,
  name: 'the search index in a file of its own on SQLite',
  async up(db: Kysely<unknown>, engine) {
    if (engine === 'postgres') return
    await sql`drop table main.search_fts`.execute(db)
    await sql`drop table main.search_documents`.execute(db)
    await sql`create table search_file_owner (id text not null)`.execute(db)
    await sql`insert into search_file_owner (id) values (${newDatabaseId()})`.execute(db)
  },
}
