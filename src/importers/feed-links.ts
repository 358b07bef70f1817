import { load } from 'cheerio'

/** Whether a text is a sitemap or a feed rather than a page. */
export function isFeed(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:urlset|sitemapindex|rss|feed|rdf:RDF)\b/i.test(
    text,
  )
}

/**
 * The page URLs a sitemap, sitemap index, RSS or Atom feed lists: `<loc>`, RSS `<item><link>`,
 * Atom `<entry><link href>`.
 */
export function feedLinks(xml: string, baseUrl: string): string[] {
  const $ = load(xml, { xml: true })
  const raw = [
    ...$('loc')
      .toArray()
      .map((element) => $(element).text()),
    ...$('item > link')
      .toArray()
      .map((element) => $(element).text()),
    ...$('entry > link')
      .toArray()
      .map((element) => $(element).attr('href') ?? ''),
  ]
  const links: string[] = []
  for (const value of raw) {
    try {
      if (value.trim()) links.push(new URL(value.trim(), baseUrl).href)
    } catch {
      // One unreadable entry leaves the others.
    }
  }
  return links
}
