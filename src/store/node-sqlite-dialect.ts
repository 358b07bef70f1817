import { existsSync } from 'node:fs'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import { setTimeout as delay } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely'
import { DiskFullError } from '../errors/index.ts'

export interface NodeSqliteOptions {
  /** A file path, or ':memory:'. */
  readonly path: string
  /**
   * How long a writer waits for another connection's lock (another process's, or a thread's
   * of this one) before SQLITE_BUSY. It waits without holding up the event loop.
   */
  readonly busyTimeoutMs?: number
  /**
   * A reader only (the site search's worker threads): opened read-only beside the file's one
   * writing connection, which WAL lets go on while it reads.
   */
  readonly readOnly?: boolean
  /** The connection's page cache, in KiB; SQLite's default is 2,000. */
  readonly cacheKiB?: number
  /** Another file the connection attaches, read-only: see attachDatabase. */
  readonly attach?: Attachment
}

/** A file attached under a schema name, whose tables a connection reads by their plain names. */
export interface Attachment {
  readonly schema: string
  /** A file path, or ':memory:' (attached writable: no other connection could write it). */
  readonly path: string
}

/**
 * Attaches a file to a connection, read-only, if it exists (or, in memory, writable): its
 * tables are then read by their plain names (SQLite looks in `main` first). Read-only because
 * `begin immediate` takes the write lock of every file attached writable: the site search's
 * index, attached so, would have every save of the store wait while its own writer merged it.
 * Whether it was attached.
 */
export function attachDatabase(database: DatabaseSync, attachment: Attachment): boolean {
  const { schema, path } = attachment
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`not a schema name: ${schema}`)
  if (path !== ':memory:' && !existsSync(path)) return false
  const file = path === ':memory:' ? path : `${pathToFileURL(path).href}?mode=ro`
  database.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file)
  return true
}

/**
 * Kysely over Node's built-in `node:sqlite`, so the embedded default needs no native build.
 * Kysely serialises use of the single connection itself (SqliteAdapter reports no support
 * for multiple connections), so a transaction never interleaves with another query.
 */
export class NodeSqliteDialect implements Dialect {
  readonly #options: NodeSqliteOptions
  constructor(options: NodeSqliteOptions) {
    this.#options = options
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter()
  }
  createDriver(): Driver {
    return new NodeSqliteDriver(this.#options)
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}

class NodeSqliteDriver implements Driver {
  readonly #options: NodeSqliteOptions
  #connection: NodeSqliteConnection | undefined

  constructor(options: NodeSqliteOptions) {
    this.#options = options
  }

  async init(): Promise<void> {
    const busyTimeoutMs = this.#options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
    const database = new DatabaseSync(this.#options.path, {
      enableForeignKeyConstraints: true,
      timeout: busyTimeoutMs,
      readOnly: this.#options.readOnly ?? false,
    })
    const { attach, cacheKiB, readOnly } = this.#options
    if (attach) attachDatabase(database, attach)
    if (cacheKiB !== undefined) database.exec(`PRAGMA cache_size = ${-Math.max(1, Math.round(cacheKiB))}`)
    if (readOnly) {
      this.#connection = new NodeSqliteConnection(database, this.#options.path, 0)
      return
    }
    // WAL lets readers (a publisher, `fabu serve`) go on while one writer commits.
    database.exec('PRAGMA main.journal_mode = WAL')
    database.exec('PRAGMA main.synchronous = NORMAL')
    database.exec('PRAGMA foreign_keys = ON')
    // SQLite's own busy handler sleeps in the calling thread: a server waiting for another
    // connection's write (a `fabu` command's, a writer thread's) would answer nobody meanwhile.
    // The connection waits for the lock itself, between tries of a statement (executeQuery).
    database.exec('PRAGMA busy_timeout = 0')
    this.#connection = new NodeSqliteConnection(database, this.#options.path, busyTimeoutMs)
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connection) throw new Error('node:sqlite driver used before init')
    return this.#connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and
    // writes later fails with SQLITE_BUSY when another process wrote in between.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite has already rolled back after some errors (SQLITE_FULL among them); a second
    // rollback would fail and hide the error that says why.
    if (!this.#connection?.isInTransaction) return
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#connection?.close()
    this.#connection = undefined
  }
}

const STATEMENT_CACHE_SIZE = 200
const DEFAULT_BUSY_TIMEOUT_MS = 5000

/** SQLITE_BUSY: another connection holds the lock this statement needs. */
const SQLITE_BUSY = 5
/** Waits between tries for a lock, in milliseconds, the last one repeated. */
const BUSY_WAITS = [1, 2, 5, 10, 20, 50, 100] as const

/** SQLITE_FULL, the primary result code of a write the disk (or quota) had no room for. */
const SQLITE_FULL = 13

class NodeSqliteConnection implements DatabaseConnection {
  readonly #database: DatabaseSync
  readonly #path: string
  readonly #statements = new Map<string, StatementSync>()
  /** 0 when SQLite's own busy handler waits (a reader's, in a thread of its own). */
  readonly #busyTimeoutMs: number

  constructor(database: DatabaseSync, path: string, busyTimeoutMs: number) {
    this.#database = database
    this.#path = path
    this.#busyTimeoutMs = busyTimeoutMs
  }

  get isInTransaction(): boolean {
    return this.#database.isTransaction
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const started = performance.now()
    for (let attempt = 0; ; attempt++) {
      try {
        return this.#execute(compiledQuery)
      } catch (error) {
        // The one place every SQLite statement passes: a full disk is told as such, with the file.
        const code = (error as { errcode?: unknown } | null)?.errcode
        const primary = typeof code === 'number' ? code & 0xff : undefined
        if (primary === SQLITE_FULL) throw new DiskFullError(this.#path, { cause: error })
        // Outside a transaction a statement refused the lock changed nothing (a transaction's
        // `begin immediate` is such a statement; inside one, the lock is already held): it is
        // tried again after a wait that lets the event loop go on.
        const waited = performance.now() - started
        if (primary !== SQLITE_BUSY || this.#database.isTransaction || waited >= this.#busyTimeoutMs)
          throw error
        const wait = BUSY_WAITS[Math.min(attempt, BUSY_WAITS.length - 1)] as number
        await delay(Math.min(wait, Math.max(1, this.#busyTimeoutMs - waited)))
      }
    }
  }

  #execute<R>(compiledQuery: CompiledQuery): QueryResult<R> {
    const statement = this.#prepare(compiledQuery.sql)
    const parameters = compiledQuery.parameters.map(toSqliteValue)
    // A statement that yields columns (SELECT, or anything with RETURNING) is read with all().
    if (statement.columns().length > 0) {
      return { rows: statement.all(...parameters) as R[] }
    }
    const { changes, lastInsertRowid } = statement.run(...parameters)
    return {
      rows: [],
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
    }
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.#prepare(compiledQuery.sql)
    for (const row of statement.iterate(...compiledQuery.parameters.map(toSqliteValue))) {
      yield { rows: [row as R] }
    }
  }

  close(): void {
    this.#statements.clear()
    this.#database.close()
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql)
    if (statement) {
      // Re-insert so the map's order is least recently used first.
      this.#statements.delete(sql)
    } else {
      statement = this.#database.prepare(sql)
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#statements.keys().next().value
        if (oldest !== undefined) this.#statements.delete(oldest)
      }
    }
    this.#statements.set(sql, statement)
    return statement
  }
}

/** node:sqlite binds only null, numbers, bigints, strings and bytes. */
function toSqliteValue(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value
  if (value instanceof Uint8Array) return value
  throw new TypeError(`cannot bind a ${typeof value} to an SQLite parameter`)
}
