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

const { theme, context, outputRoot } = workerData as RenderWorkerData
const renderer = new PageRenderer(theme, context, outputRoot)

// The pool starts a page's deadline only once the worker has loaded: a slow start is no runaway template.
parentPort?.postMessage({ ready: true })

parentPort?.on('message', (batch: RenderBatch) => {
  batch.jobs.forEach((job, i) => {
    const result: PageResult = renderer.render(job, batch.knownHashes[i])
    parentPort?.postMessage(result)
  })
})
