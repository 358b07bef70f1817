import type { ColumnNode } from '../../content/index.ts'
import { formatZonedMinute } from '../../content/index.ts'
import type { ArticleSummary } from '../render/render-context.ts'
import { NEWEST_LIMIT } from '../render/render-context.ts'
import type { PageJob } from './page-job.ts'
import { topicTemplateSet } from './site-pages.ts'
import { loadedNewest, type SiteSnapshot, toSummary } from './site-snapshot.ts'
import { columnIndexPath, listPagePath } from './url-scheme.ts'

/**
 * A column's list pages. The newest page is `index.html` (pinned articles first); the
 * archive pages `index_N.html` are numbered from the oldest articles, so a new article
 * changes the newest page and the last archive page or two, never the other hundreds.
 */
export interface ListLayout {
  readonly total: number
  readonly pageSize: number
  /** Archive pages: 1 holds the oldest articles. */
  readonly pages: number
}

export async function listLayout(snapshot: SiteSnapshot, column: ColumnNode): Promise<ListLayout> {
  const total = await snapshot.lists.count(column.id)
  return { total, pageSize: column.pageSize, pages: Math.max(1, Math.ceil(total / column.pageSize)) }
}

/** The archive page that holds the article at `position` (0 = the oldest). */
export function pageOfPosition(layout: ListLayout, position: number): number {
  return Math.min(layout.pages, Math.floor(position / layout.pageSize) + 1)
}

/** Jobs for the newest page and for archive pages `from`…last of a list column. */
export async function listPageJobs(
  snapshot: SiteSnapshot,
  column: ColumnNode,
  layout: ListLayout,
  from: number,
): Promise<PageJob[]> {
  const { basePath } = snapshot.context.site
  const newest =
    layout.pageSize <= NEWEST_LIMIT
      ? loadedNewest(snapshot, column.id).slice(0, layout.pageSize)
      : await snapshot.lists.newest(column.id, layout.pageSize)
  const first = Math.max(1, from)
  const rows = await snapshot.lists.range(
    column.id,
    (first - 1) * layout.pageSize,
    (layout.pages - first + 1) * layout.pageSize,
  )
  const headUrl = `${basePath}${columnIndexPath(column.path)}`
  const pageUrl = (page: number) => `${basePath}${listPagePath(column.path, page)}`
  const zone = snapshot.site.timeZone
  const jobs: PageJob[] = [
    listJob(snapshot, column, columnIndexPath(column.path), newest, {
      label: '最新',
      newestUrl: null,
      newerUrl: null,
      olderUrl: layout.total > layout.pageSize ? pageUrl(layout.pages - 1) : null,
      oldestUrl: layout.total > layout.pageSize ? pageUrl(1) : null,
    }),
  ]
  for (let page = first; page <= layout.pages; page++) {
    const start = (page - first) * layout.pageSize
    const items = rows
      .slice(start, start + layout.pageSize)
      .map((row) => toSummary(row, basePath))
      .reverse()
    const oldest = items.at(-1)?.publishAt
    const latest = items[0]?.publishAt
    jobs.push(
      listJob(snapshot, column, listPagePath(column.path, page), items, {
        // Dates, not page counts: a count would change on every page whenever one is added.
        label: oldest && latest ? `${day(oldest, zone)} 至 ${day(latest, zone)}` : '无',
        newestUrl: headUrl,
        newerUrl: page < layout.pages ? pageUrl(page + 1) : headUrl,
        olderUrl: page > 1 ? pageUrl(page - 1) : null,
        oldestUrl: page > 1 ? pageUrl(1) : null,
      }),
    )
  }
  return jobs
}

function listJob(
  snapshot: SiteSnapshot,
  column: ColumnNode,
  path: string,
  articles: readonly ArticleSummary[],
  pager: Record<string, string | null>,
): PageJob {
  const view = snapshot.context.columns[column.id]
  const { baseUrl } = snapshot.context.site
  const topicSet = topicTemplateSet(snapshot, column)
  return {
    path,
    kind: 'list',
    refId: column.id,
    // A topic's sub-columns list with the topic's template set unless they name their own.
    template: column.listTemplate ?? (topicSet === null ? 'list.liquid' : `${topicSet}-list.liquid`),
    data: {
      column: view,
      page: {
        kind: 'list',
        title: column.name,
        description: `${snapshot.site.name} ${column.trail.join(' ')}`,
        canonicalUrl: `${baseUrl}${path}`,
      },
      list: { articles, pager },
    },
    deps: articles.map((article) => `article:${article.id}`),
  }
}

function day(iso: string, zone: string): string {
  return formatZonedMinute(iso, zone).slice(0, 10)
}
