import { sql } from 'kysely'
import { articleStatuses, type ColumnNode } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import type { ArticleSummary } from '../render/render-context.ts'
import type { Theme } from '../render/theme.ts'
import type { PageJob } from './page-job.ts'
import { liveArticles } from './publish-order.ts'
import { loadedNewest, type SiteSnapshot, toSummary } from './site-snapshot.ts'
import {
  columnAtomPath,
  columnFeedPath,
  columnIndexPath,
  SITE_PATHS,
  SITEMAP_LIMIT,
  sitemapPartPath,
} from './url-scheme.ts'

const FEED_SIZE = 20

/** The pages every site has once: home, search, 404, the site map page, robots.txt, feeds. */
export async function sitePageJobs(store: Store, snapshot: SiteSnapshot): Promise<PageJob[]> {
  const { site } = snapshot.context
  const page = (kind: string, title: string, path: string) => ({
    kind,
    title,
    description: `${site.name} ${title}`,
    canonicalUrl: `${site.baseUrl}${path}`,
  })
  const newest = await siteNewest(store, site.id, FEED_SIZE, site.basePath)
  return [
    {
      path: SITE_PATHS.home,
      kind: 'home',
      refId: null,
      template: 'home.liquid',
      data: { page: page('home', site.name, '') },
      deps: [],
    },
    {
      path: SITE_PATHS.search,
      kind: 'search',
      refId: null,
      template: 'search.liquid',
      data: { page: page('search', '站内搜索', SITE_PATHS.search) },
      deps: [],
    },
    {
      path: SITE_PATHS.notFound,
      kind: 'notfound',
      refId: null,
      template: '404.liquid',
      data: { page: page('notfound', '页面不存在', SITE_PATHS.notFound) },
      deps: [],
    },
    {
      path: SITE_PATHS.siteMapPage,
      kind: 'sitemap',
      refId: null,
      template: 'sitemap.liquid',
      data: { page: page('sitemap', '网站地图', SITE_PATHS.siteMapPage) },
      deps: [],
    },
    {
      path: SITE_PATHS.robots,
      kind: 'robots',
      refId: null,
      template: null,
      data: `User-agent: *\nAllow: /\nSitemap: ${site.baseUrl}${SITE_PATHS.sitemapIndex}\n`,
      deps: [],
    },
    feedJob(SITE_PATHS.rss, 'rss', site.name, site.baseUrl, newest, snapshot),
    feedJob(SITE_PATHS.atom, 'atom', site.name, site.baseUrl, newest, snapshot),
  ].map((job) => ({ ...job, kind: job.kind as PageJob['kind'] }))
}

/** A single-page column's page, or a list column's feed. */
export function columnPageJobs(snapshot: SiteSnapshot, column: ColumnNode): PageJob[] {
  const { site } = snapshot.context
  const view = snapshot.context.columns[column.id]
  if (column.kind === 'page') {
    const path = columnIndexPath(column.path)
    return [
      {
        path,
        kind: 'page',
        refId: column.id,
        template: column.listTemplate ?? 'page.liquid',
        data: {
          column: view,
          page: {
            kind: 'page',
            title: column.name,
            description: `${site.name} ${column.name}`,
            canonicalUrl: `${site.baseUrl}${path}`,
          },
        },
        deps: [],
      },
    ]
  }
  if (column.kind === 'topic') {
    const path = columnIndexPath(column.path)
    return [
      {
        path,
        // A topic's own page is rebuilt as a single page is: with its column, by its reads.
        kind: 'page',
        refId: column.id,
        template: column.listTemplate ?? `${topicTemplateSet(snapshot, column)}-index.liquid`,
        data: {
          column: view,
          page: {
            kind: 'topic',
            title: column.name,
            description: `${site.name} ${column.name}`,
            canonicalUrl: `${site.baseUrl}${path}`,
          },
        },
        deps: [],
      },
    ]
  }
  if (column.kind === 'list') {
    const items = loadedNewest(snapshot, column.id).slice(0, FEED_SIZE)
    const title = `${site.name} - ${column.name}`
    const link = `${site.baseUrl}${columnIndexPath(column.path)}`
    // refId ties a column's feeds to the column, so the planner can rebuild them by kind.
    return [
      { ...feedJob(columnFeedPath(column.path), 'rss', title, link, items, snapshot), refId: column.id },
      { ...feedJob(columnAtomPath(column.path), 'atom', title, link, items, snapshot), refId: column.id },
    ]
  }
  return []
}

/** The template set of the 专题 the column is or lies in; null outside topics. */
export function topicTemplateSet(snapshot: SiteSnapshot, column: ColumnNode): string | null {
  const topic = snapshot.tree.topicOf(column.id)
  return topic ? (topic.topic?.templateSet ?? 'topic') : null
}

/** The theme's static files, copied as they are. */
export function assetJobs(theme: Theme): PageJob[] {
  return Object.entries(theme.assets).map(([path, bytes]) => ({
    path,
    kind: 'asset' as const,
    refId: null,
    template: null,
    data: bytes,
    deps: [],
  }))
}

/**
 * sitemap.xml is an index; part 0 lists the home page and the columns, part k the articles
 * with ids in the k-th block of SITEMAP_LIMIT (5,000), so a new article rewrites one part only.
 */
