import type { WorkerTasks } from './worker-tasks.ts'

let loaded: Promise<WorkerTasks> | undefined

/**
 * The worker tasks, for inputs small enough to run on the calling thread, loaded on first use:
 * they bring sanitize-html (with postcss) and diff, some sixty modules that a command which
 * never cleans a body nor compares revisions (a publish, `fabu --version`) need not load.
 */
export function inlineTasks(): Promise<WorkerTasks> {
  loaded ??= import('./worker-tasks.ts').then(
    (module) => module.workerTasks,
    (error: unknown) => {
      // Asked again next time, rather than failing every save until a restart.
      loaded = undefined
      throw error
    },
  )
  return loaded
}
