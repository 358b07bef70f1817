import { sql } from 'kysely'
import { PgBoss } from 'pg-boss'
import type { Actor, Content } from '../content/index.ts'
import { asFabuError, NotFoundError } from '../errors/index.ts'
import {
  type Job,
  type PublishDispatch,
  type Publisher,
  type PublishReport,
  publishProgress,
} from '../publish/index.ts'
import { rebuildSearchIndex } from '../search/index.ts'
import type { Store } from '../store/index.ts'
import { bossSchemaOf } from './boss-schema.ts'

export const PUBLISH_QUEUE = 'fabu-publish'
export const DUE_STEPS_QUEUE = 'fabu-due-steps'
export const REINDEX_QUEUE = 'fabu-reindex'

/**
 * A worker killed with SIGKILL stops sending heartbeats; after this long pg-boss's supervisor
 * in any live process fails its job, and the job is retried by another worker (10 s is
 * pg-boss's smallest heartbeat).
 */
const HEARTBEAT_SECONDS = 10
const RETRIES = { retryLimit: 8, retryDelay: 2, retryBackoff: true, retryDelayMax: 120 }
const REINDEX_SETTINGS = { policy: 'stately', heartbeatSeconds: HEARTBEAT_SECONDS, ...RETRIES } as const

type PublishMode = 'full' | 'incremental'
interface PublishData {
  readonly siteId: number
  readonly mode: PublishMode
}

export interface ClusterJobsOptions {
  /** The DATABASE_URL the store was opened with. */
  readonly databaseUrl: string
  /** Renders previews and dry runs here; in a worker, also the publishes it takes. */
  readonly publisher: Publisher
  readonly system: Actor
  readonly onError: (error: unknown) => void
}

/**
 * Publishing on PostgreSQL as pg-boss jobs, shared by every `fabu serve` and `fabu worker`
 * pointed at the database. A publish job carries its site as singleton key on a `stately`
 * queue: at most one runs per site and one more waits, so repeated requests merge into the
 * waiting one (a full publish has a key of its own, so it is not merged into an incremental
 * one; the publisher's site lease still lets only one of them write at a time). Every job is
 * idempotent: a publish consumes whatever changes are pending when it runs, due steps fire
 * only steps still due, a reindex rebuilds from the articles. So a job run twice, after its
 * worker was killed and its heartbeat lapsed, does no harm.
 */
export class ClusterJobs implements PublishDispatch {
  readonly #boss: PgBoss
  readonly #store: Store
  readonly #content: Content
  readonly #options: ClusterJobsOptions
  readonly #bossSchema: string
  #sweep: NodeJS.Timeout | undefined
  #sweeping: Promise<void> | undefined
  #depth = 0
  #depthTimer: NodeJS.Timeout | undefined

  private constructor(
    boss: PgBoss,
    bossSchema: string,
    store: Store,
    content: Content,
    options: ClusterJobsOptions,
  ) {
    this.#boss = boss
    this.#bossSchema = bossSchema
    this.#store = store
    this.#content = content
    this.#options = options
  }

  /** Connects to pg-boss (creating its schema on first use) and declares fabu's queues. */
  static async open(store: Store, content: Content, options: ClusterJobsOptions): Promise<ClusterJobs> {
    const bossSchema = await bossSchemaOf(store)
    const boss = new PgBoss({ connectionString: options.databaseUrl, schema: bossSchema, max: 4 })
    boss.on('error', options.onError)
    await boss.start()
    const retries = RETRIES
    await ensureQueue(boss, PUBLISH_QUEUE, {
      policy: 'stately',
      heartbeatSeconds: HEARTBEAT_SECONDS,
      ...retries,
    })
    await ensureQueue(boss, DUE_STEPS_QUEUE, {
      policy: 'singleton',
      heartbeatSeconds: HEARTBEAT_SECONDS,
      ...retries,
    })
    await ensureQueue(boss, REINDEX_QUEUE, REINDEX_SETTINGS)
    const jobs = new ClusterJobs(boss, bossSchema, store, content, options)
    jobs.#depthTimer = setInterval(() => void jobs.#readDepth(), 5_000)
    jobs.#depthTimer.unref()
    return jobs
  }

