import { BodyLimitError } from '../markup/index.ts'
import { ThreadPool } from '../threads/index.ts'
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

/**
 * Runs named workerTasks in worker threads, so that no input, however large or hostile, blocks
 * the thread that answers requests: a ThreadPool whose workers start when first needed. Each
 * task gets a deadline and each worker a heap cap, past which the worker is terminated and the
 * caller gets the task's `overrun` error; a task that finds maxWaiting tasks waiting already,
 * or waits for a worker longer than maxWaitMs, fails with SERVER_BUSY.
 */
export class WorkerPool {
  readonly #pool: ThreadPool<WorkerAnswer>

  constructor(options: WorkerPoolOptions) {
    const { name } = options
    this.#pool = new ThreadPool<WorkerAnswer>({
      name,
      worker: new URL('./content-worker.ts', import.meta.url),
      workers: options.workers,
      heapMb: options.heapMb,
      deadlineMs: options.deadlineMs,
      maxWaiting: options.maxWaiting ?? DEFAULT_MAX_WAITING,
      ...(options.maxWaitMs === undefined ? {} : { maxWaitMs: options.maxWaitMs }),
      settle: (answer) => {
        if ('value' in answer) return { value: answer.value }
        if ('refused' in answer)
          return { error: new BodyLimitError(answer.refused.field, answer.refused.limit) }
        return { error: new Error(`${answer.failed} (in ${name})`) }
      },
    })
  }

  get deadlineMs(): number {
    return this.#pool.deadlineMs
  }

  /** What workerTasks[name] returns for `input`; `overrun` makes the error for a task stopped. */
  run<N extends TaskName>(name: N, input: TaskInput<N>, overrun: () => Error): Promise<TaskOutput<N>> {
    return this.#pool.run({ name, input } satisfies WorkerRequest, overrun) as Promise<TaskOutput<N>>
  }

  /** Stops the workers; tasks still waiting fail. */
  close(): Promise<void> {
    return this.#pool.close()
  }
}
