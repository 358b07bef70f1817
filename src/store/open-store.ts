import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { CompiledQuery, Kysely, PostgresDialect, type RawBuilder, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { DatabaseUnavailableError } from '../errors/index.ts'
import type { Engine } from './engine.ts'
import { migrate } from './migrate.ts'
import { NodeSqliteDialect } from './node-sqlite-dialect.ts'
import type { Database } from './schema.ts'
import { prepareSearchFile, SEARCH_SCHEMA, searchFileOf } from './search-file.ts'
import { SqliteWriter } from './sqlite-readers.ts'

export type Tx = Transaction<Database>

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; without it the store is the SQLite file at `sqlitePath`. */
  readonly databaseUrl?: string | undefined
  readonly sqlitePath?: string | undefined
  /** A PostgreSQL schema to live in instead of `public` (tests give each run its own). */
  readonly postgresSchema?: string | undefined
}

export interface Store {
  readonly engine: Engine
  readonly db: Kysely<Database>
  /** The SQLite file, for threads that open read-only connections of their own; none on PostgreSQL or in memory. */
  readonly sqlitePath: string | undefined
  /** Runs `work` in one transaction: everything it wrote commits together or not at all. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /** Adds FOR UPDATE where the engine has row locks; SQLite's write transactions already exclude each other. */
  forUpdate<Q extends { forUpdate(): Q }>(query: Q): Q
  /** Adds FOR SHARE likewise: readers of a row keep a writer of it waiting until they commit. */
  forShare<Q extends { forShare(): Q }>(query: Q): Q
  /**
   * Adds FOR UPDATE SKIP LOCKED where the engine has row locks, so several workers claiming
   * rows of one queue each get different ones; SQLite's one writer already serialises them.
   */
  forUpdateSkipLocked<Q extends { forUpdate(): { skipLocked(): Q } }>(query: Q): Q
  /**
   * A field of a JSON column as text, the same on both engines: strings as they are, numbers
   * as written, booleans as `true`/`false` (SQLite's json_extract gives 1 and 0 for those).
   */
  jsonFieldText(column: string, field: string): RawBuilder<string | null>
  /**
   * A text column as UTF-8 bytes on SQLite, as text on PostgreSQL: node:sqlite makes a
   * JavaScript string of long Chinese text about four times slower than TextDecoder decodes
   * its bytes, which matters for the bodies a full publish reads.
   */
  textAsRead(column: string): RawBuilder<Uint8Array | string>
  /**
   * Refreshes the query planner's statistics after a bulk change (a first full publish moves
   * every article into the live-article indexes). PostgreSQL's autovacuum does this itself.
   */
  refreshStatistics(): Promise<void>
  /**
   * The store's writer thread for `task` (a module exporting `write`, see SqliteWriter): made on
   * first use, one per task, stopped by close(). For writes whose commit may take long (the
   * search index's merging): they happen beside the thread answering requests. None on
   * PostgreSQL, whose writes do not hold up this thread, nor for a database in memory, which
   * no other connection can open: the caller writes on `db` then.
   */
  writerThread<Input, Output>(task: URL, deadlineMs: number): SqliteWriter<Input, Output> | undefined
  /** Answers when the database can be read (the server's /readyz); throws otherwise. */
  ping(): Promise<void>
  /** Stops the writer threads (a write in progress is rolled back) and closes the connection. */
  close(): Promise<void>
}

/** Opens the database, migrating it to the code's schema first. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const engine: Engine = options.databaseUrl ? 'postgres' : 'sqlite'
  const file = sqliteFileOf(options)
  const isInMemory = engine === 'sqlite' && file === ':memory:'
  // In memory the index is attached (writable) from the start; a file's index file is laid
  // out once the database is migrated, and attached (read-only) by the connection kept.
  let db = engine === 'postgres' ? postgresDb(options) : sqliteDb(file, isInMemory)
  try {
    await migrate(db, engine)
    if (engine === 'sqlite') await prepareSearchFile(db, searchFileOf(file))
    if (engine === 'sqlite' && !isInMemory) {
      await db.destroy()
      db = sqliteDb(file, true)
    }
  } catch (error) {
    await db.destroy()
    if (engine === 'postgres' && isConnectionFailure(error)) {
      throw new DatabaseUnavailableError(redactUrl(options.databaseUrl ?? ''), error)
    }
    throw error
  }
  return storeOver(db, engine, readerPathOf(engine, options))
}

/** The SQLite file other threads may open; an in-memory database is its connection's alone. */
function readerPathOf(engine: Engine, options: StoreOptions): string | undefined {
  const file = engine === 'sqlite' ? sqliteFileOf(options) : undefined
  return file === ':memory:' ? undefined : file
}

/**
 * The database as it is, not migrated: for reading the schema version and the sites of a
 * database being backed up or just restored, which an older or newer fabu may have written.
 */
export function openStoreAsIs(options: StoreOptions): Store {
  const engine: Engine = options.databaseUrl ? 'postgres' : 'sqlite'
  return storeOver(
    engine === 'postgres' ? postgresDb(options) : sqliteDb(sqliteFileOf(options), false),
    engine,
    readerPathOf(engine, options),
  )
}

