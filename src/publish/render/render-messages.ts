import type { PageJob, PageResult } from '../plan/page-job.ts'
import type { ArticleSummary, SiteRenderContext } from './render-context.ts'
import type { Theme } from './theme.ts'

/** The messages between the render pool and its render processes (render-worker.ts). */
export interface RenderWorkerData {
  readonly theme: Theme
  readonly context: SiteRenderContext
  readonly outputRoot: string
}

export interface RenderBatch {
  readonly jobs: readonly PageJob[]
  readonly knownHashes: readonly (string | undefined)[]
}

/** Sent before a run: the process renders the next batches with this theme and site data. */
export interface RenderSetup {
  readonly setup: RenderWorkerData
}

/** Answers to field queries pages of this run asked, sent before those pages come again. */
export interface RenderAnswers {
  readonly answers: Readonly<Record<string, readonly ArticleSummary[]>>
}

export type RenderWorkerRequest = RenderBatch | RenderSetup | RenderAnswers

export type RenderWorkerMessage =
  | { readonly ready: true }
  | { readonly result: PageResult }
  /** The process ends after this (its heap stayed crowded): the rest of its batch goes elsewhere. */
  | { readonly retiring: true }

/**
 * A page failed at one of LiquidJS's limits (render time, memory) or the page size cap: it
 * stalled its renderer for seconds and may have left its heap crowded. Counted against its
 * template like a renderer stopped, and its process retires.
 */
export function isResourceFailure(result: PageResult): boolean {
  return (
    result.outcome === 'failed' &&
    /limit exceeded|page larger than/.test(result.error ?? '') &&
    !/^not rendered:/.test(result.error ?? '')
  )
}
