import type { ColumnTree } from '../../content/index.ts'
import type { ChangeRow, Store } from '../../store/index.ts'
import { columnKey } from '../render/column-reads.ts'
import type { Theme } from '../render/theme.ts'
import {
  newestShownBy,
  type PublishedLookup,
  type PublishedPage,
  pagesDependingOn,
  pagesUsingTemplate,
} from '../write/published-index.ts'
import { articleJobs, neighboursOf } from './article-pages.ts'
import type { MovedArticle } from './assign-urls.ts'
import { listLayout, listPageJobs, pageOfPosition } from './list-pages.ts'
import type { PageJob } from './page-job.ts'
import { INTERACTION_PAGE_KINDS, planInteractionPages } from './plan-interaction.ts'
import { liveArticles } from './publish-order.ts'
import { redirectJobs } from './redirect-pages.ts'
import { columnPageJobs, sitemapJobs, sitemapPartOf, sitePageJobs } from './site-pages.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import { listPagePath, printPath } from './url-scheme.ts'

export interface IncrementalPlan {
  /** Site or column changes reach every page (navigation, footer): publish the whole site. */
  readonly needsFullPublish: boolean
  readonly jobs: readonly PageJob[]
  /** Pages to take off the site. */
  readonly removals: readonly string[]
  /** The archive pages of the lists the plan renders, by column. */
  readonly archivePages: ReadonlyMap<number, number>
}

/**
 * Maps changes to exactly the pages they affect. For an article: its page and print view, its
 * neighbours' prev/next links, the newest page and the affected archive pages of every list
 * that shows it, the pages that showed it or queried those lists (as recorded when they were
 * rendered), the feeds and its sitemap part. For a template: the pages rendered with it.
 */
export async function planIncremental(
  store: Store,
  snapshot: SiteSnapshot,
  published: PublishedLookup,
  changes: readonly ChangeRow[],
  moved: readonly MovedArticle[],
  theme: Theme,
  keptArchivePages: ReadonlyMap<number, number> = new Map(),
): Promise<IncrementalPlan> {
  if (needsFullPublish(changes, snapshot.tree))
    return { needsFullPublish: true, jobs: [], removals: [], archivePages: new Map() }
  const plan = new PlanBuilder(store, snapshot, published, keptArchivePages)
  const articleIds = [...new Set(changes.filter((c) => c.entity === 'article').map((c) => c.entity_id))]
  for (const id of articleIds)
    await plan.articleChanged(
      id,
      moved.find((m) => m.id === id),
    )
  const renamed = changes.filter((c) => c.entity === 'column').map((c) => c.entity_id)
  const showingNames = renamed.length > 0 ? await plan.columnsRenamed(renamed) : []
  const templates = changes.filter((c) => c.entity === 'template').map((c) => c.action)
  const dependents = await pagesDependingOn(store, snapshot.site.id, [
    ...articleIds.map((id) => `article:${id}`),
    ...[...plan.touchedColumns].map((id) => `newest:${id}`),
    ...showingNames.map(columnKey),
  ])
  for (const template of templates)
    dependents.push(...(await pagesUsingTemplate(store, snapshot.site.id, template)))
  const rebuilt = await published.pages([...new Set(dependents)])
  // A list that showed an article it no longer holds (a quote taken back) is found through the
  // article's key alone; the pages that showed that list's newest articles (a home page block,
  // a 专题's page) are found through the list.
  const listsLeft = rebuilt
    .filter((page) => page.kind === 'list' && page.refId !== null && !plan.touchedColumns.has(page.refId))
    .map((page) => `newest:${page.refId}`)
  const known = new Set(dependents)
  const showingLists = (await pagesDependingOn(store, snapshot.site.id, [...new Set(listsLeft)])).filter(
    (path) => !known.has(path),
  )
  rebuilt.push(...(await published.pages(showingLists)))
  for (const page of rebuilt) if (!INTERACTION_PAGE_KINDS.has(page.kind)) plan.rebuildPage(page)
  if (articleIds.length > 0) plan.sitemapParts(articleIds.map(sitemapPartOf))
  const built = await plan.build()
  const interaction = await planInteractionPages(
    store,
    snapshot,
    published,
    changes,
    rebuilt.filter((page) => INTERACTION_PAGE_KINDS.has(page.kind)),
    theme,
  )
  return {
    needsFullPublish: false,
    jobs: [...built.jobs, ...interaction.jobs],
    removals: [...built.removals, ...interaction.removals],
    archivePages: plan.archivePages,
  }
}

/**
 * Whether the changes reach every page: the site's settings (header, footer), or a column
 * change other than the rename of a column below the top level. A top-level column's name
 * is in every page's main navigation; a column moved, added, removed or given a new slug
 * changes URLs and lists. The one place this rule lives (the publisher asks it too).
 */