export async function sitemapJobs(
  store: Store,
  snapshot: SiteSnapshot,
  parts: 'all' | ReadonlySet<number>,
): Promise<PageJob[]> {
  const { site } = snapshot.context
  const partCount = Math.ceil((await newestArticleId(store, site.id)) / SITEMAP_LIMIT)
  const jobs: PageJob[] = []
  const index = Array.from(
    { length: partCount + 1 },
    (_, part) => `<sitemap><loc>${xml(`${site.baseUrl}${sitemapPartPath(part)}`)}</loc></sitemap>`,
  )
  jobs.push(
    rawJob(
      SITE_PATHS.sitemapIndex,
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n`,
    ),
  )
  if (parts === 'all' || parts.has(0)) {
    const urls = [
      site.baseUrl,
      ...snapshot.tree
        .all()
        .filter((c) => c.kind !== 'link')
        .map((c) => `${site.baseUrl}${columnIndexPath(c.path)}`),
    ]
    jobs.push(rawJob(sitemapPartPath(0), urlSet(urls.map((loc) => ({ loc })))))
  }
  for (let part = 1; part <= partCount; part++) {
    if (parts !== 'all' && !parts.has(part)) continue
    const rows = await sitemapRows(store, site.id, (part - 1) * SITEMAP_LIMIT, part * SITEMAP_LIMIT)
    jobs.push(
      rawJob(
        sitemapPartPath(part),
        urlSet(
          rows.map((row) => ({
            loc: `${site.baseUrl}${row.url_path}`,
            lastmod: row.publish_at?.slice(0, 10),
          })),
        ),
      ),
    )
  }
  return jobs
}

/**
 * The highest id of the site's articles, whatever their status (0 for none): the highest of
 * each status, each one step down the (site, status) index. The site's highest alone read every
 * entry of the site in that index: 4.4 ms of each one-article publish at 100,000 articles.
 */
async function newestArticleId(store: Store, siteId: number): Promise<number> {
  let newest = 0
  for (const status of articleStatuses) {
    const row = await store.db
      .selectFrom('articles')
      .select((eb) => eb.fn.max('id').as('max'))
      .where('site_id', '=', siteId)
      .where('status', '=', status)
      .executeTakeFirst()
    newest = Math.max(newest, Number(row?.max ?? 0))
  }
  return newest
}

/**
 * The live articles with ids in (after, upTo], by id: a part's URLs. On SQLite from the covering
 * index alone: after the sampled ANALYZE of a full publish the planner chose the (site, status)
 * index and read every article row, bodies and all, which took 17 ms of a one-article publish
 * for a part of 5,000 (5 ms from the index).
 */
async function sitemapRows(
  store: Store,
  siteId: number,
  after: number,
  upTo: number,
): Promise<{ url_path: string | null; publish_at: string | null }[]> {
  if (store.engine === 'sqlite') {
    const { rows } = await sql<{ url_path: string | null; publish_at: string | null }>`
      select url_path, publish_at from articles indexed by articles_live_sitemap
      where site_id = ${siteId} and status = 'published' and deleted_at is null and url_path is not null
        and id > ${after} and id <= ${upTo}
      order by id`.execute(store.db)
    return rows
  }
  return liveArticles(store)
    .select(['url_path', 'publish_at'])
    .where('site_id', '=', siteId)
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .orderBy('id')
    .execute()
}

export function sitemapPartOf(articleId: number): number {
  return Math.ceil(articleId / SITEMAP_LIMIT)
}

function urlSet(urls: readonly { loc: string; lastmod?: string | undefined }[]): string {
  const body = urls
    .map((u) => `<url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
}

function feedJob(
  path: string,
  format: 'rss' | 'atom',
  title: string,
  link: string,
  items: readonly ArticleSummary[],
  snapshot: SiteSnapshot,
): PageJob {
  const { site } = snapshot.context
  const absolute = (url: string) => `${new URL(site.baseUrl).origin}${url}`
  const body =
    format === 'rss'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${xml(title)}</title><link>${xml(link)}</link><description>${xml(title)}</description><language>${xml(site.language)}</language>\n${items
          .map(
            (item) =>
              `<item><title>${xml(item.title)}</title><link>${xml(absolute(item.url))}</link><guid>${xml(absolute(item.url))}</guid><pubDate>${new Date(item.publishAt).toUTCString()}</pubDate></item>`,
          )
          .join('\n')}\n</channel></rss>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(title)}</title><link href="${xml(link)}"/><id>${xml(link)}</id><updated>${items[0]?.publishAt ?? '1970-01-01T00:00:00.000Z'}</updated>\n${items
          .map(
            (item) =>
              `<entry><title>${xml(item.title)}</title><link href="${xml(absolute(item.url))}"/><id>${xml(absolute(item.url))}</id><updated>${item.publishAt}</updated></entry>`,
          )
          .join('\n')}\n</feed>\n`
  return { ...rawJob(path, body), kind: 'feed', deps: items.map((item) => `article:${item.id}`) }
}

function rawJob(path: string, body: string): PageJob {
  return {
    path,
    kind: path.endsWith('.txt') ? 'robots' : 'feed',
    refId: null,
    template: null,
    data: body,
    deps: [],
  }
}

function xml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  )
}

/** The newest published articles of the whole site, for its feeds. */
async function siteNewest(
  store: Store,
  siteId: number,
  limit: number,
  basePath: string,
): Promise<ArticleSummary[]> {
  const rows = await liveArticles(store)
    .select(['id', 'title', 'url_path', 'publish_at', 'weight'])
    .where('site_id', '=', siteId)
    .orderBy('publish_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => toSummary(row, basePath))
}
