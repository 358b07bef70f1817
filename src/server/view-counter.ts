import type { Store } from '../store/index.ts'
import { RecentHits, type RecentHitsOptions } from './recent-hits.ts'

/**
 * The 浏览次数 of static pages. Hits are counted in memory and written in batches, one
 * statement per article per flush instead of one per hit; a restart loses at most the hits
 * since the last flush. One address counts once an hour per article (see RecentHits), so
 * reloading or scripting a page does not inflate its count.
 */
export class ViewCounter {
  readonly #store: Store
  readonly #pending = new Map<number, number>()
  readonly #stored = new Map<number, number>()
  readonly #recent: RecentHits
  #timer: NodeJS.Timeout | undefined
  #flushing: Promise<void> = Promise.resolve()

  constructor(store: Store, options: { flushEveryMs?: number; perReader?: RecentHitsOptions } = {}) {
    this.#store = store
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
      const days = await this.#todayByArticle(batch.map(([articleId]) => articleId))
      await this.#store.transaction(async (tx) => {
        for (const [articleId, count] of batch) {
          const day = days.get(articleId)
          if (day) {
            await tx
              .insertInto('article_views_daily')
              .values({ article_id: articleId, day, views: count })
              .onConflict((conflict) =>
                conflict
                  .columns(['article_id', 'day'])
                  .doUpdateSet((eb) => ({ views: eb('article_views_daily.views', '+', count) })),
              )
              .execute()
          }
          await tx
            .insertInto('article_views')
            .values({ article_id: articleId, views: count })
            .onConflict((conflict) =>
              conflict
                .column('article_id')
                .doUpdateSet((eb) => ({ views: eb('article_views.views', '+', count) })),
            )
            .execute()
        }
      })
      for (const [articleId, count] of batch)
        this.#stored.set(articleId, (this.#stored.get(articleId) ?? 0) + count)
    } catch (error) {
      // Keep the hits for the next flush rather than lose them.
      for (const [articleId, count] of batch)
        this.#pending.set(articleId, (this.#pending.get(articleId) ?? 0) + count)
      throw error
    }
  }

  /** Today in each article's site's time zone: a Shanghai site's day starts at its midnight. */
  async #todayByArticle(articleIds: readonly number[]): Promise<Map<number, string>> {
    const rows = await this.#store.db
      .selectFrom('articles')
      .innerJoin('sites', 'sites.id', 'articles.site_id')
      .select(['articles.id', 'sites.time_zone'])
      .where('articles.id', 'in', articleIds)
      .execute()
    const now = new Date()
    return new Map(
      rows.map((row) => [row.id, new Intl.DateTimeFormat('sv-SE', { timeZone: row.time_zone }).format(now)]),
    )
  }

  async #storedViews(articleId: number): Promise<number | null> {
    const known = this.#stored.get(articleId)
    if (known !== undefined) return known
    const article = await this.#store.db
      .selectFrom('articles')
      .leftJoin('article_views', 'article_views.article_id', 'articles.id')
      .select(['articles.status', 'articles.deleted_at', 'article_views.views'])
      .where('articles.id', '=', articleId)
      .executeTakeFirst()
    if (article?.status !== 'published' || article.deleted_at !== null) return null
    const views = Number(article.views ?? 0)
    this.#stored.set(articleId, views)
    return views
  }
}

const BOT = /bot|crawl|spider|slurp|curl|wget|python-requests|httpclient|headless|preview|monitor|scan/i

/** Obvious robots announce themselves; they are not readers. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent)
}
