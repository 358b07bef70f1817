import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, relative, resolve, sep } from 'node:path'
import robotsModule from 'robots-parser'
import { defaultFetchLimits, type Fetched, type FetchLimits, fetchPage } from './fetch-page.ts'

interface Robots {
  isAllowed(url: string, userAgent?: string): boolean | undefined
  getCrawlDelay(userAgent?: string): number | undefined
}

/** A robots.txt Crawl-delay beyond this is taken as this: a site asking for minutes is never done. */
const MAX_CRAWL_DELAY_MS = 10_000
// The package is CommonJS (`module.exports = function`) but its types declare a default export.
const robotsParser = robotsModule as unknown as (url: string, contents: string) => Robots

/** Where an import reads pages from: a live site, or a folder of saved pages. Both answer by URL. */
export interface PageSource {
  /** The origin every page URL has, `http://www.example.gov.cn`. */
  readonly origin: string
  /** Other hosts whose images and attachments are brought in as the origin's are (never crawled). */
  readonly assetHosts: readonly string[]
  /** Where crawling starts. */
  readonly startUrls: readonly string[]
  get(
    url: string,
    init?: { method?: 'GET' | 'POST'; form?: Record<string, string>; maxBytes?: number },
  ): Promise<Fetched>
  /** Whether the site lets us read the URL (robots.txt). */
  isAllowed(url: string): Promise<boolean>
}

export interface HttpSourceOptions {
  readonly timeoutMs?: number
  readonly maxRedirects?: number
  /** Pause before each request, per worker, in milliseconds. */
  readonly delayMs?: number
  readonly ignoresRobots?: boolean
  /** Hosts holding the site's files (`files.example.gov.cn`, `cdn.example.com:8443`). */
  readonly assetHosts?: readonly string[]
}

/** A live site over HTTP(S), only its own origin, robots.txt respected. */
export function httpSource(start: string, options: HttpSourceOptions = {}): PageSource {
  const origin = new URL(start).origin
  const limits: FetchLimits = {
    ...defaultFetchLimits,
    origin,
    assetHosts: options.assetHosts ?? [],
    timeoutMs: options.timeoutMs ?? defaultFetchLimits.timeoutMs,
    maxRedirects: options.maxRedirects ?? defaultFetchLimits.maxRedirects,
  }
  let robots: Promise<Robots | null> | null = null
  const delay = options.delayMs ?? 0
  return {
    origin,
    assetHosts: options.assetHosts ?? [],
    startUrls: [new URL(start).href],
    async get(url, init) {
      // robots.txt's Crawl-delay, where the site sets one, is the least pause.
      const asked =
        options.ignoresRobots || !robots ? 0 : ((await robots)?.getCrawlDelay(limits.userAgent) ?? 0)
      const pause = Math.max(delay, Math.min(asked * 1000, MAX_CRAWL_DELAY_MS))
      if (pause > 0) await new Promise((done) => setTimeout(done, pause))
      return fetchPage(url, limits, init)
    },
    async isAllowed(url) {
      if (options.ignoresRobots) return true
      robots ??= fetchPage(`${origin}/robots.txt`, limits, { maxBytes: 512 * 1024 }).then((fetched) =>
        fetched.ok ? robotsParser(`${origin}/robots.txt`, Buffer.from(fetched.bytes).toString('utf8')) : null,
      )
      const parsed = await robots
      return parsed?.isAllowed(url, limits.userAgent) ?? true
    },
  }
}

/** The origin a folder's pages are given: no request ever goes there. */
export const FOLDER_ORIGIN = 'http://saved-site.invalid'
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.shtml'])

/**
 * A folder of saved pages (a wget or HTTrack mirror): the path under the folder is the path
 * on the old site. Every page in it is read, whether or not another page links to it.
 */
export async function folderSource(folder: string): Promise<PageSource> {
  const root = resolve(folder)
  const pages: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) pages.push(path)
    }
  }
  await walk(root)
  const realRoot = await realpath(root)
  pages.sort()
  const urlOf = (file: string) =>
    new URL(relative(root, file).split(sep).map(encodeURIComponent).join('/'), `${FOLDER_ORIGIN}/`).href
  return {
    origin: FOLDER_ORIGIN,
    assetHosts: [],
    startUrls: pages.map(urlOf),
    async get(url, init) {
      const parsed = new URL(url)
      if (parsed.origin !== FOLDER_ORIGIN || init?.method === 'POST') {
        return { ok: false, url, reason: '保存的页面中没有 / not in the saved pages' }
      }
      const file = resolve(root, `.${decodeURIComponent(parsed.pathname)}`)
      const target = file.endsWith(sep) || parsed.pathname.endsWith('/') ? join(file, 'index.html') : file
      if (target !== root && !target.startsWith(root + sep)) {
        return { ok: false, url, reason: '不在文件夹内 / outside the folder' }
      }
      try {
        // A symbolic link in the mirror must not lead out of it either.
        const real = await realpath(target)
        if (!real.startsWith(realRoot + sep))
          return { ok: false, url, reason: '不在文件夹内 / outside the folder' }
        const size = (await stat(real)).size
        if (size > (init?.maxBytes ?? defaultFetchLimits.maxBytes)) {
          return { ok: false, url, reason: `超过 ${init?.maxBytes} 字节 / too large` }
        }
        return { ok: true, url, status: 200, contentType: null, bytes: await readFile(real) }
      } catch {
        return { ok: false, url, reason: '文件不存在 / no such file' }
      }
    },
    isAllowed: async () => true,
  }
}
