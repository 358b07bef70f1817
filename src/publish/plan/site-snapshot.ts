import { type ColumnNode, type ColumnTree, type Content, inColumns, type Site } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import {
  type ArticleSummary,
  type ColumnView,
  type FieldQuery,
  type NavItem,
  NEWEST_LIMIT,
  type SiteRenderContext,
  type SiteView,
  type TopicView,
} from '../render/render-context.ts'
import { type ListSource, memoryListSource, queryListSource } from './list-source.ts'
import { liveArticles } from './publish-order.ts'
import { columnIndexPath, consultationPath } from './url-scheme.ts'

export interface SiteSnapshot {
  readonly site: Site
  readonly tree: ColumnTree
  readonly context: SiteRenderContext
  /** For each column, the columns whose articles its list shows (itself, descendants where it includes them). */
  readonly memberColumns: ReadonlyMap<number, readonly number[]>
  readonly lists: ListSource
  /** Articles that are a consultation's 结果反馈, to the consultation page they link back to. */
  readonly feedbackFor: ReadonlyMap<number, { readonly title: string; readonly url: string }>
  /**
   * Reads the newest articles of these list columns into the run's data (`context.newest`),
   * where not read yet: the planner, for the lists and feeds it builds on this thread.
   */
  loadNewest(columnIds: Iterable<number>): Promise<void>
  /** Takes newest articles known to be current (a warm publisher's, see KeptLists) instead of reading them. */
  reuseNewest(lists: ReadonlyMap<number, readonly ArticleSummary[]>): void
  /**
   * Answers what a page asked: a column's newest articles (a query without a field: the
   * `newest` filter of an incremental run), or those whose custom field has a value.
   */
  answer(query: FieldQuery): Promise<readonly ArticleSummary[]>
}

