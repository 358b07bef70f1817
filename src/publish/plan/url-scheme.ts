import { applyArticleUrlPattern, formatZonedMinute, type Site } from '../../content/index.ts'

/**
 * fabu's URL scheme. Paths are relative to the site's output folder; links put the site's
 * base path in front. An article's path is fixed at its first publication.
 *
 *   index.html                                 home
 *   jcdj/jswm/index.html                       a column: its newest list page, or its single page
 *   jcdj/jswm/index_3.html                     list page 3, counted from the oldest (stable)
 *   jcdj/jswm/2017/12/14/1.html                an article, by the site's pattern (this is the default)
 *   jcdj/jswm/2017/12/14/1_print.html          its print view
 */
export function articlePath(
  site: Pick<Site, 'articleUrlPattern' | 'timeZone'>,
  columnPath: string,
  publishAt: string,
  id: number,
): string {
  const date = formatZonedMinute(publishAt, site.timeZone).slice(0, 10)
  return applyArticleUrlPattern(site.articleUrlPattern, { column: columnPath, date, id })
}

export function printPath(articlePath: string): string {
  return articlePath.replace(/\.html$/, '_print.html')
}

export function columnIndexPath(columnPath: string): string {
  return `${columnPath}/index.html`
}

/** Archive page `page` (1 = the oldest articles) of a column's list. */
export function listPagePath(columnPath: string, page: number): string {
  return `${columnPath}/index_${page}.html`
}

export function columnFeedPath(columnPath: string): string {
  return `${columnPath}/rss.xml`
}

export function columnAtomPath(columnPath: string): string {
  return `${columnPath}/atom.xml`
}

export const SITE_PATHS = {
  home: 'index.html',
  search: 'search.html',
  notFound: '404.html',
  siteMapPage: 'sitemap.html',
  robots: 'robots.txt',
  rss: 'rss.xml',
  atom: 'atom.xml',
  sitemapIndex: 'sitemap.xml',
} as const

/**
 * URLs per sitemap part: well under the sitemaps.org limit of 50,000, so that the part a new
 * article lands in is cheap to write again.
 */
export const SITEMAP_LIMIT = 5_000

export function sitemapPartPath(part: number): string {
  return `sitemap-${part}.xml`
}

/**
 * 政民互动 pages under `zmhd/` (政民互动): a mailbox's answered letters as a list like a
 * column's (`zmhd/xx/yzxx/index.html`, archive pages from the oldest), each letter at
 * `zmhd/xx/yzxx/<case id>.html`; consultations at `zmhd/yjzj/`.
 */
export function letterListPath(mailboxSlug: string, page?: number): string {
  return page === undefined
    ? `zmhd/xx/${mailboxSlug}/index.html`
    : `zmhd/xx/${mailboxSlug}/index_${page}.html`
}

export function letterPath(mailboxSlug: string, caseId: number): string {
  return `zmhd/xx/${mailboxSlug}/${caseId}.html`
}

export const CONSULTATION_LIST_PATH = 'zmhd/yjzj/index.html'

export function consultationPath(consultationId: number): string {
  return `zmhd/yjzj/${consultationId}.html`
}
