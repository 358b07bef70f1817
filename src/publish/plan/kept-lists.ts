import type { ChangeRow, Store } from '../../store/index.ts'
import type { ArticleSummary } from '../render/render-context.ts'
import { recentPublishRuns } from '../write/publish-runs.ts'

/**
 * What a warm publisher (a server's, which keeps its render processes) knows of a site's lists
 * after its own last run there: each list column's newest articles, and how many archive
 * pages the lists it rendered have. A one-article publish on a site of 100,000 articles spent
 * a fifth of its time reading the newest articles of columns the article is not in (the home
 * page shows every section's), and reading every list page a changed column ever had to find
 * those past its end; both are the same as after the last run unless that run's successor
 * changed them, which its change log says.
 */
export interface RunLists {
  /** Newest articles of list columns the run's changes cannot have touched. */
  readonly newest: ReadonlyMap<number, readonly ArticleSummary[]>
  /**
   * The highest archive page each list column may have published, where known: a list whose
   * layout reaches that far has no page past its end to remove.
   */
  readonly archivePages: ReadonlyMap<number, number>
}

interface SiteLists {
  /** The run (publish_runs.id) these lists are true after. */
  readonly afterRun: number
  readonly newest: Map<number, readonly ArticleSummary[]>
  readonly archivePages: Map<number, number>
}

/**
 * Changes that leave every article summary and list length as they were. Anything else (a
 * column renamed, moved or removed, the site changed, the search index asked for) drops what
 * is kept: such changes are rare, and most of them publish the whole site anyway.
 */
const KEEPS_LISTS: ReadonlySet<string> = new Set(['article', 'template', 'letter', 'mailbox', 'consultation'])

/** Sites kept at most: a server of many sites keeps those it published last. */
const MAX_SITES = 16

export class KeptLists {
  readonly #sites = new Map<number, SiteLists>()

  /**
   * What is still true for a run of the site that consumes these changes. The lists are
   * dropped when another process published the site since (its changes are done and gone
   * from this run's log) or when a change is not an article's. An article's change drops the
   * lists that showed it and those it now belongs to (at home or quoted): a list that neither
   * showed it nor holds it now shows the same newest articles, since an article it lost was
   * not among them. Archive pages stay what they were whatever the changes: a list that
   * gains or loses an article is rendered by the run that publishes the change, which then
   * keeps its new length. Nothing is kept either when a run that never finished had claimed
   * some of the changes: it may have written and recorded pages (an archive page past a
   * list's end) that no finished run knows of.
   */
  async forRun(
    store: Store,
    siteId: number,
    run: {
      readonly changes: readonly ChangeRow[]
      readonly isReclaimed: boolean
      readonly memberColumns: ReadonlyMap<number, readonly number[]>
    },
  ): Promise<RunLists> {
    const { changes, memberColumns } = run
    const kept = this.#sites.get(siteId)
    const nothing: RunLists = { newest: new Map(), archivePages: new Map() }
    if (!kept) return nothing
    this.#sites.delete(siteId)
    if (run.isReclaimed || changes.some((change) => !KEEPS_LISTS.has(change.entity))) return nothing
    if ((await lastRunOf(store, siteId)) !== kept.afterRun) return nothing
    const changed = new Set(changes.filter((c) => c.entity === 'article').map((c) => c.entity_id))
    if (changed.size === 0) return kept
    const homes = await homeColumns(store, [...changed])
    const newest = new Map<number, readonly ArticleSummary[]>()
    for (const [columnId, articles] of kept.newest) {
      const members = memberColumns.get(columnId) ?? [columnId]
      if (members.some((member) => homes.has(member))) continue
      if (articles.some((article) => changed.has(article.id))) continue
      newest.set(columnId, articles)
    }
    return { newest, archivePages: kept.archivePages }
  }

  /**
   * After a recorded run of the site: its lists' newest articles as it read them, and the
   * archive pages of those it rendered, over what was kept for the others.
   */
  keep(
    siteId: number,
    runId: number,
    newest: Readonly<Record<number, readonly ArticleSummary[]>>,
    archivePages: ReadonlyMap<number, number>,
    before: RunLists,
  ): void {
    this.#sites.delete(siteId)
    this.#sites.set(siteId, {
      afterRun: runId,
      newest: new Map(Object.entries(newest).map(([id, articles]) => [Number(id), articles])),
      archivePages: new Map([...before.archivePages, ...archivePages]),
    })
    for (const oldest of this.#sites.keys()) {
      if (this.#sites.size <= MAX_SITES) break
      this.#sites.delete(oldest)
    }
  }
}

/** The site's last recorded run. */
async function lastRunOf(store: Store, siteId: number): Promise<number | null> {
  const [last] = await recentPublishRuns(store, siteId, 1)
  return last === undefined ? null : Number(last.id)
}

/** The columns the articles are in now: at home, or quoted into. */
async function homeColumns(store: Store, articleIds: readonly number[]): Promise<Set<number>> {
  const homes = new Set<number>()
  for (let i = 0; i < articleIds.length; i += 500) {
    const ids = articleIds.slice(i, i + 500)
    for (const row of await store.db
      .selectFrom('articles')
      .select('column_id')
      .where('id', 'in', ids)
      .execute())
      homes.add(row.column_id)
    for (const row of await store.db
      .selectFrom('article_columns')
      .select('column_id')
      .where('article_id', 'in', ids)
      .execute())
      homes.add(row.column_id)
  }
  return homes
}