  /**
   * Makes this process a worker: it takes publish, due-step and reindex jobs, and every
   * `sweepEveryMs` asks for a publish of each site with pending changes (merged when one is
   * already waiting), so a change saved anywhere is published by some worker.
   */
  async work(sweepEveryMs = 2_000): Promise<void> {
    const polling = { pollingIntervalSeconds: 1 }
    await this.#boss.work<PublishData>(PUBLISH_QUEUE, { ...polling, localConcurrency: 2 }, async ([job]) => {
      if (!job) return null
      const { siteId, mode } = job.data
      // The publish that waited behind a running one mostly finds its changes taken by that
      // run: it records no empty run (the site's recent runs would fill with them). Nor does an
      // incremental publish beside a full one of its site, waiting or running, which publishes
      // every change: it would hold this worker's slot for up to a minute waiting for the
      // site's lease. (One worker published 20 sites a third as fast as two for that reason:
      // every slot it had sat waiting behind the other's full publishes.) A change saved
      // after the full run read the log is still pending, and the sweep asks for it again.
      if (
        mode !== 'full' &&
        ((await this.#fullPublishWaitsOrRuns(siteId)) ||
          !(await this.#options.publisher.hasPendingWork(siteId)))
      )
        return { written: 0, unchanged: 0, removed: 0, failed: [], runId: null }
      return publishResult(await this.#options.publisher.publish({ site: siteId, mode }))
    })
    await this.#boss.work(DUE_STEPS_QUEUE, polling, async () => {
      await this.#content.articles.runDue(this.#options.system)
    })
    await this.#boss.work<{ siteId: number }>(REINDEX_QUEUE, polling, async ([job]) =>
      job ? rebuildSearchIndex(this.#store, job.data.siteId) : null,
    )
    // pg-boss's cron sends one job a minute whichever processes are running.
    await this.#boss.schedule(DUE_STEPS_QUEUE, '* * * * *')
    this.#sweep = setInterval(() => {
      this.#sweeping ??= this.#requestPending().finally(() => {
        this.#sweeping = undefined
      })
    }, sweepEveryMs)
  }

  async #fullPublishWaitsOrRuns(siteId: number): Promise<boolean> {
    const { rows } = await sql<{ found: number }>`select 1 as found
      from ${sql.table(`${this.#bossSchema}.job`)}
      where name = ${PUBLISH_QUEUE} and singleton_key = ${`${siteId}:full`}
        and state in ('created', 'retry', 'active')
      limit 1`.execute(this.#store.db)
    return rows.length > 0
  }

  async #requestPending(): Promise<void> {
    try {
      for (const { siteId } of await this.#options.publisher.pendingSites())
        await this.#send(siteId, 'incremental')
    } catch (error) {
      this.#options.onError(error)
    }
  }

  preview(
    articleId: number,
    templateOverrides: Readonly<Record<string, string>> = {},
    kind: 'article' | 'print' = 'article',
    baseHref?: string,
  ): Promise<string> {
    return this.#options.publisher.preview(articleId, templateOverrides, kind, baseHref)
  }

  plan(siteId: number, mode: PublishMode): Promise<PublishReport> {
    return this.#options.publisher.publish({ site: siteId, mode, isDryRun: true })
  }

  /** Queues a publish of the site; one already waiting for it is answered instead. */
  async startJob(siteId: number, mode: PublishMode): Promise<Job> {
    return this.job(await this.#send(siteId, mode))
  }

  /**
   * Runs `run` at each time `cron` names (on the clock of `tz`), on one process of the
   * installation only: pg-boss's cron sends one job per occurrence whichever processes are
   * running, and a `singleton` queue lets one run at a time. `null` removes the schedule (the
   * setting was turned off). Each process that calls this may take the job.
   */
  async repeat(
    name: string,
    cron: string | null,
    run: (at: Date) => Promise<void>,
    tz = 'UTC',
  ): Promise<void> {
    const queue = `fabu-${name}`
    await ensureQueue(this.#boss, queue, {
      policy: 'singleton',
      heartbeatSeconds: HEARTBEAT_SECONDS,
      retryLimit: 2,
      retryDelay: 60,
    })
    if (cron === null) return this.#boss.unschedule(queue)
    await this.#boss.work(queue, { pollingIntervalSeconds: 2, includeMetadata: true }, async ([job]) => {
      if (job) await run(job.createdOn)
    })
    await this.#boss.schedule(queue, cron, null, { tz })
  }

  /** Queues a rebuild of the site's search index. */
  async reindex(siteId: number): Promise<void> {
    await this.#boss.send(REINDEX_QUEUE, { siteId }, { singletonKey: String(siteId) })
  }

  async #send(siteId: number, mode: PublishMode): Promise<string> {
    const singletonKey = mode === 'full' ? `${siteId}:full` : String(siteId)
    const sent = await this.#boss.send(PUBLISH_QUEUE, { siteId, mode }, { singletonKey })
    if (sent) return sent
    const [waiting] = await this.#boss.findJobs(PUBLISH_QUEUE, { key: singletonKey, queued: true, limit: 1 })
    if (waiting) return waiting.id
    // The waiting one started between the two calls: a new one may wait now.
    return this.#send(siteId, mode)
  }

  async job(id: string): Promise<Job> {
    const [found] = await this.#boss.findJobs<PublishData>(PUBLISH_QUEUE, { id, limit: 1 })
    if (!found) throw new NotFoundError('job', id)
    const job = jobOf(found)
    if (job.status !== 'running') return job
    // The worker running it notes its pages on the site's publish lease, whichever machine it is on.
    return { ...job, done: (await publishProgress(this.#store, job.siteId)) ?? 0 }
  }

  async ended(job: Job): Promise<Job> {
    for (;;) {
      const now = await this.job(job.id)
      if (now.status === 'succeeded' || now.status === 'failed') return now
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
  }

  get depth(): number {
    return this.#depth
  }

  async #readDepth(): Promise<void> {
    const queue = await this.#boss.getQueue(PUBLISH_QUEUE).catch(() => null)
    if (queue) this.#depth = queue.queuedCount + queue.activeCount
  }

  /** Stops taking jobs and lets the ones running finish (SIGTERM); a killed worker's are retried. */
  async stop(): Promise<void> {
    clearInterval(this.#sweep)
    clearInterval(this.#depthTimer)
    await this.#sweeping
    await this.#boss.stop({ graceful: true, timeout: 120_000 })
  }
}

/**
 * Queues a rebuild of the site's search index for a worker to run (`fabu search reindex
 * --queue`), without becoming a worker: no supervision, no cron. Returns the job's id, or null
 * when one for the site was already waiting (the two are merged).
 */
export async function queueReindex(
  store: Store,
  databaseUrl: string,
  siteId: number,
): Promise<string | null> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: await bossSchemaOf(store),
    max: 1,
    supervise: false,
    schedule: false,
  })
  await boss.start()
  try {
    await ensureQueue(boss, REINDEX_QUEUE, REINDEX_SETTINGS)
    return await boss.send(REINDEX_QUEUE, { siteId }, { singletonKey: String(siteId) })
  } finally {
    await boss.stop({ graceful: false })
  }
}

type QueueSettings = NonNullable<Parameters<PgBoss['createQueue']>[1]>

async function ensureQueue(boss: PgBoss, name: string, options: QueueSettings) {
  // A queue's policy is fixed when it is created; its retries and heartbeat follow the code.
  const { policy: _fixed, ...changeable } = options
  if (await boss.getQueue(name)) await boss.updateQueue(name, changeable)
  else
    await boss.createQueue(name, options).catch(async (error: unknown) => {
      // Another process created it at the same moment.
      if (!(await boss.getQueue(name))) throw error
    })
}

function publishResult(report: PublishReport): NonNullable<Job['result']> {
  return {
    written: report.written.length,
    unchanged: report.unchanged,
    removed: report.removed.length,
    failed: report.failed,
    runId: report.runId,
  }
}

interface StoredJob {
  readonly id: string
  readonly data: PublishData
  readonly state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'
  readonly output: object | null
  readonly createdOn: Date
  readonly completedOn: Date | null
}

/** A pg-boss job as the API reports it, the same shape as the in-process queue's. */
function jobOf(stored: StoredJob): Job {
  const status =
    stored.state === 'active'
      ? 'running'
      : stored.state === 'completed'
        ? 'succeeded'
        : stored.state === 'failed' || stored.state === 'cancelled'
          ? 'failed'
          : 'queued'
  const result = status === 'succeeded' ? (stored.output as Job['result']) : null
  return {
    id: stored.id,
    kind: 'publish',
    siteId: stored.data.siteId,
    status,
    done: result ? result.written + result.unchanged : 0,
    createdAt: stored.createdOn.toISOString(),
    finishedAt: stored.completedOn?.toISOString() ?? null,
    result,
    error: status === 'failed' ? errorOf(stored.output) : null,
  }
}

/** pg-boss keeps a thrown error's own fields; a FabuError's code and messages are among them. */
function errorOf(output: object | null): Job['error'] {
  const fields = output as { code?: unknown; message?: unknown; messages?: { zh: string; en: string } } | null
  if (typeof fields?.code === 'string' && fields.messages)
    return { code: fields.code, messages: fields.messages }
  const error = asFabuError(new Error(typeof fields?.message === 'string' ? fields.message : 'job failed'))
  return { code: error.code, messages: error.messages }
}
