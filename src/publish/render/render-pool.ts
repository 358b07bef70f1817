import { availableParallelism } from 'node:os'
import type { PageJob, PageResult } from '../plan/page-job.ts'
import {
  type ArticleSummary,
  type FieldQuery,
  fieldQueryKey,
  type SiteRenderContext,
} from './render-context.ts'
import {
  isResourceFailure,
  type RenderAnswers,
  type RenderBatch,
  type RenderSetup,
  type RenderWorkerData,
  type RenderWorkerMessage,
} from './render-messages.ts'
import { RenderProcess } from './render-process.ts'
import type { Theme } from './theme.ts'

export interface RenderPoolOptions {
  /**
   * The run's theme and data. Without them the processes start and wait for `prepare`: a
   * publisher starts them before it takes the snapshot they need, since a process takes some
   * 100 ms to be ready.
   */
  readonly theme?: Theme
  readonly context?: SiteRenderContext
  readonly outputRoot?: string
  /** Render processes to run; default one per core. */
  readonly size?: number
  /** A page that takes longer has its process killed and fails. */
  readonly pageDeadlineMs?: number
  /** The heap a render process may use before V8 ends it. */
  readonly heapMb?: number
  /** A page that takes longer counts as slow against its template (MAX_SLOW_PAGES_PER_TEMPLATE). */
  readonly slowPageMs?: number
}

interface QueuedJob {
  readonly job: PageJob
  readonly knownHash: string | undefined
  /** Times the page came back asking for data (a field query's answer). */
  readonly asked?: number
}

/** What a run needs besides its jobs. */
export interface RenderRun {
  readonly knownHashes: KnownHashes
  readonly onResult: (result: PageResult) => void | Promise<void>
  /** Answers a field query a template asked; without it, such pages fail. */
  readonly answer?: (query: FieldQuery) => Promise<readonly ArticleSummary[]>
}

/** A page asks again only if its answers went missing: a process replaced in between, say. */
const MAX_ASKS = 3
/**
 * Templates are untrusted, and each distinct field query costs a store query and a place in
 * every process's memory: a template asking one per page (by the article's id, say) is stopped.
 */
export const MAX_FIELD_QUERIES_PER_RUN = 500

/**
 * A template whose pages stopped their renderer this often in one run (out of memory, past
 * the deadline, at LiquidJS's render or memory limit) has its remaining pages failed at once:
 * each stop costs a process or seconds,
 * and the publisher runs one site at a time, so a site of 10,000 such pages would hold every
 * other site back for hours.
 */
export const MAX_STOPS_PER_TEMPLATE = 2
/**
 * A template that stays inside every limit yet takes most of a second a page would hold the
 * publisher, and so every other site, for hours on a large site: after this many pages slower
 * than `slowPageMs` (1 s; a page of the default theme takes a few milliseconds) in one run,
 * its remaining pages fail at once, as after MAX_STOPS_PER_TEMPLATE.
 */
export const MAX_SLOW_PAGES_PER_TEMPLATE = 5
/** Processes that die before they are ready this many times in a row: rendering cannot start. */
const MAX_START_FAILURES = 3

interface Slot {
  process: RenderProcess
  isReady: boolean
  /** Pages sent and not reported yet, in the order the process renders them: [0] is in hand. */
  batch: QueuedJob[]
  /** Pages reported so far, and at the last deadline check. */
  finished: number
  lastSeen: number
  /** When the last result came, or the batch went: the page in hand started then. */
  lastResultAt: number
  timer: NodeJS.Timeout | undefined
}

const BATCH_SIZE = 32
/**
 * A process gets its next pages while it still renders this many: they wait in its channel
 * instead of the process waiting a round trip for them.
 */
const LOW_WATER = 1
/** A run's queue is handed out in about this many shares per process (at most BATCH_SIZE pages each). */
const SHARES = 3
const QUEUE_HIGH_WATER = 512
/** Jobs whose published hashes are looked up together. */
const LOOKUP_BATCH = 256

