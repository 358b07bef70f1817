import type { Command } from 'commander'
import { ValidationError } from '../../errors/index.ts'
import { Publisher } from '../../publish/index.ts'
import { openBackgroundWork } from '../background-work.ts'
import { type App, publisherOptions, withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { print } from '../print-table.ts'
import { startWorking, targetDeliveries } from './serve.ts'

export function registerWorker(program: Command): void {
  withCommonOptions(
    program
      .command('worker')
      .description(
        '执行发布、定时步骤与重建索引任务，不提供 HTTP（需 PostgreSQL）/ run publish, scheduled-step and reindex jobs, without HTTP (PostgreSQL)',
      ),
    { json: false },
  ).action(async (options: { data: string }) => {
    await withApp(options.data, (app) => work(app))
  })
}

async function work(app: App): Promise<void> {
  if (app.store.engine !== 'postgres')
    throw new ValidationError(
      'worker',
      'fabu worker 需要 PostgreSQL（DATABASE_URL）；SQLite 上由 fabu serve 自己发布',
      'fabu worker needs PostgreSQL (DATABASE_URL); on SQLite fabu serve publishes by itself',
    )
  const deliveries = targetDeliveries(app)
  // A warm render pool: a worker publishes one site after another.
  const publisher = new Publisher(app.store, app.content, {
    ...publisherOptions(app.config),
    keepsWorkers: true,
    onRunRecorded: async (run) => deliveries.deliver(run.siteId),
  })
  const background = await openBackgroundWork(app, publisher)
  const working = await startWorking(app, background)
  print(`发布任务执行中 / worker ${process.pid} is taking jobs; press Ctrl+C to stop`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  // The jobs in progress finish first; those of a worker killed outright are retried elsewhere.
  await working.stop()
  await background.stop()
  await deliveries.stop()
  await publisher.close()
  print('已停止 / stopped')
}
