import { parentPort, workerData } from 'node:worker_threads'
import type { PageJob, PageResult } from './page-job.ts'
import { PageRenderer } from './page-renderer.ts'
import type { ArticleSummary, SiteRenderContext } from './render-context.ts'
import type { Theme } from './theme.ts'

/**
 * The worker side of the render pool. It counts each finished page in shared memory, which
 * the pool watches to tell a slow batch from a stuck page without a message per page, and
 * posts the batch's results together at its end.
 */
export interface RenderWorkerData {
  readonly theme: Theme
  readonly context: SiteRenderContext
  readonly outputRoot: string
}

export interface RenderWorkerStart {
  readonly setup: RenderWorkerData
  /** One Int32: pages finished so far by this worker. */
  readonly progress: SharedArrayBuffer
}

export interface RenderBatch {
  readonly jobs: readonly PageJob[]
  readonly knownHashes: readonly (string | undefined)[]
}

/** Sent before a run: the worker renders the next batches with this theme and site data. */
export interface RenderSetup {
  readonly setup: RenderWorkerData
}

/** Answers to field queries pages of this run asked, sent before those pages come again. */
export interface RenderAnswers {
  readonly answers: Readonly<Record<string, readonly ArticleSummary[]>>
}

export type RenderWorkerMessage = { readonly ready: true } | { readonly results: readonly PageResult[] }

const start = workerData as RenderWorkerStart
const progress = new Int32Array(start.progress)
let renderer = new PageRenderer(start.setup.theme, start.setup.context, start.setup.outputRoot)

// The pool starts a page's deadline only once the worker has loaded: a slow start is no runaway template.
parentPort?.postMessage({ ready: true } satisfies RenderWorkerMessage)

parentPort?.on('message', (message: RenderBatch | RenderSetup | RenderAnswers) => {
  if ('setup' in message) {
    renderer = new PageRenderer(message.setup.theme, message.setup.context, message.setup.outputRoot)
    return
  }
  if ('answers' in message) {
    renderer.addAnswers(message.answers)
    return
  }
  const results = message.jobs.map((job, i) => {
    const result = renderer.render(job, message.knownHashes[i])
    Atomics.add(progress, 0, 1)
    return result
  })
  parentPort?.postMessage({ results } satisfies RenderWorkerMessage)
})
