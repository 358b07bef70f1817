import { systemActor } from '../content/index.ts'
import { ClusterJobs } from '../jobs/index.ts'
import { type PublishDispatch, type Publisher, PublishQueue } from '../publish/index.ts'
import type { App } from './open-app.ts'

/** Publishing as one process sees it: what the API dispatches to, and whether it works jobs. */
export interface BackgroundWork {
  readonly dispatch: PublishDispatch
  /** Starts taking work: pending changes, scheduled steps, queued publishes. */
  start(): Promise<void>
  stop(): Promise<void>
  /**
   * On PostgreSQL: runs `run` at each time `cron` names on one process of the installation
   * (see ClusterJobs.repeat). Absent on SQLite, where the one server keeps its own timers.
   */
  readonly repeat?: (
    name: string,
    cron: string | null,
    run: (at: Date) => Promise<void>,
    tz?: string,
  ) => Promise<void>
}

/**
 * The engine picks the machinery: on SQLite (one machine) today's in-process queue; on
 * PostgreSQL pg-boss jobs that any `fabu worker` or working `fabu serve` of the installation
 * may take.
 */
export async function openBackgroundWork(app: App, publisher: Publisher): Promise<BackgroundWork> {
  const system = systemActor('scheduler')
  const onError = (error: unknown) =>
    process.stderr.write(`fabu: 自动发布失败 / publishing failed: ${(error as Error).message}\n`)
  if (app.store.engine === 'postgres' && app.config.databaseUrl) {
    const jobs = await ClusterJobs.open(app.store, app.content, {
      databaseUrl: app.config.databaseUrl,
      publisher,
      system,
      onError,
    })
    return {
      dispatch: jobs,
      start: () => jobs.work(),
      stop: () => jobs.stop(),
      repeat: (name, cron, run, tz) => jobs.repeat(name, cron, run, tz),
    }
  }
  const queue = new PublishQueue(app.content, publisher, { system, onError })
  return {
    dispatch: queue,
    async start() {
      queue.start()
    },
    stop: () => queue.stop(),
  }
}
