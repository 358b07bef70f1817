import { Worker } from 'node:worker_threads'
import { NotFoundError, SearchTimeoutError, ServerBusyError } from '../errors/index.ts'
import { SEARCH_DEADLINE_MS } from './search-deadline.ts'
import type { ReaderAnswer, ReaderRequest } from './search-reader-worker.ts'
import type { FoundResults, ValidSearchRequest } from './site-search.ts'

export interface SearchReadersOptions {
  /** The SQLite file the store writes; each reader opens it read-only. */
  readonly sqlitePath: string
  /** Worker threads, each with its connection. Default 2: a search keeps one core busy. */
  readonly workers?: number
  /** A search that takes longer fails with SEARCH_TIMEOUT and its worker is terminated. */
  readonly deadlineMs?: number
  /** Searches waiting for a reader at most; one more is refused with SERVER_BUSY. Default 64. */
  readonly maxWaiting?: number
  /** How long a search may wait for a reader before SERVER_BUSY; the deadline by default. */
  readonly maxWaitMs?: number
}

export const DEFAULT_SEARCH_READERS = 2
const DEFAULT_MAX_WAITING = 64

interface Task {
  readonly request: ValidSearchRequest
  waitTimer: NodeJS.Timeout | undefined
  readonly resolve: (value: FoundResults) => void
  readonly reject: (error: unknown) => void
}

interface Slot {
  readonly worker: Worker
  isReady: boolean
  task: Task | undefined
  timer: NodeJS.Timeout | undefined
}

/**
 * The site search's readers on SQLite: worker threads, each with a read-only connection to the
 * store's file. node:sqlite runs a statement synchronously, so on the store's one connection a
 * search held up every other request of the server; here the searches run beside it and beside
 * each other (WAL lets readers go on while the publisher writes). node:sqlite has no way to
 * interrupt a statement, so a search past its deadline has its worker terminated: the visitor
 * gets SEARCH_TIMEOUT at the deadline, and a new worker takes the next search.
 */
export class SearchReaders {
  readonly #options: Required<Omit<SearchReadersOptions, 'maxWaitMs'>> & { maxWaitMs: number }
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  #isClosed = false

  constructor(options: SearchReadersOptions) {
    const deadlineMs = options.deadlineMs ?? SEARCH_DEADLINE_MS
    this.#options = {
      sqlitePath: options.sqlitePath,
      workers: Math.max(1, options.workers ?? DEFAULT_SEARCH_READERS),
      deadlineMs,
      maxWaiting: options.maxWaiting ?? DEFAULT_MAX_WAITING,
      maxWaitMs: options.maxWaitMs ?? deadlineMs,
    }
    // Started at once: a worker takes a few hundred milliseconds to load the search's code,
    // which the first visitors would otherwise wait for.
    for (let i = 0; i < this.#options.workers; i++) this.#spawn()
  }

  /** Finds the request's results in a reader; SERVER_BUSY when too many wait, SEARCH_TIMEOUT past the deadline. */
  search(request: ValidSearchRequest): Promise<FoundResults> {
    if (this.#isClosed) return Promise.reject(new Error('the search readers are closed'))
    if (this.#queue.length >= this.#options.maxWaiting) return Promise.reject(this.#busyError())
    return new Promise((resolve, reject) => {
      const task: Task = { request, waitTimer: undefined, resolve, reject }
      this.#queue.push(task)
      this.#dispatch()
      if (this.#queue.includes(task)) {
        task.waitTimer = setTimeout(() => this.#giveUpWaiting(task), this.#options.maxWaitMs)
        task.waitTimer.unref()
      }
    })
  }

  async close(): Promise<void> {
    this.#isClosed = true
    const closed = new Error('the search readers are closed')
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

  #busyError(): ServerBusyError {
    return new ServerBusyError(Math.max(1, Math.ceil(this.#options.deadlineMs / 1000)))
  }

  #giveUpWaiting(task: Task): void {
    const index = this.#queue.indexOf(task)
    if (index === -1) return
    // A reader starting up (loading the code takes a moment) is not other work holding it up.
    if (this.#slots.some((slot) => !slot.isReady)) {
      task.waitTimer = setTimeout(() => this.#giveUpWaiting(task), this.#options.maxWaitMs)
      task.waitTimer.unref()
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
      idle.worker.postMessage({ request: task.request } satisfies ReaderRequest)
      idle.timer = setTimeout(
        () => this.#stop(idle, new SearchTimeoutError(this.#options.deadlineMs)),
        this.#options.deadlineMs,
      )
    }
  }

  #spawn(): void {
    const worker = new Worker(new URL('./search-reader-worker.ts', import.meta.url), {
      workerData: { sqlitePath: this.#options.sqlitePath },
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
    })
    worker.unref()
    const slot: Slot = { worker, isReady: false, task: undefined, timer: undefined }
    this.#slots.push(slot)
    worker.on('message', (answer: ReaderAnswer) => this.#answered(slot, answer))
    worker.on('error', (error) => {
      if (slot.task || !slot.isReady) {
        // A worker that cannot start would leave the searches waiting for ever: fail them.
        if (!slot.isReady && !slot.task) {
          for (const waiting of this.#queue.splice(0)) {
            clearTimeout(waiting.waitTimer)
            waiting.reject(error)
          }
        }
        this.#stop(slot, error, !slot.isReady)
      }
    })
    worker.on('exit', (code) => {
      if (slot.task) this.#stop(slot, new Error(`a search reader exited (code ${code})`))
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
      else if ('notFound' in answer)
        task.reject(new NotFoundError(answer.notFound.entity, answer.notFound.ref))
      else task.reject(new Error(`the search failed in its reader: ${answer.failed}`))
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