export function needsFullPublish(changes: readonly ChangeRow[], tree: ColumnTree): boolean {
  return changes.some((change) => {
    if (change.entity === 'site') return true
    if (change.entity !== 'column') return false
    const column = tree.get(change.entity_id)
    return !SHOWN_LIKE_A_NAME.has(change.action) || column === undefined || column.parentId === null
  })
}

/**
 * Column changes that show where the column's name shows: a rename, and a 专题's new banner or
 * template set (`topic`), which its own pages, its sub-columns' pages, its parent's list of
 * topics and the site's pages (the home page's topics) show.
 */
const SHOWN_LIKE_A_NAME: ReadonlySet<string> = new Set(['rename', 'topic'])

/** Collects what to render, then builds the jobs once, so a page named twice renders once. */
class PlanBuilder {
  readonly touchedColumns = new Set<number>()
  readonly archivePages = new Map<number, number>()
  readonly #store: Store
  readonly #snapshot: SiteSnapshot
  readonly #published: PublishedLookup
  readonly #articles = new Set<number>()
  /**
   * Articles whose page only is rendered again: their prev/next links change, or the page
   * showed something that did (the print view shows no neighbours, and records what it shows).
   */
  readonly #neighbours = new Set<number>()
  readonly #listsFrom = new Map<number, number>()
  readonly #columnPages = new Set<number>()
  readonly #sitePages = new Set<string>()
  readonly #sitemapParts = new Set<number>()
  readonly #extra: PageJob[] = []
  readonly #removals = new Set<string>()
  readonly #keptArchivePages: ReadonlyMap<number, number>
  #hasAllSitePages = false

  constructor(
    store: Store,
    snapshot: SiteSnapshot,
    published: PublishedLookup,
    keptArchivePages: ReadonlyMap<number, number>,
  ) {
    this.#store = store
    this.#snapshot = snapshot
    this.#published = published
    this.#keptArchivePages = keptArchivePages
  }

