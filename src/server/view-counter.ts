import { type ArticleViews, createArticleViews } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { RecentHits, type RecentHitsOptions } from './recent-hits.ts'

/**
 * The 浏览次数 of static pages. Hits are counted in memory and written in batches, one
 * statement per article per flush instead of one per hit; a restart loses at most the hits
 * since the last flush. One address counts once an hour per article (see RecentHits), so
 * reloading or scripting a page does not inflate its count. Totals read from the database are
 * kept for a while only: other servers of the installation count the same articles, and their
 * hits reach this server's readers when the total is read again.
 */
export class ViewCounter {
  readonly #views: ArticleViews
  readonly #pending = new Map<number, number>()
  readonly #stored = new Map<number, { views: number; readAt: number }>()
  readonly #rereadAfterMs: number
  readonly #now: () => number
  readonly #recent: RecentHits
  #timer: NodeJS.Timeout | undefined
  #flushing: Promise<void> = Promise.resolve()

  constructor(
    store: Store,
    options: {
      flushEveryMs?: number
      perReader?: RecentHitsOptions
      /** How long a total read from the database is trusted before it is read again. */
      rereadAfterMs?: number
      now?: () => number
    } = {},
  ) {
    this.#views = createArticleViews(store)
    this.#rereadAfterMs = options.rereadAfterMs ?? 30_000
    this.#now = options.now ?? Date.now
    this.#recent = new RecentHits(options.perReader)
    const every = options.flushEveryMs ?? 5_000
    this.#timer = setInterval(() => void this.flush(), every)
    this.#timer.unref()
  }

  /**
   * Counts one view of a published article by the reader at `address`, unless that reader was
   * counted for it within the hour, and returns its total; null when there is no such article.
   */
  async hit(articleId: number, address: string): Promise<number | null> {
    const stored = await this.#storedViews(articleId)
    if (stored === null) return null
    // Checked after the article, so ids that do not exist take no room among remembered readers.
    if (!this.#recent.isFirst(address, articleId)) return stored + (this.#pending.get(articleId) ?? 0)
    const pending = (this.#pending.get(articleId) ?? 0) + 1
    this.#pending.set(articleId, pending)
    return stored + pending
  }

  async views(articleId: number): Promise<number | null> {
    const stored = await this.#storedViews(articleId)
    return stored === null ? null : stored + (this.#pending.get(articleId) ?? 0)
  }

  /** Writes the buffered hits; flushes never overlap. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write())
    return this.#flushing
  }

  async close(): Promise<void> {
    clearInterval(this.#timer)
    await this.flush()
  }

  async #write(): Promise<void> {
    if (this.#pending.size === 0) return
    const batch = [...this.#pending]
    this.#pending.clear()
    try {
      await this.#views.add(batch)
      // Read again when next asked: adding the batch here could count it twice, had a read
      // between the write and now already seen it.
      for (const [articleId] of batch) this.#stored.delete(articleId)
    } catch (error) {
      // Keep the hits for the next flush rather than lose them.
      for (const [articleId, count] of batch)
        this.#pending.set(articleId, (this.#pending.get(articleId) ?? 0) + count)
      throw error
    }
  }

  async #storedViews(articleId: number): Promise<number | null> {
    const known = this.#stored.get(articleId)
    if (known && this.#now() - known.readAt < this.#rereadAfterMs) return known.views
    const readAt = this.#now()
    const views = await this.#views.total(articleId)
    if (views === null) return null
    this.#stored.set(articleId, { views, readAt })
    return views
  }
}

const BOT = /bot|crawl|spider|slurp|curl|wget|python-requests|httpclient|headless|preview|monitor|scan/i

/** Obvious robots announce themselves; they are not readers. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent)
}
