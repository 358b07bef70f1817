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

/** Each meta tag's content, trimmed, or '' when the page lacks it. */
export function readPageMeta($: CheerioAPI): PageMeta {
  const entries = Object.entries(NAMES).map(([field, name]) => [
    field,
    ($(`meta[name="${name}" i]`).first().attr('content') ?? '').trim(),
  ])
  return Object.fromEntries(entries) as unknown as PageMeta
}
