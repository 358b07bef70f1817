import type { Store } from '../store/index.ts'
import type { Publisher, PublishReport } from './publisher.ts'

/**
 * Publishes a site's pending changes every few seconds while a server runs, so an edit shows
 * on the site at once without anyone running `fabu publish`. Runs never overlap; a failed run
 * is reported and the changes stay pending for the next one.
 */
export class AutoPublisher {
  readonly #store: Store
  readonly #publisher: Publisher
  readonly #siteId: number
  readonly #onRun: (report: PublishReport) => void
  readonly #onError: (error: unknown) => void
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | undefined

  constructor(
    store: Store,
    publisher: Publisher,
    siteId: number,
    handlers: { onRun: (report: PublishReport) => void; onError: (error: unknown) => void },
  ) {
    this.#store = store
    this.#publisher = publisher
    this.#siteId = siteId
    this.#onRun = handlers.onRun
    this.#onError = handlers.onError
  }

  start(everyMs = 2_000): void {
    this.#timer = setInterval(() => {
      this.#running ??= this.#tick().finally(() => {
        this.#running = undefined
      })
    }, everyMs)
  }

  /** Stops the loop after the run in progress, if any, has finished. */
  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#running
  }

  async #tick(): Promise<void> {
    try {
      const pending = await this.#store.db
        .selectFrom('changes')
        .select('id')
        .where('site_id', '=', this.#siteId)
        .where('done_at', 'is', null)
        .limit(1)
        .executeTakeFirst()
      if (!pending) return
      this.#onRun(await this.#publisher.publish({ site: this.#siteId }))
    } catch (error) {
      this.#onError(error)
    }
  }
}
