import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { PageJob, PageResult } from './page-job.ts'
import {
  type ArticleSummary,
  type FieldQuery,
  fieldQueryKey,
  type SiteRenderContext,
} from './render-context.ts'
import type {
  RenderAnswers,
  RenderBatch,
  RenderSetup,
  RenderWorkerData,
  RenderWorkerMessage,
  RenderWorkerStart,
} from './render-worker.ts'
import type { Theme } from './theme.ts'

export interface RenderPoolOptions {
  readonly theme: Theme
  readonly context: SiteRenderContext
  readonly outputRoot: string
  /** Workers to run; default one per core. */
  readonly size?: number
  /** A page that takes longer has its worker terminated and fails. */
  readonly pageDeadlineMs?: number
  /** The heap a worker may use before it is stopped. */
  readonly heapMb?: number
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

/** A page asks again only if its answers went missing: a worker replaced in between, say. */
const MAX_ASKS = 3
/**
 * Templates are untrusted, and each distinct field query costs a store query and a place in
 * every worker's memory: a template asking one per page (by the article's id, say) is stopped.
 */
export const MAX_FIELD_QUERIES_PER_RUN = 500

interface Slot {
  worker: Worker
  isReady: boolean
  /** Pages this worker has finished, counted by the worker in shared memory. */
  progress: Int32Array
  /** The batch in flight; empty while the worker is idle. */
  batch: QueuedJob[]
  batchStart: number
  lastSeen: number
  timer: NodeJS.Timeout | undefined
}

const BATCH_SIZE = 32
const QUEUE_HIGH_WATER = 512
/** Jobs whose published hashes are looked up together. */
const LOOKUP_BATCH = 256

/** The published pages' hashes by path, for the pages asked about that are published. */
export type KnownHashes = (paths: readonly string[]) => Promise<ReadonlyMap<string, string>>

/**
 * Renders pages in worker threads. Templates are untrusted and LiquidJS's limits are only
 * cooperative, so each worker has a hard heap cap and every page a deadline: a worker that
 * overruns is terminated and replaced, its current page fails with a clear error, and the
 * rest of its batch goes to the queue again.
 */
export class RenderPool {
  readonly #options: Required<RenderPoolOptions>
  readonly #slots: Slot[] = []
  readonly #queue: QueuedJob[] = []
  #onResult: (result: PageResult) => void = () => {}
  #answer: RenderRun['answer']
  /** This run's field queries, answered or on their way, by query key. */
  #answers = new Map<string, Promise<void>>()
  /** Which run is in progress: work of an earlier, failed run must not touch this one. */
  #generation = 0
  #pending = 0
  #drained: (() => void) | undefined
  #roomAvailable: (() => void) | undefined
  #setup: RenderWorkerData

  constructor(options: RenderPoolOptions) {
    this.#options = {
      size: Math.max(1, Math.min(availableParallelism(), 8)),
      pageDeadlineMs: 5_000,
      heapMb: 128,
      ...options,
    }
    this.#setup = { theme: options.theme, context: options.context, outputRoot: options.outputRoot }
    for (let i = 0; i < this.#options.size; i++) this.#slots.push(this.#spawn())
  }

  /**
   * Points the (running) workers at another publish run's theme and site data, so a long-lived
   * publisher keeps its workers warm instead of starting new ones for every change.
   */
  prepare(setup: RenderWorkerData): void {
    this.#setup = setup
    const message: RenderSetup = { setup }
    for (const slot of this.#slots) slot.worker.postMessage(message)
  }

  /**
   * Renders the jobs, calling `onResult` for each page as it finishes, in any order. Jobs are
   * pulled from the source only as fast as the workers take them, and the published hashes
   * looked up a batch at a time, so neither the site's pages nor their hashes are ever held
   * in memory at once.
   */
  async run(jobs: Iterable<PageJob> | AsyncIterable<PageJob>, run: RenderRun): Promise<void> {
    const { knownHashes, onResult } = run
    this.#generation++
    this.#answer = run.answer
    this.#answers = new Map()
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
      // The jobs or the hashes could not be read: the run ends here. Fresh workers, so no
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
    // Closed first: a batch result still on its way then finds its worker gone and is dropped.
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
      slot.worker.removeAllListeners('message')
    }
    await Promise.all(closing.map((slot) => slot.worker.terminate()))
  }