  async articleChanged(id: number, move: MovedArticle | undefined): Promise<void> {
    const row = await this.#store.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    const isLive = row?.status === 'published' && row.deleted_at === null && row.url_path !== null
    const oldPage = await this.#published.articlePage(id)
    if (oldPage && (!isLive || oldPage.path !== row?.url_path)) {
      if (move && isLive) this.#extra.push(...redirectJobs(this.#snapshot, move.from, move.to))
      else this.#removals.add(oldPage.path).add(printPath(oldPage.path))
    }
    if (!row) return
    if (isLive) {
      this.#articles.add(id)
      const { prev, next } = await neighboursOf(this.#store, this.#snapshot, row)
      if (prev) this.#neighbours.add(prev.id)
      if (next) this.#neighbours.add(next.id)
    }
    // Live or gone, the lists it is (or was) in change from its place onwards.
    const homes = [row.column_id, ...(await quotedColumns(this.#store, id))]
    for (const [columnId, members] of this.#snapshot.memberColumns) {
      const column = this.#snapshot.tree.get(columnId)
      if (column?.kind !== 'list' || !members.some((member) => homes.includes(member))) continue
      const position = await this.#snapshot.lists.countBefore(columnId, row.publish_at ?? '', id)
      this.#listFrom(columnId, pageOfPosition(await listLayout(this.#snapshot, column), position))
    }
    this.#sitePages.add('rss.xml').add('atom.xml')
  }

  /**
   * Columns renamed: every page that shows their names is rendered again. A column's name is
   * on its own pages, in the breadcrumb of its descendants' pages and articles, in its
   * siblings' side navigation and its parent's list of children, on the site map and the
   * site's own pages; other pages that showed it recorded `column:<id>`. Returns the columns
   * whose pages show the names, for those keys.
   */
  async columnsRenamed(columnIds: readonly number[]): Promise<number[]> {
    const { tree } = this.#snapshot
    const showing = new Set<number>()
    for (const id of columnIds) {
      const column = tree.get(id)
      if (!column) continue
      for (const each of [id, ...tree.descendantIds(id)]) showing.add(each)
      const parent = column.parentId === null ? undefined : tree.get(column.parentId)
      if (parent)
        for (const each of [parent.id, ...parent.children.map((child) => child.id)]) showing.add(each)
    }
    const ids = [...showing]
    for (const id of ids) {
      if (tree.get(id)?.kind === 'list') this.#listFrom(id, 1)
      this.#columnPages.add(id)
    }
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await liveArticles(this.#store)
        .select('id')
        .where('column_id', 'in', ids.slice(i, i + 500))
        .execute()
      for (const row of rows) this.#articles.add(row.id)
    }
    this.#hasAllSitePages = true
    return ids
  }

  /** A published page that must be rendered again, whatever kind it is. */
  rebuildPage(page: PublishedPage): void {
    const { path } = page
    // A page that showed what changed is rendered again, not its print view unless that
    // showed it too (the print view of a neighbour shows no 上一篇/下一篇).
    if (page.kind === 'article' && page.refId !== null) this.#neighbours.add(page.refId)
    else if (page.kind === 'print' && page.refId !== null) this.#articles.add(page.refId)
    else if (page.kind === 'list' && page.refId !== null) this.#listFrom(page.refId, listPageNumber(path))
    else if (page.kind === 'page' && page.refId !== null) this.#columnPages.add(page.refId)
    else if (page.kind === 'feed' && page.refId !== null) this.#columnPages.add(page.refId)
    else this.#sitePages.add(path)
  }

  sitemapParts(parts: readonly number[]): void {
    for (const part of parts) this.#sitemapParts.add(part)
  }

  async build(): Promise<{ jobs: PageJob[]; removals: string[] }> {
    const jobs = new Map<string, PageJob>()
    const add = (list: readonly PageJob[]) => {
      for (const job of list) jobs.set(job.path, job)
    }
    add(this.#extra)
    // The lists and feeds built here show their columns' newest articles.
    await this.#snapshot.loadNewest([...this.#listsFrom.keys(), ...this.#columnPages])
    for (const id of new Set([...this.#articles, ...this.#neighbours])) {
      const row = await this.#store.db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      if (row?.status !== 'published' || row.deleted_at !== null || row.url_path === null) continue
      const { prev, next } = await neighboursOf(this.#store, this.#snapshot, row)
      const pages = articleJobs(this.#snapshot, row, prev, next)
      add(this.#articles.has(id) ? pages : pages.filter((job) => job.kind === 'article'))
    }
    for (const [columnId, from] of this.#listsFrom) {
      const column = this.#snapshot.tree.get(columnId)
      if (column?.kind !== 'list') continue
      const layout = await listLayout(this.#snapshot, column)
      // Its archive pages as published: as this publisher's last run left them where it knows
      // (a column's every list page is a row to read), else as recorded.
      const known = this.#keptArchivePages.get(columnId)
      const recorded =
        known === undefined
          ? (await this.#published.listPages(columnId))
              .map((page) => page.path)
              .filter((path) => Number.isFinite(listPageNumber(path)))
          : []
      const before = known ?? Math.max(0, ...recorded.map(listPageNumber))
      // The last archive page's 上一页 leads to the newest page, any other's to the page after
      // it: a list that gains or loses archive pages changes its last page before and after.
      let first = Number.isFinite(from) ? from : layout.pages + 1
      if (before > 0 && before !== layout.pages) first = Math.min(first, before, layout.pages)
      add(await listPageJobs(this.#snapshot, column, layout, first))
      this.#columnPages.add(columnId)
      this.archivePages.set(columnId, layout.pages)
      // Archive pages beyond the new last one held articles that are gone.
      for (const path of recorded) if (listPageNumber(path) > layout.pages) this.#removals.add(path)
      for (let page = layout.pages + 1; page <= (known ?? 0); page++)
        this.#removals.add(listPagePath(column.path, page))
    }
    for (const columnId of this.#columnPages) {
      const column = this.#snapshot.tree.get(columnId)
      if (column) add(columnPageJobs(this.#snapshot, column))
    }
    if (this.#hasAllSitePages) add(await sitePageJobs(this.#store, this.#snapshot))
    else if (this.#sitePages.size > 0) {
      add((await sitePageJobs(this.#store, this.#snapshot)).filter((job) => this.#sitePages.has(job.path)))
    }
    if (this.#sitemapParts.size > 0) add(await sitemapJobs(this.#store, this.#snapshot, this.#sitemapParts))
    // The newest articles the pages showed when last rendered, read now: a page that finds
    // them missing goes back to this thread to ask, and renders a second time.
    await this.#snapshot.loadNewest(
      await newestShownBy(this.#store, this.#snapshot.site.id, [...jobs.keys()]),
    )
    for (const path of jobs.keys()) this.#removals.delete(path)
    return { jobs: [...jobs.values()], removals: [...this.#removals] }
  }

  #listFrom(columnId: number, page: number): void {
    this.touchedColumns.add(columnId)
    this.#listsFrom.set(columnId, Math.min(this.#listsFrom.get(columnId) ?? Number.POSITIVE_INFINITY, page))
  }
}

async function quotedColumns(store: Store, articleId: number): Promise<number[]> {
  const rows = await store.db
    .selectFrom('article_columns')
    .select('column_id')
    .where('article_id', '=', articleId)
    .execute()
  return rows.map((row) => row.column_id)
}

/** The archive page number of a list path; the newest page (index.html) counts as after the last. */
function listPageNumber(path: string): number {
  const match = /index_(\d+)\.html$/.exec(path)
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY
}
