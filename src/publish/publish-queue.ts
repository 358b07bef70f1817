import { randomUUID } from 'node:crypto'
import type { Actor, Content } from '../content/index.ts'
import { asFabuError, NotFoundError, PublishInProgressError } from '../errors/index.ts'
import type { Publisher, PublishReport } from './publisher.ts'

export interface Job {
  readonly id: string
  readonly kind: 'publish'
  readonly siteId: number
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  /** Pages rendered so far. */
  done: number
  readonly createdAt: string
  finishedAt: string | null
  result: {
    written: number
    unchanged: number
    removed: number
    failed: PublishReport['failed']
    runId: number | null
  } | null
  /** Why it failed, in both languages; the API answers in the reader's. */
  error: { code: string; messages: { zh: string; en: string } } | null
}

interface SiteFailure {
  readonly failures: number
  /** The newest pending change when it failed: a newer one is tried at once. */
  readonly newestChange: number
  readonly retryAt: number
}

/**
 * What the admin API asks of publishing, whichever engine runs it: the in-process queue on
 * SQLite, pg-boss jobs on PostgreSQL (src/jobs). Jobs started on one server may be run by
 * another process, so starting and reading one may go to the database.
 */
export interface PublishDispatch {
  preview(
    articleId: number,
    templateOverrides?: Readonly<Record<string, string>>,
    kind?: 'article' | 'print',
    baseHref?: string,
  ): Promise<string>
  plan(siteId: number, mode: 'full' | 'incremental'): Promise<PublishReport>
  startJob(siteId: number, mode: 'full' | 'incremental'): Job | Promise<Job>
  job(id: string): Job | Promise<Job>
  /** The job once it has ended (succeeded or failed), for the audit trail. */
  ended(job: Job): Promise<Job>
  /** Publishes queued or running (the server's /metrics reports it). */
  readonly depth: number
}

/** A failed background publish is tried again after 4 s, then 8, 16 … up to 10 minutes. */
const RETRY_FIRST_MS = 4_000
const RETRY_MAX_MS = 10 * 60_000

/**
 * Every publish of a site goes through here, one at a time per site: the background loop that
 * publishes pending changes, and the jobs the API starts. Scheduled workflow steps fire from
 * the same loop, so they happen within a minute of their time, also after a restart.
 */
export class PublishQueue implements PublishDispatch {
  readonly #content: Content
  readonly #publisher: Publisher
  readonly #system: Actor
  readonly #tails = new Map<number, Promise<unknown>>()
  readonly #jobs = new Map<string, Job>()
  readonly #onError: (error: unknown) => void
  #timer: NodeJS.Timeout | undefined
  #tick: Promise<void> | undefined
  #lastDueCheck = 0
  /** Sites whose background publish failed, and when to try again. */
  readonly #failing = new Map<number, SiteFailure>()
  readonly #now: () => number
  #depth = 0

  constructor(
    content: Content,
    publisher: Publisher,
    options: { system: Actor; onError: (error: unknown) => void; now?: () => number },
  ) {
    this.#now = options.now ?? Date.now
    this.#content = content
    this.#publisher = publisher
    this.#system = options.system
    this.#onError = options.onError
  }

