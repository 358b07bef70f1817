import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
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
  /** How long a writer waits for another process's lock before SQLITE_BUSY. */
  readonly busyTimeoutMs?: number
  /**
   * A reader only (the site search's worker threads): opened read-only beside the file's one
   * writing connection, which WAL lets go on while it reads.
   */
  readonly readOnly?: boolean
  /** The connection's page cache, in KiB; SQLite's default is 2,000. */
  readonly cacheKiB?: number
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
    const database = new DatabaseSync(this.#options.path, {
      enableForeignKeyConstraints: true,
      timeout: this.#options.busyTimeoutMs ?? 5000,
      readOnly: this.#options.readOnly ?? false,
    })
    if (this.#options.cacheKiB !== undefined)
      database.exec(`PRAGMA cache_size = ${-Math.max(1, Math.round(this.#options.cacheKiB))}`)
    if (this.#options.readOnly) {
      this.#connection = new NodeSqliteConnection(database, this.#options.path)
      return
    }
    // WAL lets readers (a publisher, `fabu serve`) go on while one writer commits.
    database.exec('PRAGMA journal_mode = WAL')
    database.exec('PRAGMA synchronous = NORMAL')
    database.exec('PRAGMA foreign_keys = ON')
    this.#connection = new NodeSqliteConnection(database, this.#options.path)
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

/** SQLITE_FULL, the primary result code of a write the disk (or quota) had no room for. */
const SQLITE_FULL = 13

class NodeSqliteConnection implements DatabaseConnection {
  readonly #database: DatabaseSync
  readonly #path: string
  readonly #statements = new Map<string, StatementSync>()

  constructor(database: DatabaseSync, path: string) {
    this.#database = database
    this.#path = path
  }

  get isInTransaction(): boolean {
    return this.#database.isTransaction
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return this.#execute(compiledQuery)
    } catch (error) {
      // The one place every SQLite statement passes: a full disk is told as such, with the file.
      const code = (error as { errcode?: unknown } | null)?.errcode
      if (typeof code === 'number' && (code & 0xff) === SQLITE_FULL)
        throw new DiskFullError(this.#path, { cause: error })
      throw error
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
