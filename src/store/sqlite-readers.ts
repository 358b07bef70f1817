import { Worker } from 'node:worker_threads'
import { type BilingualMessage, FabuError, ServerBusyError } from '../errors/index.ts'
import type { Store } from './open-store.ts'
import type { ReaderAnswer, ReaderFailure, ReaderSetup } from './sqlite-reader-worker.ts'

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

const DEFAULT_MAX_WAITING = 64

interface Task {
  readonly input: unknown
  waitTimer: NodeJS.Timeout | undefined
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

interface Slot {
  readonly worker: Worker
  isReady: boolean
  task: Task | undefined
  timer: NodeJS.Timeout | undefined
}

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
 * next read. Reads wait in a bounded queue; past its bound, or past maxWaitMs, SERVER_BUSY.
 */
export class SqliteReaders<Input, Output> {
  readonly #options: Required<SqliteReadersOptions>
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  #isClosed = false

  constructor(options: SqliteReadersOptions) {
    this.#options = {
      ...options,
      workers: Math.max(1, options.workers),
      maxWaiting: options.maxWaiting ?? DEFAULT_MAX_WAITING,
      maxWaitMs: options.maxWaitMs ?? options.deadlineMs,
    }
    // Started at once: a worker takes a few hundred milliseconds to load its task's code,
    // which the first requests would otherwise wait for.
    for (let i = 0; i < this.#options.workers; i++) this.#spawn()
  }

  /** The task's answer for `input`, from a reader; SERVER_BUSY when too many wait, `overrun` past the deadline. */
  read(input: Input): Promise<Output> {
    if (this.#isClosed) return Promise.reject(this.#closedError())
    if (this.#queue.length >= this.#options.maxWaiting) return Promise.reject(this.#busyError())
    return new Promise((resolve, reject) => {
      const task: Task = { input, waitTimer: undefined, resolve: resolve as (value: unknown) => void, reject }
      this.#queue.push(task)
      this.#dispatch()
      if (this.#queue.includes(task)) this.#startWaiting(task)
    })
  }

  async close(): Promise<void> {
    this.#isClosed = true
    const closed = this.#closedError()
    for (const task of this.#queue.splice(0)) {
      clearTimeout(task.waitTimer)
      task.reject(closed)
    }
    const slots = this.#slots.splice(0)
    for (const slot of slots) {
      clearTimeout(slot.timer)
      slot.task?.reject(closed)
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #closedError(): Error {
    return new Error(`${this.#options.name} are closed`)
  }

  /** By the deadline, every read running now has finished or been stopped. */
  #busyError(): ServerBusyError {
    return new ServerBusyError(Math.max(1, Math.ceil(this.#options.deadlineMs / 1000)))
  }

  #startWaiting(task: Task): void {
    task.waitTimer = setTimeout(() => this.#giveUpWaiting(task), this.#options.maxWaitMs)
    task.waitTimer.unref()
  }

  #giveUpWaiting(task: Task): void {
    const index = this.#queue.indexOf(task)
    if (index === -1) return
    // A reader starting up (loading the code takes a moment) is not other work holding it up.
    if (this.#slots.some((slot) => !slot.isReady)) {
      this.#startWaiting(task)
      return
    }
    this.#queue.splice(index, 1)
    task.reject(this.#busyError())
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const idle = this.#slots.find((slot) => slot.isReady && slot.task === undefined)
      if (!idle) return
      const task = this.#queue.shift() as Task
      clearTimeout(task.waitTimer)
      idle.task = task
      idle.worker.ref()
      idle.worker.postMessage(task.input)
      idle.timer = setTimeout(
        () => this.#stop(idle, this.#options.overrun(this.#options.deadlineMs)),
        this.#options.deadlineMs,
      )
    }
  }

  #spawn(): void {
    const worker = new Worker(new URL('./sqlite-reader-worker.ts', import.meta.url), {
      workerData: {
        sqlitePath: this.#options.sqlitePath,
        task: this.#options.task.href,
      } satisfies ReaderSetup,
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
    })
    worker.unref()
    const slot: Slot = { worker, isReady: false, task: undefined, timer: undefined }
    this.#slots.push(slot)
    worker.on('message', (answer: ReaderAnswer) => this.#answered(slot, answer))
    worker.on('error', (error) => {
      if (slot.task || !slot.isReady) {
        // A worker that cannot start would leave the reads waiting for ever: fail them.
        if (!slot.isReady && !slot.task) {
          for (const waiting of this.#queue.splice(0)) {
            clearTimeout(waiting.waitTimer)
            waiting.reject(error)
          }
        }
        this.#stop(slot, error, !slot.isReady)
      }
    })
    // A worker that ends while idle (out of memory in a collection, an error outside a read)
    // is replaced at once: left in the pool as ready, the next read was posted to it and waited
    // out the whole deadline. One that ends before it was ever ready is not started again.
    worker.on('exit', (code) => {
      if (this.#slots.includes(slot))
        this.#stop(slot, new Error(`a worker of ${this.#options.name} exited (code ${code})`), !slot.isReady)
    })
  }

  #answered(slot: Slot, answer: ReaderAnswer): void {
    if (!this.#slots.includes(slot)) return
    if ('ready' in answer) {
      slot.isReady = true
      this.#dispatch()
      return
    }
    const task = slot.task
    clearTimeout(slot.timer)
    slot.task = undefined
    slot.worker.unref()
    if (task) {
      if ('value' in answer) task.resolve(answer.value)
      else task.reject(revived(answer.failed, this.#options.name))
    }
    this.#dispatch()
  }

  /** Fails the slot's task with `error`, terminates its worker and starts another in its place. */
  #stop(slot: Slot, error: unknown, isBroken = false): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    slot.task?.reject(error)
    slot.task = undefined
    void slot.worker.terminate()
    if (!this.#isClosed && !isBroken) this.#spawn()
    this.#dispatch()
  }
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
