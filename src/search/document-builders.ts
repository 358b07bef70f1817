import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { withCompileCache } from '../threads/index.ts'
import type { ArticleBatch } from './article-batch.ts'
import type { PackedDocuments } from './packed-documents.ts'
import type { BuildAnswer, BuildRequest } from './search-document-worker.ts'

interface Job {
  readonly request: BuildRequest
  readonly resolve: (packs: readonly PackedDocuments[]) => void
  readonly reject: (error: unknown) => void
}

interface Builder {
  readonly worker: Worker
  isReady: boolean
  job: Job | undefined
}

/**
 * Worker threads that make search documents (text, tokens, sound) of batches of articles while
 * the caller writes the previous batch: a rebuild spent about half its time on them, on the
 * thread that also writes the index. Used for big syncs only; a worker takes a moment to start.
 * The articles are the site's own, published and sanitized already, so no deadline applies.
 */
export class DocumentBuilders {
  readonly #builders: Builder[] = []
  readonly #queue: Job[] = []
  #failure: unknown

  readonly #sqlitePath: string | undefined

  /** With `sqlitePath` (SQLite), the builders read the articles themselves: see `buildByIds`. */
  constructor(
    sqlitePath: string | undefined,
    workers = Math.max(1, Math.min(4, availableParallelism() - 1)),
  ) {
    this.#sqlitePath = sqlitePath
    for (let i = 0; i < workers; i++) this.#spawn()
  }

  /** How many builders there are: batches made at once. */
  get count(): number {
    return this.#builders.length
  }

  /** Whether the builders can read articles by id themselves. */
  get readsArticles(): boolean {
    return this.#sqlitePath !== undefined
  }

  build(batch: ArticleBatch): Promise<readonly PackedDocuments[]> {
    return this.#enqueue(batch)
  }

  /** Documents of articles a builder reads itself (only when `readsArticles`). */
  buildByIds(ids: readonly number[]): Promise<readonly PackedDocuments[]> {
    return this.#enqueue({ ids })
  }

  #enqueue(request: BuildRequest): Promise<readonly PackedDocuments[]> {
    if (this.#failure) return Promise.reject(this.#failure)
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject })
      this.#dispatch()
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.#builders.splice(0).map((builder) => builder.worker.terminate()))
  }

  #dispatch(): void {
    for (const builder of this.#builders) {
      if (!builder.isReady || builder.job || this.#queue.length === 0) continue
      builder.job = this.#queue.shift() as Job
      builder.worker.postMessage(builder.job.request)
    }
  }

  #spawn(): void {
    const worker = new Worker(new URL('./search-document-worker.ts', import.meta.url), {
      workerData: { sqlitePath: this.#sqlitePath },
      env: withCompileCache(),
    })
    const builder: Builder = { worker, isReady: false, job: undefined }
    this.#builders.push(builder)
    worker.on('message', (answer: BuildAnswer) => {
      if ('ready' in answer) builder.isReady = true
      else {
        const job = builder.job
        builder.job = undefined
        if ('packs' in answer) job?.resolve(answer.packs)
        else job?.reject(new Error(`a search document could not be made: ${answer.failed}`))
      }
      this.#dispatch()
    })
    worker.on('error', (error) => this.#fail(error))
    worker.on('exit', (code) => {
      if (this.#builders.includes(builder))
        this.#fail(new Error(`a search document builder exited (code ${code})`))
    })
  }

  /** A builder that fails fails the rebuild: its jobs and those waiting. */
  #fail(error: unknown): void {
    this.#failure = error
    for (const builder of this.#builders) {
      builder.job?.reject(error)
      builder.job = undefined
    }
    for (const job of this.#queue.splice(0)) job.reject(error)
    void this.close()
  }
}
