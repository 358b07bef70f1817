import type { Store } from '../store/index.ts'
import type { LinkCheckOptions } from './external-links.ts'
import { checkSiteExternalLinks } from './link-reports.ts'

export interface ExternalLinkScheduleOptions {
  /** Hours between two runs; 0 never runs. The first run comes one interval after start. */
  readonly everyHours: number
  readonly check?: LinkCheckOptions
  readonly onError?: (error: unknown) => void
}

/**
 * The scheduled external link check inside `fabu serve`: every site, one after the other, each
 * interval. A run still going when the next is due is not doubled; stop() waits for it.
 */
export class ExternalLinkSchedule {
  readonly #store: Store
  readonly #options: ExternalLinkScheduleOptions
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | undefined

  constructor(store: Store, options: ExternalLinkScheduleOptions) {
    this.#store = store
    this.#options = options
  }

  start(): void {
    if (this.#options.everyHours <= 0 || this.#timer) return
    this.#timer = setInterval(() => {
      this.#running ??= this.runOnce().finally(() => {
        this.#running = undefined
      })
    }, this.#options.everyHours * 3_600_000)
    // A schedule never keeps a stopping process alive.
    this.#timer.unref()
  }

  /** Checks every site now, one after the other; a failing site does not stop the others. */
  async runOnce(): Promise<void> {
    const sites = await this.#store.db.selectFrom('sites').select(['id', 'base_url']).orderBy('id').execute()
    for (const site of sites) {
      try {
        await checkSiteExternalLinks(
          this.#store,
          { id: site.id, baseUrl: site.base_url },
          this.#options.check,
        )
      } catch (error) {
        this.#options.onError?.(error)
      }
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#running
  }
}