  start(everyMs = 2_000): void {
    this.#timer = setInterval(() => {
      this.#tick ??= this.runPending().finally(() => {
        this.#tick = undefined
      })
    }, everyMs)
  }

  /** Stops the loop and waits for the publish in progress to finish its step. */
  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#tick
    await Promise.allSettled([...this.#tails.values()])
  }

  /** Fires due scheduled steps, then publishes every site with pending changes. */
  async runPending(): Promise<void> {
    try {
      if (Date.now() - this.#lastDueCheck >= 15_000) {
        this.#lastDueCheck = Date.now()
        await this.#content.articles.runDue(this.#system)
      }
      const sites = await this.#publisher.pendingSites()
      await Promise.all(
        sites
          .filter((site) => this.#isDue(site.siteId, site.newestChange))
          .map(({ siteId, newestChange }) =>
            // Another process publishing the site is not a failure: it consumes the changes,
            // or they are still pending on the next tick.
            this.#serial(siteId, () => this.#publisher.publish({ site: siteId, leaseWaitMs: 0 })).then(
              () => this.#failing.delete(siteId),
              (error: unknown) => {
                if (!(error instanceof PublishInProgressError)) this.#backOff(siteId, newestChange, error)
              },
            ),
          ),
      )
    } catch (error) {
      this.#onError(error)
    }
  }

  /**
   * Whether a site's pending changes should be published now. A site whose publish failed
   * (a theme removed from the disk, a full disk) would otherwise fail every two seconds for
   * ever, logging each time and holding the publisher from other sites; it waits longer after
   * each failure, and is tried at once when a new change arrives (perhaps the fix).
   */
  #isDue(siteId: number, newestChange: number): boolean {
    const failure = this.#failing.get(siteId)
    return !failure || newestChange > failure.newestChange || this.#now() >= failure.retryAt
  }

  #backOff(siteId: number, newestChange: number, error: unknown): void {
    const failures = (this.#failing.get(siteId)?.failures ?? 0) + 1
    const delay = Math.min(RETRY_FIRST_MS * 2 ** (failures - 1), RETRY_MAX_MS)
    this.#failing.set(siteId, { failures, newestChange, retryAt: this.#now() + delay })
    this.#onError(error)
  }

  /** An article rendered as it stands now with its site's theme, for the admin preview. */
  preview(
    articleId: number,
    templateOverrides: Readonly<Record<string, string>> = {},
    kind: 'article' | 'print' = 'article',
    baseHref?: string,
  ): Promise<string> {
    return this.#publisher.preview(articleId, templateOverrides, kind, baseHref)
  }

  /** The pages a publish would write now, without writing them. */
  plan(siteId: number, mode: 'full' | 'incremental'): Promise<PublishReport> {
    return this.#serial(siteId, () => this.#publisher.publish({ site: siteId, mode, isDryRun: true }))
  }

  /** Starts a publish as a job the API reports on; returns at once. */
  startJob(siteId: number, mode: 'full' | 'incremental'): Job {
    const job: Job = {
      id: randomUUID(),
      kind: 'publish',
      siteId,
      status: 'queued',
      done: 0,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    }
    this.#jobs.set(job.id, job)
    void this.#serial(siteId, async () => {
      job.status = 'running'
      try {
        const report = await this.#publisher.publish({
          site: siteId,
          mode,
          onProgress: (done) => (job.done = done),
        })
        job.result = {
          written: report.written.length,
          unchanged: report.unchanged,
          removed: report.removed.length,
          failed: report.failed,
          runId: report.runId,
        }
        job.status = 'succeeded'
      } catch (caught) {
        const error = asFabuError(caught)
        job.error = { code: error.code, messages: error.messages }
        job.status = 'failed'
      } finally {
        job.finishedAt = new Date().toISOString()
      }
    })
    return job
  }

  job(id: string): Job {
    const job = this.#jobs.get(id)
    if (!job) throw new NotFoundError('job', id)
    return job
  }

  async ended(job: Job): Promise<Job> {
    await this.settled(job.siteId)
    return job
  }

  /** Waits until the site's queued publishes are done (tests, shutdown). */
  async settled(siteId: number): Promise<void> {
    await this.#tails.get(siteId)?.catch(() => {})
  }

  /** Publishes queued or running, over all sites (the server's /metrics reports it). */
  get depth(): number {
    return this.#depth
  }

  #serial<T>(siteId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(siteId) ?? Promise.resolve()
    this.#depth++
    const next = previous
      .catch(() => {})
      .then(work)
      .finally(() => {
        this.#depth--
      })
    this.#tails.set(siteId, next)
    return next
  }
}
