import { type Transferable, Worker } from 'node:worker_threads'
import { ServerBusyError } from '../errors/index.ts'
import { withCompileCache } from './compile-cache.ts'

/** What a worker posts: `{ ready: true }` once, when it can take work; then one answer a request. */
export type WorkerMessage<Answer> = { readonly ready: true } | Answer

export interface ThreadPoolOptions<Answer> {
  /** What the workers do, for the error a closed pool gives: "the body sanitizer". */
  readonly name: string
  /** The worker's module. */
  readonly worker: URL
  readonly workerData?: unknown
  /** Worker threads at most. */
  readonly workers: number
  /** The heap a worker may use; past it the worker is stopped and its task overruns. */
  readonly heapMb: number
  /** A task that takes longer has its worker terminated and fails with its `overrun` error. */
  readonly deadlineMs: number
  /** Tasks waiting for a worker at most; one more is refused with SERVER_BUSY. */
  readonly maxWaiting: number
  /** How long a task may wait for a worker before SERVER_BUSY; the deadline by default. */
  readonly maxWaitMs?: number
  /**
   * Start every worker at once and keep them (a worker loading its code takes a few hundred
   * milliseconds, which the first requests of a server would wait for), rather than start one
   * as tasks come (a command that may never need one).
   */
  readonly startsAtOnce?: boolean
  /** What an answer comes to: the task's value, or the error it fails with. */
  readonly settle: (
    answer: Exclude<Answer, { readonly ready: true }>,
  ) => { readonly value: unknown } | { readonly error: Error }
}

interface Task {
  readonly request: unknown
  readonly transfer: readonly Transferable[]
  /** Refuses the task if no worker has taken it within maxWaitMs. */
  waitTimer: NodeJS.Timeout | undefined
  readonly overrun: () => Error
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
 * Worker threads that run tasks with limits a task cannot escape, so that no input, however
 * large or hostile, blocks the thread that answers requests: a deadline and a heap cap per
 * task, past which its worker is terminated (another takes the next task) and the caller gets
 * the task's `overrun` error; and a bounded queue, past whose bound, or past maxWaitMs of
 * waiting, a task is refused with SERVER_BUSY. A refused task was never tried, so its input is
 * not to blame; once a worker takes a task, it has the whole deadline to itself. Workers hold
 * no process open while idle.
 */
export class ThreadPool<Answer> {
  readonly #options: ThreadPoolOptions<Answer>
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  #isClosed = false

