import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { Kysely, sql } from 'kysely'
import { NodeSqliteDialect } from './node-sqlite-dialect.ts'
import type { Database } from './schema.ts'

/**
 * On SQLite the site search's index lives in a file of its own beside the database
 * (`fabu.db-search` beside `fabu.db`), attached to every connection as the schema `search`, so
 * its tables are read and written by their plain names. FTS5 merges an index's segments as it
 * grows, and a merge step rewrites the whole list of a word's documents: seconds for a common
 * word on a site of 100,000 articles, for which it holds its file's one write lock. In a file
 * of its own that lock is the index's alone (its writer thread's, search-writer-task.ts): an
 * editor's save, a publish run's record, a login never wait for it.
 *
 * The index is made from the database and made again from it at any time, so the file is not
 * migrated: one of another layout, or of another database (a database restored, or copied
 * without it), is emptied and laid out anew, and every site gets a pending change (`search`,
 * `reindex`) so its next publish builds its index whole. A backup leaves the file out.
 */
export const SEARCH_SCHEMA = 'search'

/** The layout of the file below: a file of another number is laid out anew. */
const SEARCH_FILE_LAYOUT = 1

/** The index file of the SQLite database at `path`: beside it, as its `-wal` file is. */
export function searchFileOf(path: string): string {
  return path === ':memory:' ? ':memory:' : `${path}-search`
}

/**
 * Lays the index file of the database on `db` out, emptied, when it is new, of another layout,
 * or of another database than this one (migration 041 gives each database the number it
 * checks); each site then gets its pending `search` change. `file` is the index file
 * (searchFileOf), written here on a connection of its own, or ':memory:', attached to `db`
 * already as `search`.
 */
export async function prepareSearchFile(db: Kysely<Database>, file: string): Promise<void> {
  const owner = await sql<{ id: string }>`select id from search_file_owner`.execute(db)
  const databaseId = owner.rows[0]?.id
  if (databaseId === undefined) throw new Error('the database has no search_file_owner row (migration 041)')
  let isLaidOut: boolean
  if (file === ':memory:') isLaidOut = await layOut(db, SEARCH_SCHEMA, databaseId)
  else {
    try {
      isLaidOut = await layOutFile(file, databaseId)
    } catch (error) {
      // Not a database, or a damaged one: it is made again from the database, as a lost one is.
      const code = Number((error as { errcode?: unknown } | null)?.errcode) & 0xff
      if (code !== SQLITE_NOTADB && code !== SQLITE_CORRUPT) throw error
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      isLaidOut = await layOutFile(file, databaseId)
    }
  }
  if (isLaidOut)
    await sql`insert into changes (site_id, entity, entity_id, action, created_at)
      select id, 'search', id, 'reindex', ${new Date().toISOString()} from sites`.execute(db)
}

const SQLITE_CORRUPT = 11
const SQLITE_NOTADB = 26

async function layOutFile(file: string, databaseId: string): Promise<boolean> {
  const index = new Kysely<Database>({ dialect: new NodeSqliteDialect({ path: file }) })
  try {
    const isLaidOut = await layOut(index, 'main', databaseId)
    // A file's index is merged by its writer thread when idle (search-writer-task.ts), not by
    // FTS5 as it is written; kept in the table, so from the first write on.
    if (isLaidOut) await sql`insert into search_fts (search_fts, rank) values ('automerge', 0)`.execute(index)
    return isLaidOut
  } finally {
    await index.destroy()
  }
}

/**
 * Lays the index's tables out in `schema` of `db`, unless they are this layout's and this
 * database's; whether it did. Checked inside the transaction that lays them out: of two
 * processes opening the store at once, the second finds the first's layout and keeps it.
 */
async function layOut(db: Kysely<Database>, schema: string, databaseId: string): Promise<boolean> {
  const s = sql.raw(schema)
  return db.transaction().execute(async (tx) => {
    const layout = await sql<{ user_version: number }>`pragma ${s}.user_version`.execute(tx)
    if (Number(layout.rows[0]?.user_version) === SEARCH_FILE_LAYOUT) {
      const owned = await sql<{ id: string }>`select id from ${s}.search_owner`.execute(tx)
      if (owned.rows[0]?.id === databaseId) return false
    }
    for (const table of ['search_fts', 'search_documents', 'search_owner'])
      await sql.raw(`drop table if exists ${schema}.${table}`).execute(tx)
    await sql`create table ${s}.search_owner (id text not null)`.execute(tx)
    await sql`insert into ${s}.search_owner (id) values (${databaseId})`.execute(tx)
    await sql`create table ${s}.search_documents (
      id integer primary key autoincrement,
      sort_key bigint not null unique,
      site_id integer not null,
      kind text not null,
      ref_id integer not null,
      column_id integer not null,
      revision integer not null,
      title text not null,
      url text not null,
      publish_at text,
      issuing_agency text not null,
      document_no text not null,
      body_text text not null,
      indexed_at text not null
    )`.execute(tx)
    await sql`create unique index ${s}.search_documents_ref on search_documents (site_id, kind, ref_id)`.execute(
      tx,
    )
    await sql`create index ${s}.search_documents_column on search_documents (column_id, sort_key)`.execute(tx)
    // Contentless: the tokens are fabu's own (src/search/search-tokens.ts), letters and digits
    // only, one space between them, which FTS5's ascii tokenizer cuts at (migration 038). The
    // text a result shows is in search_documents. `scope` holds the site and the columns as
    // tokens (s12 c5 c9): a search of one site or column is answered by the index alone.
    await sql`create virtual table ${s}.search_fts using fts5(
      title, body, sound, scope, content='', contentless_delete=1, tokenize='ascii'
    )`.execute(tx)
    await sql.raw(`pragma ${schema}.user_version = ${SEARCH_FILE_LAYOUT}`).execute(tx)
    return true
  })
}

/** A new database's number, which its index file keeps to tell it is this database's. */
export function newDatabaseId(): string {
  return randomBytes(16).toString('hex')
}

/**
 * What migration 039's triggers did for the index's rows while they were in the database: the
 * change number of the admin's article list goes up for each site whose documents changed (the
 * list's text search matches bodies in the index). Called once the index's transaction has
 * committed, so a list read after the new number sees the new documents.
 */
export async function countSearchChanges(db: Kysely<Database>, siteIds: Iterable<number>): Promise<void> {
  const sites = [...new Set(siteIds)]
  if (sites.length === 0) return
  await db.transaction().execute(async (tx) => {
    for (const site of sites) {
      await sql`insert or ignore into article_list_generations (site_id, generation) values (${site}, 0)`.execute(
        tx,
      )
      await sql`update article_list_generations set generation = generation + 1 where site_id = ${site}`.execute(
        tx,
      )
    }
  })
}