/**
 * A read-only connection to a SQLite file another connection keeps migrated: for threads that
 * only read (the site search's readers), which WAL lets read beside the writer. No migration.
 */
export function openSqliteReader(path: string, options: { readonly cacheKiB?: number } = {}): Store {
  return storeOver(
    new Kysely<Database>({
      dialect: new NodeSqliteDialect({ path, readOnly: true, attach: searchAttachment(path), ...options }),
    }),
    'sqlite',
    path,
  )
}

/**
 * A writable connection of its own to a SQLite file another connection keeps migrated (a writer
 * thread's, SqliteWriter), or to a database's search index file (searchFileOf). No migration,
 * nothing attached.
 */
export function openSqliteWriter(path: string, options: { readonly busyTimeoutMs?: number } = {}): Store {
  return storeOver(
    new Kysely<Database>({ dialect: new NodeSqliteDialect({ path, ...options }) }),
    'sqlite',
    path,
  )
}

function storeOver(db: Kysely<Database>, engine: Engine, sqlitePath: string | undefined): Store {
  const writers = new Map<string, SqliteWriter<unknown, unknown>>()
  return {
    engine,
    db,
    sqlitePath,
    transaction: (work) => db.transaction().execute(work),
    forUpdate: (query) => (engine === 'postgres' ? query.forUpdate() : query),
    forShare: (query) => (engine === 'postgres' ? query.forShare() : query),
    forUpdateSkipLocked: (query) => (engine === 'postgres' ? query.forUpdate().skipLocked() : query),
    jsonFieldText: (column, field) => {
      if (engine === 'postgres') return sql<string | null>`(${sql.ref(column)} ->> ${field}::text)`
      const path = `$.${field}`
      return sql<string | null>`(case json_type(${sql.ref(column)}, ${path})
        when 'true' then 'true' when 'false' then 'false'
        else cast(json_extract(${sql.ref(column)}, ${path}) as text) end)`
    },
    textAsRead: (column) =>
      engine === 'sqlite'
        ? sql<Uint8Array | string>`cast(${sql.ref(column)} as blob)`
        : sql`${sql.ref(column)}`,
    refreshStatistics: async () => {
      // A sampled ANALYZE: fast on a big file, and enough for the planner to pick indexes well.
      if (engine !== 'sqlite') return
      await sql`pragma analysis_limit = 1000`.execute(db)
      // The database's own tables: the search index's file is attached read-only, and its writer
      // analyzes it after a bulk load (search-writer-task.ts).
      await sql`analyze main`.execute(db)
    },
    writerThread: <Input, Output>(task: URL, deadlineMs: number) => {
      if (sqlitePath === undefined) return undefined
      let writer = writers.get(task.href)
      if (!writer) {
        writer = new SqliteWriter({
          name: `the writer of ${task.pathname.split('/').at(-1)}`,
          sqlitePath,
          task,
          deadlineMs,
        })
        writers.set(task.href, writer)
      }
      return writer as SqliteWriter<Input, Output>
    },
    ping: async () => {
      await db.selectFrom('schema_migrations').select('version').limit(1).execute()
    },
    close: async () => {
      const stopping = [...writers.values()]
      writers.clear()
      await Promise.all(stopping.map((writer) => writer.close()))
      await db.destroy()
    },
  }
}

function sqliteFileOf(options: StoreOptions): string {
  return options.sqlitePath ?? './data/fabu.db'
}

/**
 * A connection to the database at `path`, with its search index's file attached or not
 * (store/search-file.ts): not while it is migrated, nor when it is opened as it is (a backup's
 * copy), whose index nothing reads.
 */
function sqliteDb(path: string, isIndexAttached: boolean): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const attach = isIndexAttached ? searchAttachment(path) : undefined
  return new Kysely<Database>({ dialect: new NodeSqliteDialect({ path, ...(attach ? { attach } : {}) }) })
}

function searchAttachment(path: string) {
  return { schema: SEARCH_SCHEMA, path: searchFileOf(path) }
}

function postgresDb(options: StoreOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: { getTypeParser: postgresTypeParser },
    ...(options.postgresSchema
      ? { options: `-c search_path=${quoteIdentifier(options.postgresSchema)}` }
      : {}),
  })
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      // Timestamps are read back by text; fix the server's output format so the parser below
      // never meets a local offset or a US day/month order.
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw("set time zone 'UTC'; set datestyle = 'ISO, YMD'"))
      },
    }),
  })
}

const TIMESTAMPTZ = 1184
const JSONB = 3802
const INT8 = 20

/** Read values back in the shapes SQLite gives, so the code above sees one kind of row. */
function postgresTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === TIMESTAMPTZ) return (value) => new Date(value).toISOString()
  if (oid === JSONB) return (value) => value
  // COUNT(*) and bigint ids arrive as strings; every count fabu keeps fits a double.
  if (oid === INT8) return Number
  return pg.types.getTypeParser(oid, format ?? 'text')
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`not a plain schema name: ${name}`)
  return name
}

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? ''
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '3D000', '28P01', '28000'].includes(code) ||
    (error instanceof Error && /timeout|connect/i.test(error.message))
  )
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
}
