import { Worker } from 'node:worker_threads'
import { ServerBusyError } from '../errors/index.ts'
import { BodyLimitError } from '../markup/index.ts'
import type { WorkerAnswer, WorkerRequest } from './content-worker.ts'
import type { TaskInput, TaskName, TaskOutput } from './worker-tasks.ts'

export interface WorkerPoolOptions {
  /** What the pool does, for the error a closed pool gives: "the body sanitizer". */
  readonly name: string
  /** Worker threads at most. */
  readonly workers: number
  /** A task that takes longer has its worker terminated and fails with its `overrun` error. */
  readonly deadlineMs: number
  /** The heap a worker may use before it is stopped, with the same failure. */
  readonly heapMb: number
  /** Tasks waiting for a worker at most; one more is refused with SERVER_BUSY. Default 8. */
  readonly maxWaiting?: number
  /** How long a task may wait for a worker before it is refused with SERVER_BUSY; the deadline by default. */
  readonly maxWaitMs?: number
}

// The pools serve every site of the server with one or two workers. Unbounded, their queue let
// a few slow bodies hold up every editor's save for minutes, and hundreds of 5 MB bodies sent
// at once sat in memory; eight waiting is four deadlines' work for two workers.
const DEFAULT_MAX_WAITING = 8

interface Task {
  readonly request: WorkerRequest
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
 * Runs named workerTasks in worker threads, so that no input, however large or hostile, blocks
 * the thread that answers requests. Workers start when first needed and hold no process open
 * while idle; each task gets a deadline and each worker a heap cap, past which the worker is
 * terminated (a new one starts for the next task) and the caller gets the task's `overrun` error.
 */
export class WorkerPool {
  readonly #options: WorkerPoolOptions
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  #isClosed = false

  constructor(options: WorkerPoolOptions) {
    this.#options = Object.freeze({ ...options })
  }

  get deadlineMs(): number {
    return this.#options.deadlineMs
  }

  /**
   * What workerTasks[name] returns for `input`; `overrun` makes the error for a task stopped.
   * A task that finds maxWaiting tasks waiting already, or waits for a worker longer than
   * maxWaitMs, fails with SERVER_BUSY: it was never tried, so its input is not to blame. Once a
   * worker takes it, it has the whole deadline to itself.
   */
  run<N extends TaskName>(name: N, input: TaskInput<N>, overrun: () => Error): Promise<TaskOutput<N>> {
    if (this.#isClosed) return Promise.reject(this.#closedError())
    if (this.#queue.length >= (this.#options.maxWaiting ?? DEFAULT_MAX_WAITING)) {
      return Promise.reject(this.#busyError())
    }
    return new Promise((resolve, reject) => {
      const request: WorkerRequest = { name, input }
      const task: Task = {
        request,
        waitTimer: undefined,
        overrun,
        resolve: resolve as (value: unknown) => void,
        reject,
      }
      this.#queue.push(task)
      this.#dispatch()
      if (this.#queue.includes(task)) this.#startWaiting(task)
    })
  }

  /** Stops the workers; tasks still waiting fail. */
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
    return new Error(`${this.#options.name} is closed`)
  }

  /** By the deadline, every task running now has finished or been stopped. */
  #busyError(): Error {
    return new ServerBusyError(Math.ceil(this.#options.deadlineMs / 1000))
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
    // A worker starting up (a fraction of a second) is not other work holding the task up.
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
        const starting = this.#slots.filter((slot) => !slot.isReady).length
        if (starting < this.#queue.length && this.#slots.length < this.#options.workers) this.#spawn()
        return
      }
      const task = this.#queue.shift() as Task
      clearTimeout(task.waitTimer)
      idle.task = task
      // Held open while it works, so a command-line save cannot exit before its answer is back.
      idle.worker.ref()
      idle.worker.postMessage(task.request)
      idle.timer = setTimeout(() => this.#stop(idle, task.overrun()), this.#options.deadlineMs)
    }
  }

  #spawn(): void {
    const worker = new Worker(new URL('./content-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.#options.heapMb, maxYoungGenerationSizeMb: 32 },
    })
    const slot: Slot = { worker, isReady: false, task: undefined, timer: undefined }
    this.#slots.push(slot)
    worker.on('message', (answer: WorkerAnswer) => this.#answered(slot, answer))
    worker.on('error', (error) => {
      const task = slot.task
      if (task) {
        // Out of memory, most likely: the input asked for more than a worker may have.
        this.#stop(slot, task.overrun())
      } else if (!slot.isReady) {
        // The worker could not start; the tasks waiting would wait for ever.
        for (const waiting of this.#queue.splice(0)) {
          clearTimeout(waiting.waitTimer)
          waiting.reject(error)
        }
        this.#stop(slot, error)
      }
    })
    worker.on('exit', (code) => {
      if (slot.task) this.#stop(slot, new Error(`a worker of ${this.#options.name} exited (code ${code})`))
    })
  }

  #answered(slot: Slot, answer: WorkerAnswer): void {
    if (!this.#slots.includes(slot)) return
    if ('ready' in answer) {
      slot.isReady = true
      slot.worker.unref()
      this.#dispatch()
      return
    }
    const task = slot.task
    clearTimeout(slot.timer)
    slot.task = undefined
    slot.worker.unref()
    if (task) {
      if ('value' in answer) task.resolve(answer.value)
      else if ('refused' in answer)
        task.reject(new BodyLimitError(answer.refused.field, answer.refused.limit))
      else task.reject(new Error(`${task.request.name} failed in ${this.#options.name}: ${answer.failed}`))
    }
    this.#dispatch()
  }

  /** Fails the slot's task (if any) with `error`, and terminates its worker. */
  #stop(slot: Slot, error: unknown): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    slot.task?.reject(error)
    slot.task = undefined
    void slot.worker.terminate()
    this.#dispatch()
  }
}