/** The published pages' hashes by path, for the pages asked about that are published. */
export type KnownHashes = (paths: readonly string[]) => Promise<ReadonlyMap<string, string>>

/**
 * Renders pages in child processes. Templates are untrusted and LiquidJS's limits are only
 * cooperative, so each process has a hard heap cap and every page a deadline: a process that
 * overruns or dies is replaced, its current page fails with a clear error naming the template,
 * and the rest of its batch goes to the queue again. A process, unlike a worker thread, cannot
 * take the server down with it when V8 runs out of memory (see render-worker.ts).
 */
export class RenderPool {
  readonly #options: Required<Omit<RenderPoolOptions, keyof RenderWorkerData>>
  readonly #slots: Slot[] = []
  readonly #queue: QueuedJob[] = []
  #onResult: (result: PageResult) => void = () => {}
  #answer: RenderRun['answer']
  /** This run's field queries, answered or on their way, by query key. */
  #answers = new Map<string, Promise<void>>()
  /** How many of them ask by a custom field (newest_where), against MAX_FIELD_QUERIES_PER_RUN. */
  #fieldQueries = 0
  /** Which run is in progress: work of an earlier, failed run must not touch this one. */
  #generation = 0
  #pending = 0
  #drained: (() => void) | undefined
  #roomAvailable: (() => void) | undefined
  #setup: RenderWorkerData | undefined
  /** This run's renderer stops by template, and the templates past MAX_STOPS_PER_TEMPLATE. */
  #stops = new Map<string, number>()
  /** This run's pages slower than `slowPageMs`, by template. */
  #slowPages = new Map<string, number>()
  #startFailures = 0
  /** Why no process could start, once the pool gave up; the next run tries again. */
  #cannotStart: string | undefined

  constructor(options: RenderPoolOptions) {
    const { theme, context, outputRoot, ...limits } = options
    this.#options = {
      size: Math.max(1, Math.min(availableParallelism(), 8)),
      pageDeadlineMs: 5_000,
      heapMb: 128,
      slowPageMs: 1_000,
      ...limits,
    }
    this.#setup = theme && context && outputRoot !== undefined ? { theme, context, outputRoot } : undefined
    for (let i = 0; i < this.#options.size; i++) this.#slots.push(this.#spawn())
  }

  /**
   * Points the (running) processes at another publish run's theme and site data, so a
   * long-lived publisher keeps them warm instead of starting new ones for every change.
   */
  prepare(setup: RenderWorkerData): void {
    this.#setup = setup
    const message: RenderSetup = { setup }
    // One not ready yet gets the setup of the moment once it is.
    for (const slot of this.#slots) if (slot.isReady) slot.process.send(message)
  }

  /**
   * Renders the jobs, calling `onResult` for each page as it finishes, in any order. Jobs are
   * pulled from the source only as fast as the processes take them, and the published hashes
   * looked up a batch at a time, so neither the site's pages nor their hashes are ever held
   * in memory at once.
   */
  async run(jobs: Iterable<PageJob> | AsyncIterable<PageJob>, run: RenderRun): Promise<void> {
    const { knownHashes, onResult } = run
    if (!this.#setup) throw new Error('a render pool runs only once prepared with a theme and data')
    this.#generation++
    this.#answer = run.answer
    this.#answers = new Map()
    this.#fieldQueries = 0
    this.#stops = new Map()
    this.#slowPages = new Map()
    this.#startFailures = 0
    this.#cannotStart = undefined
    while (this.#slots.length < this.#options.size) this.#slots.push(this.#spawn())
    const pendingWork: Promise<void>[] = []
    this.#onResult = (result) => {
      const work = onResult(result)
      if (!work) return
      // Awaited below; until then a failure must not count as unhandled and end the process.
      work.catch(() => {})
      pendingWork.push(work)
    }
    const drained = new Promise<void>((resolve) => {
      this.#drained = resolve
    })
    this.#pending++ // held until every job is queued, so the pool cannot drain early
    try {
      let batch: PageJob[] = []
      for await (const job of jobs) {
        batch.push(job)
        if (batch.length < LOOKUP_BATCH) continue
        await this.#enqueue(batch, knownHashes)
        batch = []
      }
      await this.#enqueue(batch, knownHashes)
    } catch (error) {
      // The jobs or the hashes could not be read: the run ends here. Fresh processes, so no
      // batch of this run reports into the next one.
      await this.#restart()
      throw error
    }
    this.#settleOne()
    await drained
    await Promise.all(pendingWork)
  }

  async #restart(): Promise<void> {
    const size = this.#slots.length
    // Closed first: a result still on its way then finds its process gone and is dropped.
    await this.close()
    this.#generation++
    this.#queue.length = 0
    this.#pending = 0
    this.#drained = undefined
    this.#roomAvailable = undefined
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn())
  }

