import type { CheerioAPI } from 'cheerio'

/**
 * The meta tags government site standards ask every article page to carry (GB/T 33476 and the
 * 政府网站发展指引 templates), the first and most reliable source of an article's fields.
 */
export interface PageMeta {
  readonly siteName: string
  readonly columnName: string
  readonly articleTitle: string
  readonly pubDate: string
  readonly contentSource: string
  readonly keywords: string
  readonly author: string
  readonly description: string
  readonly url: string
}

const NAMES = {
  siteName: 'SiteName',
  columnName: 'ColumnName',
  articleTitle: 'ArticleTitle',
  pubDate: 'PubDate',
  contentSource: 'ContentSource',
  keywords: 'Keywords',
  author: 'Author',
  description: 'Description',
  url: 'Url',
} as const

/** Each meta tag's content, trimmed, or '' when the page lacks it; names match in any case. */
export function readPageMeta($: CheerioAPI): PageMeta {
  // One pass over the page's meta tags, not one query per name.
  const byName = new Map<string, string>()
  $('meta[name]').each((_, element) => {
    const name = ($(element).attr('name') ?? '').toLowerCase()
    if (!byName.has(name)) byName.set(name, ($(element).attr('content') ?? '').trim())
  })
  const entries = Object.entries(NAMES).map(([field, name]) => [field, byName.get(name.toLowerCase()) ?? ''])
  return Object.fromEntries(entries) as unknown as PageMeta
}
