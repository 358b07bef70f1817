import type { Actor, Column, Content, Site } from '../content/index.ts'
import {
  type DemoColumn,
  demoArticles,
  demoColumns,
  demoPendingArticles,
  demoSite,
  seedArticle,
} from './demo-content.ts'
import { movedForward } from './recent-dates.ts'

export interface DemoSummary {
  readonly site: Site
  readonly columns: { readonly created: number; readonly total: number }
  readonly articles: {
    /** Published articles created now, and all the site's articles (those waiting for review too). */
    readonly created: number
    readonly total: number
    /** Articles created now and left waiting for review (demoPendingArticles). */
    readonly pendingCreated: number
  }
  readonly deepestPath: string
}

export interface DemoOptions {
  /**
   * The day (`YYYY-MM-DD`) the newest article is moved to, its recent news with it (see
   * movedForward); `fabu demo` gives yesterday. Unset: the dates as written (the tests pin them).
   */
  readonly newestOn?: string
}

/**
 * Creates the demo site, the one the seed page came from, and publishes its articles.
 * Whatever exists already is left alone, so running it again duplicates nothing and
 * finishes a run that was interrupted.
 */
export async function createDemoSite(
  content: Content,
  actor: Actor,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const site = await content.sites.get(demoSite.slug).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== 'NOT_FOUND') throw error
    return content.sites.create(actor, { ...demoSite })
  })

  let columnsCreated = 0
  const byPath = new Map<string, Column>()
  const ensureColumns = async (columns: readonly DemoColumn[], parent: Column | null) => {
    for (const demo of columns) {
      const path = parent ? `${parent.path}/${demo.slug}` : demo.slug
      let column = await content.columns.byPath(site.id, path).catch(() => null)
      if (!column) {
        column = await content.columns.create(actor, {
          siteId: site.id,
          parentId: parent?.id ?? null,
          name: demo.name,
          slug: demo.slug,
          kind: demo.kind ?? 'list',
          updateType: demo.updateType ?? 'other',
          pageSize: demo.pageSize ?? 20,
          includesDescendants: demo.includesDescendants ?? false,
          isDisclosure: demo.isDisclosure ?? false,
          linkUrl: demo.linkUrl ?? null,
          pageBodyHtml: demo.pageBodyHtml ?? '',
          reviewLevels: demo.reviewLevels ?? 0,
        })
        columnsCreated++
      }
      byPath.set(path, column)
      await ensureColumns(demo.children ?? [], column)
    }
  }
  await ensureColumns(demoColumns, null)

  let articlesCreated = 0
  const articles = [seedArticle, ...demoArticles]
  const publishAts = options.newestOn
    ? movedForward(
        articles.map((demo) => demo.publishAt),
        options.newestOn,
      )
    : articles.map((demo) => demo.publishAt)
  for (const [index, demo] of articles.entries()) {
    if (await exists(content, site, columnAt(byPath, demo.columnPath), demo.title)) continue
    const article = await content.articles.create(actor, {
      columnId: columnAt(byPath, demo.columnPath).id,
      alsoInColumnIds: (demo.alsoIn ?? []).map((path) => columnAt(byPath, path).id),
      title: demo.title,
      subtitle: demo.subtitle ?? '',
      source: demo.source ?? '',
      author: demo.author ?? '',
      summary: demo.summary ?? '',
      keywords: [...(demo.keywords ?? [])],
      publishAt: publishAts[index] ?? demo.publishAt,
      bodyHtml: demo.bodyHtml,
      weight: demo.weight ?? 0,
      disclosure: demo.disclosure
        ? { ...demo.disclosure, subjectWords: [...(demo.disclosure.subjectWords ?? [])] }
        : null,
    })
    await content.articles.publish(actor, article.id)
    articlesCreated++
  }
  let pendingCreated = 0
  for (const demo of demoPendingArticles) {
    if (await exists(content, site, columnAt(byPath, demo.columnPath), demo.title)) continue
    const article = await content.articles.create(actor, {
      columnId: columnAt(byPath, demo.columnPath).id,
      title: demo.title,
      source: demo.source ?? '',
      publishAt: demo.publishAt,
      bodyHtml: demo.bodyHtml,
    })
    await content.articles.submit(actor, article.id)
    pendingCreated++
  }

  const live = await content.articles.list({ site: site.id, limit: 1 })
  const allColumns = (await content.columns.tree(site.id)).all()
  const deepest = allColumns.reduce((a, b) => (b.depth > a.depth ? b : a))
  return {
    site,
    columns: { created: columnsCreated, total: allColumns.length },
    articles: { created: articlesCreated, total: live.total, pendingCreated },
    deepestPath: deepest.trail.join(' > '),
  }
}

function columnAt(byPath: ReadonlyMap<string, Column>, path: string): Column {
  const column = byPath.get(path)
  if (!column) throw new Error(`demo content names a column that is not in the demo tree: ${path}`)
  return column
}

/** Live or in the recycle bin: an article an editor deleted is not brought back either. */
async function exists(content: Content, site: Site, column: Column, title: string): Promise<boolean> {
  for (const isDeleted of [false, true]) {
    const found = await content.articles.list({
      site: site.id,
      columnId: column.id,
      text: title,
      isDeleted,
      limit: 500,
    })
    if (found.items.some((article) => article.title === title)) return true
  }
  return false
}
