import { parentPort, workerData } from 'node:worker_threads'
import type { PageJob, PageResult } from './page-job.ts'
import { PageRenderer } from './page-renderer.ts'
import type { SiteRenderContext } from './render-context.ts'
import type { Theme } from './theme.ts'

/** The worker side of the render pool: renders the jobs it is sent, one result message per page. */
export interface RenderWorkerData {
  readonly theme: Theme
  readonly context: SiteRenderContext
  readonly outputRoot: string
}

export interface RenderBatch {
  readonly jobs: readonly PageJob[]
  readonly knownHashes: readonly (string | undefined)[]
}

/** Sent before a run: the worker renders the next batches with this theme and site data. */
export interface RenderSetup {
  readonly setup: RenderWorkerData
}

let renderer: PageRenderer | undefined

function setUp(data: RenderWorkerData): void {
  renderer = new PageRenderer(data.theme, data.context, data.outputRoot)
}

if (workerData) setUp(workerData as RenderWorkerData)

// The pool starts a page's deadline only once the worker has loaded: a slow start is no runaway template.
parentPort?.postMessage({ ready: true })

parentPort?.on('message', (message: RenderBatch | RenderSetup) => {
  if ('setup' in message) {
    setUp(message.setup)
    return
  }
  const batch = message
  batch.jobs.forEach((job, i) => {
    if (!renderer) throw new Error('render worker used before set-up')
    const result: PageResult = renderer.render(job, batch.knownHashes[i])
    parentPort?.postMessage(result)
  })
})
