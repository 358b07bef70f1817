import { parentPort } from 'node:worker_threads'
import { BodyLimitError } from '../markup/index.ts'
import { type TaskName, workerTasks } from './worker-tasks.ts'

/** The worker side of a WorkerPool: one named task a message, run by workerTasks. */
export interface WorkerRequest {
  readonly name: TaskName
  readonly input: unknown
}

export type WorkerAnswer =
  | { readonly ready: true }
  | { readonly value: unknown }
  | { readonly refused: { readonly field: string; readonly limit: BodyLimitError['limit'] } }
  | { readonly failed: string }

parentPort?.postMessage({ ready: true } satisfies WorkerAnswer)

parentPort?.on('message', (request: WorkerRequest) => {
  let answer: WorkerAnswer
  try {
    const task = workerTasks[request.name] as (input: unknown) => unknown
    answer = { value: task(request.input) }
  } catch (error) {
    // Errors do not cross threads with their class; the field and limit are enough to make it again.
    answer =
      error instanceof BodyLimitError
        ? { refused: { field: error.field, limit: error.limit } }
        : { failed: `${request.name} failed: ${String(error)}` }
  }
  parentPort?.postMessage(answer)
})