  #spawn(): Slot {
    const progress = new SharedArrayBuffer(4)
    const start: RenderWorkerStart = { setup: this.#setup, progress }
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
      workerData: start,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.heapMb, maxYoungGenerationSizeMb: 16 },
    })
    const slot: Slot = {
      worker,
      isReady: false,
      progress: new Int32Array(progress),
      batch: [],
      batchStart: 0,
      lastSeen: 0,
      timer: undefined,
    }
    worker.on('message', (message: RenderWorkerMessage) => {
      if ('ready' in message) {
        slot.isReady = true
        this.#dispatch(slot)
      } else {
        this.#received(slot, message.results)
      }
    })
    worker.on('error', (error) => this.#failCurrent(slot, `render worker failed: ${error.message}`))
    worker.on('exit', (code) => {
      if (slot.batch.length > 0) this.#failCurrent(slot, `render worker exited (code ${code})`)
    })
    return slot
  }

  #dispatch(slot: Slot): void {
    if (!slot.isReady || slot.batch.length > 0 || this.#queue.length === 0) return
    const taken = this.#queue.splice(0, BATCH_SIZE)
    if (this.#queue.length < QUEUE_HIGH_WATER) {
      this.#roomAvailable?.()
      this.#roomAvailable = undefined
    }
    slot.batch = taken
    slot.batchStart = Atomics.load(slot.progress, 0)
    slot.lastSeen = slot.batchStart
    const batch: RenderBatch = {
      jobs: taken.map((entry) => entry.job),
      knownHashes: taken.map((entry) => entry.knownHash),
    }
    slot.worker.postMessage(batch)
    this.#arm(slot)
  }

  /**
   * Checks the worker every deadline: a worker that finished no page since the last check has
   * a page stuck (so a page gets between one and two deadlines before it is stopped).
   */
  #arm(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.timer = setTimeout(() => {
      const seen = Atomics.load(slot.progress, 0)
      if (seen !== slot.lastSeen) {
        slot.lastSeen = seen
        this.#arm(slot)
        return
      }
      this.#failCurrent(slot, `rendering took longer than ${this.#options.pageDeadlineMs} ms and was stopped`)
    }, this.#options.pageDeadlineMs)
  }

  #received(slot: Slot, results: readonly PageResult[]): void {
    // A worker already replaced (it overran its deadline) may still get a batch out: dropped.
    if (!this.#slots.includes(slot)) return
    clearTimeout(slot.timer)
    const batch = slot.batch
    slot.batch = []
    results.forEach((result, i) => {
      const queued = batch[i]
      if (result.outcome === 'needs-data' && queued) this.#askFor(queued, result)
      else this.#settle(result)
    })
    this.#dispatch(slot)
  }

  /** Fetches the answers a page asked for, sends them to every worker, and queues the page again. */
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
    const fresh = needs.filter((query) => !this.#answers.has(fieldQueryKey(query))).length
    if (this.#answers.size + fresh > MAX_FIELD_QUERIES_PER_RUN) {
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
        // Kept in the run's setup too, so a worker started later has every answer.
        setup.context.queried[key] = rows
        const message: RenderAnswers = { answers: { [key]: rows } }
        for (const slot of this.#slots) slot.worker.postMessage(message)
      })
      this.#answers.set(key, fetched)
    }
    return fetched
  }

  /**
   * The page in hand fails; the worker is replaced. Pages it finished in this batch lost their
   * results with it, so they are queued again with the rest (rendering is idempotent).
   */
  #failCurrent(slot: Slot, error: string): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1 || slot.batch.length === 0) return
    clearTimeout(slot.timer)
    const done = Math.min(Atomics.load(slot.progress, 0) - slot.batchStart, slot.batch.length - 1)
    const current = slot.batch[done]?.job
    const again = [...slot.batch.slice(0, done), ...slot.batch.slice(done + 1)]
    slot.batch = []
    void slot.worker.terminate()
    this.#slots[index] = this.#spawn()
    this.#queue.unshift(...again)
    if (current) {
      this.#settle({
        path: current.path,
        kind: current.kind,
        refId: current.refId,
        outcome: 'failed',
        hash: '',
        deps: current.deps,
        templates: [],
        error: current.template ? `${error} (${current.template})` : error,
      })
    }
    for (const each of this.#slots) this.#dispatch(each)
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
