import { decodePage } from './decode-page.ts'
import type { ExtractedArticle } from './extract-article.ts'
import { type DataProxyPaging, dataProxyUrl, datastoreLinks } from './list-pages.ts'
import type { PageSource } from './page-source.ts'
import { readFetchedPage } from './read-fetched-page.ts'
import type { SiteSystem } from './recognise-system.ts'

/** What the crawl found at one URL. */
export type CrawlEvent =
  | {
      readonly type: 'article'
      readonly url: string
      readonly system: SiteSystem
      readonly article: ExtractedArticle
      /** The list page that linked to it, for articles whose page names no column. */
      readonly referrer: string | null
    }
  | { readonly type: 'list'; readonly url: string; readonly title: string; readonly links: readonly string[] }
  | { readonly type: 'failed'; readonly url: string; readonly reason: string }
  | { readonly type: 'skipped'; readonly url: string; readonly reason: string }

export interface CrawlOptions {
  readonly concurrency: number
  /** Requests in all, data proxy pages included. */
  readonly maxPages: number
  /** URLs per path differing only in their query: an endless calendar stops here. */
  readonly maxPerPath: number
  /** A stopped run's state, to go on from. */
  readonly resumeFrom?: CrawlState
  /** Told after each page how many pages wait to be read, for a progress bar. */
  readonly onPending?: (pending: number) => void
}

/** Where a crawl stands: what is left to read and what has been read. */
export interface CrawlState {
  readonly queue: readonly { readonly url: string; readonly referrer: string | null }[]
  readonly done: readonly string[]
}

const ASSET =
  /\.(?:jpe?g|png|gif|bmp|webp|svg|ico|css|js|pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|txt|csv|mp4|mp3|flv|swf|exe|apk)$/i

/**
 * Reads the site page by page, `concurrency` requests at a time, and calls `handle` with what
 * each page is. Only the source's origin is ever requested; robots.txt decides what may be;
 * a bound on pages in all and on query variants of one path keeps a generated calendar from
 * running forever. A failed page is reported and the crawl goes on.
 */
export async function crawlSite(
  source: PageSource,
  options: CrawlOptions,
  handle: (event: CrawlEvent) => Promise<void>,
  saveState?: (state: CrawlState) => Promise<void>,
): Promise<CrawlState> {
  const done = new Set(options.resumeFrom?.done ?? [])
  const seen = new Set(done)
  const perPath = new Map<string, number>()
  const queue: { url: string; referrer: string | null; isOptional?: boolean }[] = []
  let requests = 0
  let lastSave = Date.now()

  const enqueue = (raw: string, referrer: string | null, isOptional = false) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return
    }
    url.hash = ''
    if (url.origin !== source.origin || ASSET.test(url.pathname) || seen.has(url.href)) return
    if (/\/(?:dataproxy|downfile)\.jsp$/.test(url.pathname)) return
    const variants = (perPath.get(url.pathname) ?? 0) + 1
    perPath.set(url.pathname, variants)
    if (variants > options.maxPerPath) return
    seen.add(url.href)
    queue.push({ url: url.href, referrer, ...(isOptional ? { isOptional } : {}) })
  }
  for (const item of options.resumeFrom?.queue ?? []) {
    seen.delete(item.url)
    enqueue(item.url, item.referrer)
  }
  if (!options.resumeFrom) {
    for (const url of source.startUrls) enqueue(url, null)
    // A sitemap, where the site has one, lists articles no list page reaches any more.
    enqueue(`${source.origin}/sitemap.xml`, null, true)
  }

  const state = (): CrawlState => ({
    queue: queue.map(({ url, referrer }) => ({ url, referrer })),
    done: [...done],
  })

  /** Reads one page; false when the page bound stopped it half-way, to be read again. */
  async function visit(item: (typeof queue)[number]): Promise<boolean | undefined> {
    if (!(await source.isAllowed(item.url))) {
      await handle({ type: 'skipped', url: item.url, reason: 'robots.txt 不允许 / disallowed by robots.txt' })
      return
    }
    requests++
    const fetched = await source.get(item.url)
    if (!fetched.ok) {
      if (!item.isOptional) await handle({ type: 'failed', url: item.url, reason: fetched.reason })
      return
    }
    const type = fetched.contentType ?? 'text/html'
    if (!/html|xml|text\/plain/i.test(type)) return
    const facts = readFetchedPage(fetched.bytes, fetched.contentType, fetched.url)
    if (facts.type === 'undecodable') {
      await handle({ type: 'failed', url: item.url, reason: facts.reason })
      return
    }
    if (facts.type === 'feed') {
      for (const link of facts.links) enqueue(link, null)
      return
    }
    const { reading, links } = facts
    if (reading.kind === 'article') {
      await handle({
        type: 'article',
        url: item.url,
        system: reading.system,
        article: reading.article,
        referrer: item.referrer,
      })
    }
    for (const feed of facts.feeds) enqueue(feed, null, true)
    for (const link of links) enqueue(link, reading.kind === 'other' ? item.url : item.referrer)
    if (reading.kind === 'other') {
      await handle({ type: 'list', url: item.url, title: reading.title, links })
      return facts.paging ? pageDataProxy(facts.paging, fetched.url, item.url) : true
    }
    return true
  }

  /**
   * A JCMS column's records past the first page come only from the data proxy. False when the
   * page bound cut the paging short: the list is then read again by `--resume`.
   */
  async function pageDataProxy(paging: DataProxyPaging, pageUrl: string, listUrl: string): Promise<boolean> {
    const step = paging.perPage * 3
    for (let start = paging.firstRecords + 1; ; start += step) {
      if (paging.total !== null && start > paging.total) break
      if (requests >= options.maxPages) return false
      const url = dataProxyUrl(paging, start, start + step - 1)
      requests++
      const fetched = await source.get(url, { method: 'POST', form: { ...paging.form } })
      if (!fetched.ok) {
        await handle({ type: 'failed', url, reason: fetched.reason })
        return true
      }
      const decoded = decodePage(fetched.bytes, fetched.contentType)
      if (!decoded.ok) {
        await handle({ type: 'failed', url, reason: decoded.reason })
        return true
      }
      const { links, records } = datastoreLinks(decoded.text, pageUrl)
      for (const link of links) enqueue(link, listUrl)
      if (records === 0) break
    }
    return true
  }

  async function worker(): Promise<void> {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (requests >= options.maxPages) {
        queue.unshift(item)
        return
      }
      let isFinished = true
      try {
        isFinished = (await visit(item)) !== false
      } catch (error) {
        await handle({
          type: 'failed',
          url: item.url,
          reason: `读取失败 / could not be read: ${(error as Error).message}`,
        })
      }
      if (!isFinished) {
        queue.unshift(item)
        return
      }
      done.add(item.url)
      options.onPending?.(queue.length)
      if (saveState && Date.now() - lastSave > 2000) {
        lastSave = Date.now()
        await saveState(state())
      }
    }
  }

  // Workers that find the queue empty end; pages still being read may add more, so go again.
  while (queue.length > 0 && requests < options.maxPages) {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker))
  }
  return state()
}
