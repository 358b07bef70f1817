import type { Transferable } from 'node:worker_threads'
import { type BilingualMessage, FabuError } from '../errors/index.ts'
import { ThreadPool, type ThreadPoolOptions } from '../threads/index.ts'
import type { Store } from './open-store.ts'
import type { ReaderFailure, ThreadAnswer, ThreadSetup } from './sqlite-thread-worker.ts'

export interface SqliteReadersOptions {
  /** What the readers do, for the error a closed pool gives: "the search readers". */
  readonly name: string
  /** The SQLite file the store writes; each reader opens it read-only. */
  readonly sqlitePath: string
  /**
   * The module each reader loads, whose `read(store, input)` answers one request on the
   * reader's connection (see ReaderTask).
   */
  readonly task: URL
  /** Worker threads, each with its connection. */
  readonly workers: number
  /** A read that takes longer fails with `overrun()` and its worker is terminated. */
  readonly deadlineMs: number
  /** The error of a read stopped at its deadline, with a stable code for the caller. */
  readonly overrun: (deadlineMs: number) => Error
  /** Reads waiting for a reader at most; one more is refused with SERVER_BUSY. Default 64. */
  readonly maxWaiting?: number
  /** How long a read may wait for a reader before SERVER_BUSY; the deadline by default. */
  readonly maxWaitMs?: number
}

/** What a task module of SqliteReaders exports: one read, on the reader's read-only store. */
export type ReaderTask<Input, Output> = (store: Store, input: Input) => Promise<Output>

/** What a task module of SqliteWriter exports: one write, on the writer's own connection. */
export type WriterTask<Input, Output> = (store: Store, input: Input) => Promise<Output>

const THREAD_WORKER = new URL('./sqlite-thread-worker.ts', import.meta.url)
const DEFAULT_MAX_WAITING = 64
/** A reader's heap: a read's rows and the task's work, not a cache (SQLite's is outside it). */
const READER_HEAP_MB = 256

/**
 * Reads on SQLite off the thread that answers requests: worker threads, each with a read-only
 * connection to the store's file, each running one task module. node:sqlite runs a statement
 * synchronously, so on the store's one connection a slow read (a search, a long list) held up
 * every other request of the server; here reads run beside it and beside each other, and WAL
 * lets them go on while the store writes. Each statement sees what was committed when it
 * began, so a read after a write the server committed sees the write.
 *
 * node:sqlite has no way to interrupt a statement, so a read past its deadline has its worker
 * terminated: the caller gets the `overrun` error at the deadline, and a new worker takes the
 * next read. Reads wait in a bounded queue; past its bound, or past maxWaitMs, SERVER_BUSY
 * (a ThreadPool that starts its workers at once).
 */
export class SqliteReaders<Input, Output> {
  readonly #pool: ThreadPool<ThreadAnswer>
  readonly #overrun: () => Error

  constructor(options: SqliteReadersOptions) {
    const { deadlineMs, overrun } = options
    this.#overrun = () => overrun(deadlineMs)
    this.#pool = sqliteThreads(options, false, {
      workers: options.workers,
      heapMb: READER_HEAP_MB,
      deadlineMs,
      maxWaiting: options.maxWaiting ?? DEFAULT_MAX_WAITING,
      ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
      startsAtOnce: true,
    })
  }

  /** The task's answer for `input`, from a reader; SERVER_BUSY when too many wait, `overrun` past the deadline. */
  read(input: Input): Promise<Output> {
    return this.#pool.run(input, this.#overrun) as Promise<Output>
  }

  close(): Promise<void> {
    return this.#pool.close()
  }
}

export interface SqliteWriterOptions {
  /** What the writer does, for the error a closed writer gives: "the search index's writer". */
  readonly name: string
  /** The SQLite file the store writes; the writer opens a connection of its own to it. */
  readonly sqlitePath: string
  /** The module whose `write(store, input)` does one write on the writer's connection. */
  readonly task: URL
  /** A write that takes longer fails, its thread terminated (its transaction rolled back). */
  readonly deadlineMs: number
}

/** A writer's heap: the rows of one write (a thousand search documents at most). */
const WRITER_HEAP_MB = 512
/** Writes queued for the writer at most: a queue this long means it is stuck. */
const WRITER_MAX_WAITING = 10_000

/**
 * Writes on SQLite off the thread that answers requests: one worker thread with a writable
 * connection of its own to the store's file (the task may open others: the search index's
 * writer opens the index's file), running one task module, one write at a time. For writes
 * whose commit can take long whatever their size (FTS5 merging the search index's segments,
 * seconds on a big site): node:sqlite would run them in the calling thread, which answered
 * nobody meanwhile. Its writes of the store's file take the store's one write lock as any
 * other connection's, which the store's own writes wait for without blocking
 * (node-sqlite-dialect.ts). Started on the first write; holds no process open while idle.
 */
export class SqliteWriter<Input, Output> {
  readonly #pool: ThreadPool<ThreadAnswer>
  readonly #overrun: () => Error

  constructor(options: SqliteWriterOptions) {
    const { deadlineMs, name } = options
    this.#overrun = () => new Error(`${name} did not finish a write within ${deadlineMs} ms`)
    this.#pool = sqliteThreads(options, true, {
      workers: 1,
      heapMb: WRITER_HEAP_MB,
      deadlineMs,
      maxWaiting: WRITER_MAX_WAITING,
    })
  }

  /** Starts the writer's thread now, before its first write (see ThreadPool.start). */
  start(): void {
    this.#pool.start()
  }

  /** The task's answer for `input`, once the writer has done it; `transfer` as ThreadPool.run's. */
  write(input: Input, transfer: readonly Transferable[] = []): Promise<Output> {
    return this.#pool.run(input, this.#overrun, transfer) as Promise<Output>
  }

  close(): Promise<void> {
    return this.#pool.close()
  }
}

/** Worker threads with a connection each to `sqlitePath`, running `task`'s read (or write). */
function sqliteThreads(
  options: { readonly name: string; readonly sqlitePath: string; readonly task: URL },
  writes: boolean,
  limits: Omit<ThreadPoolOptions<ThreadAnswer>, 'name' | 'worker' | 'workerData' | 'settle'>,
): ThreadPool<ThreadAnswer> {
  const { name, sqlitePath, task } = options
  return new ThreadPool<ThreadAnswer>({
    name,
    worker: THREAD_WORKER,
    workerData: { sqlitePath, task: task.href, writes } satisfies ThreadSetup,
    ...limits,
    settle: (answer) =>
      'value' in answer ? { value: answer.value } : { error: revived(answer.failed, name) },
  })
}

/**
 * A FabuError a reader threw, made again on this side from what crossed the thread: its code,
 * status, messages and fields (a NOT_FOUND's entity and ref, a retry delay). Errors do not
 * cross threads with their class, and the server answers from these alone.
 */
class ReaderFabuError extends FabuError {
  readonly code: string
  readonly status: number
  constructor(failure: { code: string; status: number; messages: BilingualMessage }) {
    super(failure.messages)
    this.code = failure.code
    this.status = failure.status
  }
}

function revived(failure: ReaderFailure, name: string): Error {
  if (typeof failure === 'string') return new Error(`a read failed in ${name}: ${failure}`)
  const error = new ReaderFabuError(failure)
  Object.assign(error, failure.fields)
  error.name = failure.name
  return error
}