/** Reads what every page of the site may show, once per publish run. */
export async function takeSiteSnapshot(
  store: Store,
  content: Content,
  siteRef: number | string,
  options: { readonly isFullPublish?: boolean } = {},
): Promise<SiteSnapshot> {
  const site = await content.sites.get(siteRef)
  const tree = await content.columns.tree(site.id)
  const basePath = basePathOf(site.baseUrl)
  const memberColumns = new Map<number, readonly number[]>()
  for (const column of tree.all()) {
    memberColumns.set(
      column.id,
      column.includesDescendants ? [column.id, ...tree.descendantIds(column.id)] : [column.id],
    )
  }
  const navOf = (node: ColumnNode, depth: number): NavItem => ({
    id: node.id,
    name: node.name,
    url: columnUrl(node, basePath),
    kind: node.kind,
    children: depth > 0 ? node.children.map((child) => navOf(child, depth - 1)) : [],
  })
  const topicViews = new Map<number, TopicView>()
  for (const node of tree.all()) {
    if (node.kind !== 'topic') continue
    const banner = node.topic?.banner ?? null
    topicViews.set(node.id, {
      id: node.id,
      name: node.name,
      url: columnUrl(node, basePath),
      parentId: node.parentId,
      // Uploads live in the site's own `uploads/` folder (upload-routes.ts).
      banner: banner === null ? null : `${basePath}${banner.replace(/^\/+/, '')}`,
      children: node.children.map((child) => navOf(child, 0)),
    })
  }
  const siteView: SiteView = {
    id: site.id,
    name: site.name,
    language: site.language,
    timeZone: site.timeZone,
    baseUrl: site.baseUrl.replace(/\/?$/, '/'),
    basePath,
    domain: new URL(site.baseUrl).host,
    siteIdCode: site.siteIdCode,
    icp: site.icp,
    policeRecord: site.policeRecord,
    sponsor: site.sponsor,
    contact: site.contact,
    hitsUrl: `${basePath}_fabu/hits`,
    nav: tree.roots.map((node) => navOf(node, 0)),
    tree: tree.roots.map((node) => navOf(node, 2)),
    topics: [...topicViews.values()],
  }
  const columns: Record<number, ColumnView> = {}
  for (const node of tree.all()) {
    const parent = node.parentId === null ? null : tree.get(node.parentId)
    const siblings = parent ? parent.children : []
    let top: ColumnNode = node
    while (top.parentId !== null) top = tree.get(top.parentId) ?? top
    columns[node.id] = {
      id: node.id,
      name: node.name,
      path: node.path,
      url: columnUrl(node, basePath),
      kind: node.kind,
      topId: top.id,
      parentId: node.parentId,
      breadcrumb: ancestry(tree, node).map((c) => ({ name: c.name, url: columnUrl(c, basePath) })),
      children: node.children.map((child) => navOf(child, 0)),
      siblings: (parent ? siblings : node.children.length > 0 ? [node, ...node.children] : []).map((c) =>
        navOf(c, 0),
      ),
      sectionName: parent ? parent.name : node.name,
      // As stored: the render processes publish it (published-bodies.ts), off this thread.
      body: node.pageBodyHtml,
      topic: topicViews.get(tree.topicOf(node.id)?.id ?? 0) ?? null,
    }
  }
  const lists = options.isFullPublish
    ? await memoryListSource(store, site.id, memberColumns, basePath)
    : queryListSource(store, site.id, memberColumns, basePath)
  // A full run holds every list's newest articles from the start: its pages show most of them,
  // and its in-memory lists answer at once. An incremental run renders a few pages, which ask
  // for the few they show (the newest filter), instead of some forty queries every run.
  const newest: Record<number, readonly ArticleSummary[]> = {}
  const loadNewest = async (columnIds: Iterable<number>) => {
    for (const id of columnIds) {
      // Only a list column has newest articles to show (a page, a link or a 专题 none).
      if (newest[id] === undefined)
        newest[id] = tree.get(id)?.kind === 'list' ? await lists.newest(id, NEWEST_LIMIT) : []
    }
  }
  if (options.isFullPublish) await loadNewest(tree.all().map((column) => column.id))
  const feedbackFor = new Map<number, { readonly title: string; readonly url: string }>()
  for (const row of await store.db
    .selectFrom('consultations')
    .select(['id', 'title', 'feedback_article_id'])
    .where('site_id', '=', site.id)
    .where('feedback_article_id', 'is not', null)
    .execute())
    if (row.feedback_article_id !== null)
      feedbackFor.set(row.feedback_article_id, {
        title: row.title,
        url: `${basePath}${consultationPath(row.id)}`,
      })
  return {
    site,
    tree,
    memberColumns,
    lists,
    feedbackFor,
    context: { site: siteView, columns, newest, queried: {} },
    loadNewest,
    reuseNewest(lists) {
      for (const [id, articles] of lists) newest[id] ??= articles
    },
    async answer(query) {
      if (query.field !== '') return lists.newestWhere(query)
      await loadNewest([query.columnId])
      return newest[query.columnId] ?? []
    },
  }
}

/** A column's newest articles as the planner reads them: loaded first (loadNewest), or a bug. */
export function loadedNewest(snapshot: SiteSnapshot, columnId: number): readonly ArticleSummary[] {
  const newest = snapshot.context.newest[columnId]
  if (newest === undefined) throw new Error(`the newest articles of column ${columnId} were not loaded`)
  return newest
}

/** Published, live articles at home in the columns or quoted into them. */
export function membersQuery(store: Store, siteId: number, columnIds: readonly number[]) {
  return liveArticles(store).where('site_id', '=', siteId).where(inColumns(columnIds))
}

export function toSummary(
  row: { id: number; title: string; url_path: string | null; publish_at: string | null; weight: number },
  basePath: string,
): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    url: `${basePath}${row.url_path ?? ''}`,
    publishAt: row.publish_at ?? '',
    isPinned: row.weight > 0,
  }
}

function ancestry(tree: ColumnTree, node: ColumnNode): ColumnNode[] {
  const trail: ColumnNode[] = []
  for (
    let at: ColumnNode | undefined = node;
    at;
    at = at.parentId === null ? undefined : tree.get(at.parentId)
  ) {
    trail.unshift(at)
  }
  return trail
}

function columnUrl(node: { kind: string; linkUrl: string | null; path: string }, basePath: string): string {
  if (node.kind === 'link' && node.linkUrl) return node.linkUrl
  return `${basePath}${columnIndexPath(node.path)}`
}

function basePathOf(baseUrl: string): string {
  const path = new URL(baseUrl).pathname
  return path.endsWith('/') ? path : `${path}/`
}