  constructor(options: ThreadPoolOptions<Answer>) {
    this.#options = Object.freeze({ ...options, workers: Math.max(1, options.workers) })
    if (options.startsAtOnce) for (let i = 0; i < this.#options.workers; i++) this.#spawn()
  }

  get deadlineMs(): number {
    return this.#options.deadlineMs
  }

  /**
   * The worker's answer to `request`, settled by the pool's `settle`; `overrun` makes the error
   * of a task stopped. `transfer`: buffers of the request handed to the worker rather than
   * copied (they are detached here once it is posted).
   */
  run(request: unknown, overrun: () => Error, transfer: readonly Transferable[] = []): Promise<unknown> {
    if (this.#isClosed) return Promise.reject(this.#closedError())
    if (this.#queue.length >= this.#options.maxWaiting) return Promise.reject(this.#busyError())
    return new Promise((resolve, reject) => {
      const task: Task = { request, transfer, waitTimer: undefined, overrun, resolve, reject }
      this.#queue.push(task)
      this.#dispatch()
      if (this.#queue.includes(task)) this.#startWaiting(task)
    })
  }

  /**
   * Starts the pool's workers now rather than with the first tasks: one that takes a moment to
   * load its modules is ready by the time its work comes. A started worker idles without
   * holding the process open.
   */
  start(): void {
    if (this.#isClosed) return
    while (this.#slots.length < this.#options.workers) this.#spawn()
  }

  /** Stops the workers; tasks waiting or running fail. */
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
      slot.task = undefined
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #closedError(): Error {
    return new Error(`${this.#options.name}: closed`)
  }

  /** By the deadline, every task running now has finished or been stopped. */
  #busyError(): Error {
    return new ServerBusyError(Math.max(1, Math.ceil(this.#options.deadlineMs / 1000)))
  }

  #startWaiting(task: Task): void {
    task.waitTimer = setTimeout(
      () => this.#giveUpWaiting(task),
      this.#options.maxWaitMs ?? this.#options.deadlineMs,
    )
    // A waiting task holds no process open; the worker it waits for does, once it works.
    task.waitTimer.unref()
  }

  #giveUpWaiting(task: Task): void {
    const index = this.#queue.indexOf(task)
    if (index === -1) return
    // A worker starting up (loading its code takes a moment) is not other work holding it up.
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
      if (!idle) {
        const starting = this.#slots.filter((slot) => !slot.isReady)
        if (starting.length < this.#queue.length && this.#slots.length < this.#options.workers) this.#spawn()
        // Tasks wait for a worker to start: it holds the process open meanwhile (a command's save).
        for (const slot of this.#slots) if (!slot.isReady) slot.worker.ref()
        return
      }
      const task = this.#queue.shift() as Task
      clearTimeout(task.waitTimer)
      try {
        idle.worker.postMessage(task.request, task.transfer)
      } catch (error) {
        // A request that cannot be posted (a buffer to transfer that was handed over already,
        // a value that does not clone) fails alone: the worker stays free for the next.
        task.reject(error)
        continue
      }
      idle.task = task
      // Held open while it works, so a command-line save cannot exit before its answer is back.
      idle.worker.ref()
      idle.timer = setTimeout(() => this.#stop(idle, task.overrun()), this.#options.deadlineMs)
    }
  }

  #spawn(): void {
    const worker = new Worker(this.#options.worker, {
      workerData: this.#options.workerData,
      env: withCompileCache(),
      resourceLimits: { maxOldGenerationSizeMb: this.#options.heapMb, maxYoungGenerationSizeMb: 32 },
    })
    worker.unref()
    const slot: Slot = { worker, isReady: false, task: undefined, timer: undefined }
    this.#slots.push(slot)
    worker.on('message', (message: WorkerMessage<Answer>) => this.#answered(slot, message))
    worker.on('error', (error) => {
      const task = slot.task
      if (task) {
        // Out of memory, most likely: the input asked for more than a worker may have.
        this.#stop(slot, task.overrun())
      } else if (!slot.isReady) this.#failToStart(slot, error)
    })
    // A worker that ends while idle (out of memory in a collection, an error outside a task) is
    // replaced at once: left in the pool as ready, the next task was posted to it and waited out
    // the whole deadline.
    worker.on('exit', (code) => {
      if (!this.#slots.includes(slot)) return
      const error = new Error(`a worker of ${this.#options.name} exited (code ${code})`)
      if (slot.isReady) this.#stop(slot, error)
      else this.#failToStart(slot, error)
    })
  }

  /**
   * A worker that ended before it could take work would leave the tasks waiting for ever, or
   * have the pool start one like it for them again and again: they fail with its error, and no
   * other starts in its place until the next task comes.
   */
  #failToStart(slot: Slot, error: Error): void {
    const waiting = this.#queue.splice(0)
    for (const task of waiting) clearTimeout(task.waitTimer)
    this.#stop(slot, error, true)
    for (const task of waiting) task.reject(error)
  }

  #answered(slot: Slot, message: WorkerMessage<Answer>): void {
    if (!this.#slots.includes(slot)) return
    if (typeof message === 'object' && message !== null && 'ready' in message) {
      slot.isReady = true
      if (slot.task === undefined) slot.worker.unref()
      this.#dispatch()
      return
    }
    const task = slot.task
    clearTimeout(slot.timer)
    slot.task = undefined
    slot.worker.unref()
    if (task) {
      const settled = this.#options.settle(message as Exclude<Answer, { readonly ready: true }>)
      if ('value' in settled) task.resolve(settled.value)
      else task.reject(settled.error)
    }
    this.#dispatch()
  }

  /**
   * Fails the slot's task (if any) with `error` and terminates its worker; a pool that starts
   * its workers at once starts another in its place, unless this one never started.
   */
  #stop(slot: Slot, error: unknown, isBroken = false): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    slot.task?.reject(error)
    slot.task = undefined
    void slot.worker.terminate()
    if (this.#options.startsAtOnce && !this.#isClosed && !isBroken) this.#spawn()
    this.#dispatch()
  }
}
