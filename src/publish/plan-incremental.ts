import { sql } from 'kysely'
import type { ChangeRow, Store } from '../store/index.ts'
import { articleJobs, neighboursOf } from './article-pages.ts'
import type { MovedArticle } from './assign-urls.ts'
import { listLayout, listPageJobs, pageOfPosition } from './list-pages.ts'
import type { PageJob } from './page-job.ts'
import { type PublishedPage, pagesDependingOn } from './published-index.ts'
import { redirectJobs } from './redirect-pages.ts'
import { printPath, SITE_PATHS } from './routes.ts'
import { columnPageJobs, sitemapJobs, sitemapPartOf, sitePageJobs } from './site-pages.ts'
import { membersQuery, type SiteSnapshot } from './site-snapshot.ts'

export interface IncrementalPlan {
  /** Site or column changes reach every page (navigation, footer): publish the whole site. */
  readonly needsFullPublish: boolean
  readonly jobs: readonly PageJob[]
  /** Pages to take off the site. */
  readonly removals: readonly string[]
}

/**
 * Maps article changes to exactly the pages they affect: the article and its print view,
 * its neighbours' prev/next links, the newest page and the affected archive pages of every
 * list that shows it, the pages that showed it or queried those lists (recorded while they
 * rendered), the feeds and its sitemap part.
 */
export async function planIncremental(
  store: Store,
  snapshot: SiteSnapshot,
  published: ReadonlyMap<string, PublishedPage>,
  changes: readonly ChangeRow[],
  moved: readonly MovedArticle[],
): Promise<IncrementalPlan> {
  if (changes.some((change) => change.entity !== 'article'))
    return { needsFullPublish: true, jobs: [], removals: [] }
  const articleIds = [...new Set(changes.map((change) => change.entity_id))]
  const jobs = new Map<string, PageJob>()
  const add = (list: readonly PageJob[]) => {
    for (const job of list) jobs.set(job.path, job)
  }
  const removals = new Set<string>()
  const articlesToRender = new Set<number>()
  const listsFrom = new Map<number, number>() // column id -> first archive page to render
  const lowerList = (columnId: number, page: number) =>
    listsFrom.set(columnId, Math.min(listsFrom.get(columnId) ?? Number.POSITIVE_INFINITY, page))

  for (const id of articleIds) {
    const row = await store.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
    const isLive = row?.status === 'published' && row.deleted_at === null && row.url_path !== null
    const oldPage = [...published.values()].find((page) => page.kind === 'article' && page.refId === id)
    if (oldPage && (!isLive || oldPage.path !== row?.url_path)) {
      const move = moved.find((m) => m.id === id)
      if (move && isLive) add(redirectJobs(snapshot, move.from, move.to))
      else removals.add(oldPage.path).add(printPath(oldPage.path))
    }
    if (row && isLive) {
      articlesToRender.add(id)
      const { prev, next } = await neighboursOf(store, snapshot, row)
      if (prev) articlesToRender.add(prev.id)
      if (next) articlesToRender.add(next.id)
      const homes = [row.column_id, ...(await quotedColumns(store, id))]
      for (const [columnId, members] of snapshot.memberColumns) {
        if (!members.some((member) => homes.includes(member))) continue
        const column = snapshot.tree.get(columnId)
        if (column?.kind !== 'list') continue
        const position = await positionIn(store, snapshot, members, row.publish_at ?? '', id)
        lowerList(columnId, pageOfPosition(await listLayout(store, snapshot, column), position))
      }
    }
  }

  // Pages that showed or linked to a changed article, or queried a list it is in.
  const touchedColumns = [...listsFrom.keys()]
  const dependents = await pagesDependingOn(store, snapshot.site.id, [
    ...articleIds.map((id) => `article:${id}`),
    ...touchedColumns.map((id) => `newest:${id}`),
  ])
  let needsSitePages = false
  let needsHome = false
  for (const path of dependents) {
    const page = published.get(path)
    if (!page) continue
    if (page.kind === 'article' && page.refId !== null) articlesToRender.add(page.refId)
    else if (page.kind === 'list' && page.refId !== null) lowerList(page.refId, listPageNumber(path))
    else if (page.kind === 'feed') needsSitePages = true
    else if (page.kind === 'home') needsHome = needsSitePages = true
  }

  for (const id of articlesToRender) {
    const row = await store.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
    if (row?.status !== 'published' || row.deleted_at !== null || row.url_path === null) continue
    const { prev, next } = await neighboursOf(store, snapshot, row)
    add(articleJobs(snapshot, row, prev, next))
  }
  for (const [columnId, from] of listsFrom) {
    const column = snapshot.tree.get(columnId)
    if (!column) continue
    const layout = await listLayout(store, snapshot, column)
    add(await listPageJobs(store, snapshot, column, layout, Number.isFinite(from) ? from : layout.pages))
    add(columnPageJobs(snapshot, column))
    // Archive pages beyond the new last one held articles that are gone.
    for (const page of published.values()) {
      if (page.kind === 'list' && page.refId === columnId && listPageNumber(page.path) > layout.pages)
        removals.add(page.path)
    }
  }
  if (needsSitePages || touchedColumns.length > 0) {
    // The site feeds list the newest articles; the home page only when it queried a touched list.
    const wanted = new Set<string>([SITE_PATHS.rss, SITE_PATHS.atom, ...(needsHome ? [SITE_PATHS.home] : [])])
    add((await sitePageJobs(store, snapshot)).filter((job) => wanted.has(job.path)))
  }
  add(await sitemapJobs(store, snapshot, new Set(articleIds.map(sitemapPartOf))))
  for (const path of jobs.keys()) removals.delete(path)
  return { needsFullPublish: false, jobs: [...jobs.values()], removals: [...removals] }
}

async function quotedColumns(store: Store, articleId: number): Promise<number[]> {
  const rows = await store.db
    .selectFrom('article_columns')
    .select('column_id')
    .where('article_id', '=', articleId)
    .execute()
  return rows.map((row) => row.column_id)
}

/** How many of the list's articles come before this one (0 = it is the oldest). */
async function positionIn(
  store: Store,
  snapshot: SiteSnapshot,
  members: readonly number[],
  publishAt: string,
  id: number,
) {
  const row = await membersQuery(store, snapshot.site.id, members)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`(publish_at, id) < (${publishAt}, ${id})`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function listPageNumber(path: string): number {
  const match = /index_(\d+)\.html$/.exec(path)
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY
}
