import { PreviewBusyError } from '../../errors/index.ts'
import type { PageJob, PageResult } from '../plan/page-job.ts'
import type { ArticleSummary, FieldQuery } from './render-context.ts'
import type { RenderWorkerData } from './render-messages.ts'
import { RenderPool } from './render-pool.ts'

/** Previews rendering or waiting at once; one more is refused with PREVIEW_BUSY. */
export const PREVIEW_QUEUE = 4
/** An edited template is shown to its editor at once or not at all: a page gets 2 s, not 5. */
export const PREVIEW_DEADLINE_MS = 2_000
const PREVIEW_HEAP_MB = 96

/** What a preview renders: one page, with the theme and data of its site. */
export interface PreviewWork {
  readonly setup: RenderWorkerData
  readonly page: PageJob
  readonly answer: (query: FieldQuery) => Promise<readonly ArticleSummary[]>
}

/**
 * The one render process every preview of a publisher goes through (drafts and edited
 * templates), one page at a time behind a short queue. A process per preview let six
 * concurrent previews take the server from 568 MB to 1.35 GB; this holds previews to one
 * process's capped heap, whatever the number of editors.
 */
export class PreviewPool {
  #pool: RenderPool | undefined
  #line: Promise<unknown> = Promise.resolve()
  #inLine = 0

  /**
   * Renders one page; `prepare` (the store's part: a site snapshot) runs when the preview's
   * turn comes, so a crowd of previews costs one snapshot at a time too. Throws PREVIEW_BUSY
   * at once when the queue is full.
   */
  render(prepare: () => Promise<PreviewWork>): Promise<PageResult> {
    if (this.#inLine >= PREVIEW_QUEUE) return Promise.reject(new PreviewBusyError())
    this.#inLine++
    const rendered = this.#line.then(async () => {
      const { setup, page, answer } = await prepare()
      const pool = this.#poolFor(setup)
      let result: PageResult | undefined
      await pool.run([page], {
        knownHashes: async () => new Map(),
        answer,
        onResult: (each) => {
          result = each
        },
      })
      if (!result) throw new Error(`the preview of ${page.path} gave no result`)
      return result
    })
    const done = rendered.finally(() => {
      this.#inLine--
    })
    this.#line = done.catch(() => {})
    return done
  }

  async close(): Promise<void> {
    await this.#pool?.close()
    this.#pool = undefined
  }

  #poolFor(setup: RenderWorkerData): RenderPool {
    if (this.#pool) {
      this.#pool.prepare(setup)
      return this.#pool
    }
    this.#pool = new RenderPool({
      ...setup,
      size: 1,
      pageDeadlineMs: PREVIEW_DEADLINE_MS,
      heapMb: PREVIEW_HEAP_MB,
    })
    return this.#pool
  }
}