  async #enqueue(jobs: readonly PageJob[], knownHashes: KnownHashes): Promise<void> {
    if (jobs.length === 0) return
    const hashes = await knownHashes(jobs.map((job) => job.path))
    for (const job of jobs) {
      this.#queue.push({ job, knownHash: hashes.get(job.path) })
      this.#pending++
    }
    for (const slot of this.#slots) this.#dispatch(slot)
    this.#failUnstartable()
    while (this.#queue.length >= QUEUE_HIGH_WATER) {
      await new Promise<void>((resolve) => {
        this.#roomAvailable = resolve
      })
    }
  }

  async close(): Promise<void> {
    const closing = this.#slots.splice(0)
    for (const slot of closing) {
      clearTimeout(slot.timer)
      slot.batch = []
    }
    await Promise.all(closing.map((slot) => slot.process.kill()))
  }

  #spawn(): Slot {
    const slot: Slot = {
      process: undefined as unknown as RenderProcess,
      isReady: false,
      batch: [],
      finished: 0,
      lastSeen: 0,
      lastResultAt: 0,
      timer: undefined,
    }
    slot.process = new RenderProcess(this.#options.heapMb, {
      onMessage: (message: RenderWorkerMessage) => {
        if (!this.#slots.includes(slot)) return
        if ('ready' in message) {
          slot.isReady = true
          this.#startFailures = 0
          // Started early, it waits for `prepare`, which sends the setup to every ready process.
          if (!this.#setup) return
          slot.process.send({ setup: this.#setup } satisfies RenderSetup)
          this.#dispatch(slot)
        } else if ('retiring' in message) this.#retire(slot)
        else this.#received(slot, message.result)
      },
      onGone: (reason) => this.#gone(slot, reason),
    })
    return slot
  }

  /** A process retiring on its own (a crowded heap): its unrendered pages go to a fresh one, uncharged. */
  #retire(slot: Slot): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    clearTimeout(slot.timer)
    this.#queue.unshift(...slot.batch)
    slot.batch = []
    void slot.process.kill()
    this.#slots[index] = this.#spawn()
    for (const each of this.#slots) this.#dispatch(each)
  }

  /** A process ended that the pool did not stop: its page fails, and another takes its place. */
  #gone(slot: Slot, reason: string): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    if (slot.batch.length > 0) {
      this.#failCurrent(slot, reason)
      return
    }
    clearTimeout(slot.timer)
    if (!slot.isReady && ++this.#startFailures >= MAX_START_FAILURES) {
      // Every start fails (no memory for a process, say): fail the run's pages, never loop.
      this.#slots.splice(index, 1)
      this.#cannotStart = reason
      this.#failUnstartable()
      return
    }
    this.#slots[index] = this.#spawn()
  }

