import { type CheerioAPI, load } from 'cheerio'
import { decodePage } from './decode-page.ts'
import { type PageReading, readPage } from './extract-article.ts'
import { feedLinks, isFeed } from './feed-links.ts'
import { type DataProxyPaging, dataProxyPaging, datastoreLinks, trsListPages } from './list-pages.ts'
import type { SiteSystem } from './recognise-system.ts'

/**
 * What one fetched page says, as plain data: the CPU-heavy part of a crawl (decoding, parsing,
 * extraction), kept apart from fetching: a pure function of the bytes, easy to test and to move
 * to a worker thread if a machine has cores to spare (measured in bench/RESULTS.md).
 */
export type PageFacts =
  | { readonly type: 'undecodable'; readonly reason: string }
  | { readonly type: 'feed'; readonly links: readonly string[] }
  | {
      readonly type: 'page'
      readonly reading: PageReading
      readonly links: readonly string[]
      /** RSS or Atom feeds the page announces: their entries are pages. */
      readonly feeds: readonly string[]
      /** A JCMS column's data proxy, whose further pages hold the rest of its records. */
      readonly paging: DataProxyPaging | null
    }

/** Decodes and reads one page of the old site, `url` being where it was fetched from. */
export function readFetchedPage(bytes: Uint8Array, contentType: string | null, url: string): PageFacts {
  const decoded = decodePage(bytes, contentType)
  if (!decoded.ok) return { type: 'undecodable', reason: decoded.reason }
  if (isFeed(decoded.text)) return { type: 'feed', links: feedLinks(decoded.text, url) }
  const $ = load(decoded.text)
  const reading = readPage(decoded.text, url, $)
  const feeds: string[] = []
  $('link[rel="alternate"][href]').each((_, element) => {
    if (!/rss|atom/i.test($(element).attr('type') ?? '')) return
    const href = URL.parse($(element).attr('href') ?? '', url)
    if (href) feeds.push(href.href)
  })
  return {
    type: 'page',
    reading,
    links: linksOf($, url, reading.system),
    feeds,
    paging: reading.kind === 'other' ? dataProxyPaging($, url) : null,
  }
}

/** The links a page leads on to: its anchors, a JCMS datastore's records, a TRS list's pages. */
function linksOf($: CheerioAPI, pageUrl: string, system: SiteSystem): string[] {
  const links: string[] = []
  $('a[href], area[href], frame[src], iframe[src]').each((_, element) => {
    const value = $(element).attr('href') ?? $(element).attr('src') ?? ''
    if (/^\s*(?:javascript|mailto|tel):/i.test(value)) return
    try {
      links.push(new URL(value, pageUrl).href)
    } catch {
      // Not a URL: nothing to follow.
    }
  })
  if (system === 'jcms') {
    for (const script of $('script[type="text/xml"]').toArray())
      links.push(...datastoreLinks($(script).text(), pageUrl).links)
  }
  if (system === 'trs') links.push(...trsListPages($, pageUrl, 1000))
  return links
}