  #dispatch(slot: Slot): void {
    if (!slot.isReady || slot.batch.length > LOW_WATER) return
    // A small run (one change: some twenty pages) is handed out a few pages at a time, so
    // that a process with quick pages (feeds, print views) takes more of them while the
    // other renders a home page: given half each, one of two waited 3-6 ms for the other.
    const takers = this.#slots.filter((each) => each.isReady && each.batch.length <= LOW_WATER).length
    const share = Math.min(BATCH_SIZE, Math.ceil(this.#queue.length / (Math.max(1, takers) * SHARES)))
    const taken: QueuedJob[] = []
    while (taken.length < share && this.#queue.length > 0) {
      const queued = this.#queue.shift() as QueuedJob
      const template = queued.job.template
      const stops = template ? (this.#stops.get(template) ?? 0) : 0
      const slow = template ? (this.#slowPages.get(template) ?? 0) : 0
      if (template && stops >= MAX_STOPS_PER_TEMPLATE) {
        this.#settle(
          failedResult(
            queued.job,
            `not rendered: ${template} stopped or stalled its renderer ${stops} times in this publish (${template})`,
          ),
        )
      } else if (template && slow >= MAX_SLOW_PAGES_PER_TEMPLATE) {
        this.#settle(
          failedResult(
            queued.job,
            `not rendered: ${template} took more than ${this.#options.slowPageMs} ms a page ${slow} times in this publish (${template})`,
          ),
        )
      } else taken.push(queued)
    }
    if (this.#queue.length < QUEUE_HIGH_WATER) {
      this.#roomAvailable?.()
      this.#roomAvailable = undefined
    }
    if (taken.length === 0) return
    const isIdle = slot.batch.length === 0
    slot.batch.push(...taken)
    const batch: RenderBatch = {
      jobs: taken.map((entry) => entry.job),
      knownHashes: taken.map((entry) => entry.knownHash),
    }
    slot.process.send(batch)
    // Sent behind a page in hand, the batch waits its turn in the process: that page's clock
    // (its deadline, its slowness) goes on from its own start.
    if (!isIdle) return
    slot.lastSeen = slot.finished
    slot.lastResultAt = performance.now()
    this.#arm(slot)
  }

  /**
   * Checks the process every deadline: one that finished no page since the last check has a
   * page stuck (so a page gets between one and two deadlines before it is stopped).
   */
  #arm(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.timer = setTimeout(() => {
      if (slot.finished !== slot.lastSeen) {
        slot.lastSeen = slot.finished
        this.#arm(slot)
        return
      }
      this.#failCurrent(slot, `rendering took longer than ${this.#options.pageDeadlineMs} ms and was stopped`)
    }, this.#options.pageDeadlineMs)
  }

  #received(slot: Slot, result: PageResult): void {
    const queued = slot.batch.shift()
    slot.finished++
    // A process renders its batch one page after the other: the time since the last result is this page's.
    const now = performance.now()
    const template = queued?.job.template
    if (template && now - slot.lastResultAt > this.#options.slowPageMs) {
      this.#slowPages.set(template, (this.#slowPages.get(template) ?? 0) + 1)
    }
    slot.lastResultAt = now
    if (result.outcome === 'needs-data' && queued) this.#askFor(queued, result)
    else {
      if (isResourceFailure(result) && queued) this.#chargeStop(queued.job)
      this.#settle(result)
    }
    if (template && (this.#slowPages.get(template) ?? 0) >= MAX_SLOW_PAGES_PER_TEMPLATE) {
      this.#retireHolding(template)
    }
    // Retired above, or by the stop just charged: its replacement is dispatched to on its own.
    if (!this.#slots.includes(slot)) return
    if (slot.batch.length > LOW_WATER) return
    if (slot.batch.length === 0) clearTimeout(slot.timer)
    this.#dispatch(slot)
  }

  /** Fetches the answers a page asked for, sends them to every process, and queues the page again. */
  #askFor(queued: QueuedJob, result: PageResult): void {
    const asked = (queued.asked ?? 0) + 1
    const generation = this.#generation
    const fail = (error: string) => {
      if (generation === this.#generation) this.#settle({ ...result, outcome: 'failed', hash: '', error })
    }
    const needs = result.needs ?? []
    if (!this.#answer || asked > MAX_ASKS) {
      fail(`a list query of the template could not be answered (${queued.job.template})`)
      return
    }
    // A column's newest articles (a query without a field) are asked once a column at most: not counted.
    const fresh = needs.filter((query) => query.field !== '' && !this.#answers.has(fieldQueryKey(query)))
    if (this.#fieldQueries + fresh.length > MAX_FIELD_QUERIES_PER_RUN) {
      fail(
        `more than ${MAX_FIELD_QUERIES_PER_RUN} different newest_where queries in one publish (${queued.job.template})`,
      )
      return
    }
    Promise.all(needs.map((query) => this.#fetchAnswer(query))).then(
      () => {
        if (generation !== this.#generation) return
        this.#queue.unshift({ ...queued, asked })
        for (const slot of this.#slots) this.#dispatch(slot)
      },
      (error: unknown) =>
        fail(`a list query failed: ${error instanceof Error ? error.message : String(error)}`),
    )
  }

  #fetchAnswer(query: FieldQuery): Promise<void> {
    const key = fieldQueryKey(query)
    let fetched = this.#answers.get(key)
    if (!fetched) {
      const answer = this.#answer ?? (async () => [])
      const generation = this.#generation
      const setup = this.#setup
      fetched = answer(query).then((rows) => {
        if (generation !== this.#generation) return
        // Kept in the run's setup too, so a process started later has every answer.
        if (setup) setup.context.queried[key] = rows
        const message: RenderAnswers = { answers: { [key]: rows } }
        for (const slot of this.#slots) if (slot.isReady) slot.process.send(message)
      })
      this.#answers.set(key, fetched)
      if (query.field !== '') this.#fieldQueries++
    }
    return fetched
  }

  /**
   * The page in hand fails; its process is replaced, and the pages after it in the batch are
   * queued again. The page's template is charged with the stop (see MAX_STOPS_PER_TEMPLATE).
   */
  #failCurrent(slot: Slot, error: string): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1 || slot.batch.length === 0) return
    clearTimeout(slot.timer)
    const [current, ...again] = slot.batch
    slot.batch = []
    void slot.process.kill()
    this.#slots[index] = this.#spawn()
    this.#queue.unshift(...again)
    if (current) {
      const template = current.job.template
      this.#chargeStop(current.job)
      this.#settle(failedResult(current.job, template ? `${error} (${template})` : error))
    }
    for (const each of this.#slots) this.#dispatch(each)
  }

  /** With no process left to render, the queued pages fail instead of waiting for ever. */
  #failUnstartable(): void {
    if (this.#slots.length > 0 || this.#cannotStart === undefined) return
    for (const queued of this.#queue.splice(0)) this.#settle(failedResult(queued.job, this.#cannotStart))
    this.#roomAvailable?.()
    this.#roomAvailable = undefined
  }

  #chargeStop(job: PageJob): void {
    const template = job.template
    if (!template) return
    const stops = (this.#stops.get(template) ?? 0) + 1
    this.#stops.set(template, stops)
    // Pages of it already handed to other renderers (two processes, a few pages each) would
    // each stop theirs too: a third and fourth stop, past the limit, seen in CI.
    if (stops >= MAX_STOPS_PER_TEMPLATE) this.#retireHolding(template)
  }

  /**
   * The renderers holding pages of a template past its limits are replaced, and their pages
   * go back to the queue, where that template's are failed without rendering.
   */
  #retireHolding(template: string): void {
    const holding = this.#slots.filter((each) =>
      each.batch.some((queued) => queued.job.template === template),
    )
    for (const each of holding) this.#retire(each)
  }

  #settle(result: PageResult): void {
    this.#onResult(result)
    this.#settleOne()
  }

  #settleOne(): void {
    this.#pending--
    if (this.#pending === 0) this.#drained?.()
  }
}

function failedResult(job: PageJob, error: string): PageResult {
  return {
    path: job.path,
    kind: job.kind,
    refId: job.refId,
    outcome: 'failed',
    hash: '',
    deps: job.deps,
    templates: [],
    error,
  }
}
