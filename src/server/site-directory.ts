import type { PublicDesk } from '../interaction/index.ts'

/** One site as the public server sees it. */
export interface ServedSite {
  readonly id: number
  readonly slug: string
  /** The published folder: `<data>/sites/<slug>/<outputPrefix>`. */
  readonly root: string
  /** Its base URL's path, ending in `/`: every link it publishes starts with it. */
  readonly basePath: string
  /** Its base URL's host name, lower case, no port; '' answers no host. */
  readonly hostname: string
  readonly timeZone: string
  /** Where an imported site's old URL now lives (answered with a 301). */
  readonly movedTo?: (requestUrl: string) => Promise<string | null>
  /** Its letter and application forms (政民互动), when it has mailboxes. */
  readonly interaction?: PublicDesk
}

/** Where a request goes: a site and the URL path it is mounted at there ('' or '/jyj'), or a redirect. */
export type SiteLookup =
  | { readonly site: ServedSite; readonly mount: string; readonly isGuess: boolean }
  | { readonly redirect: string }

export interface SiteDirectoryOptions {
  /** The site's slug that a host naming no site gets at `/`; the oldest site when unset or unknown. */
  readonly defaultSite?: string | null
  /** How often the site list is read again, so a site created meanwhile is served (ms). */
  readonly refreshEveryMs?: number
}

interface Snapshot {
  readonly sites: readonly ServedSite[]
  readonly byHost: ReadonlyMap<string, readonly ServedSite[]>
  readonly bySlug: ReadonlyMap<string, ServedSite>
  readonly fallback: ServedSite | undefined
}

/**
 * Which site a request is for. By host first: the site whose base URL names the Host (several
 * sites on one host are told apart by their base paths), or `<slug>.localhost`, which browsers
 * send to this machine. A host naming no site (127.0.0.1 while trying fabu out) is routed by
 * path: `/<slug>/…`, or a site's base path (`/edu/…`), else the default site. A site at `/<slug>/`
 * whose pages link from `/` sends its readers to `/index.html`; the Referer says which site they
 * came from, and they are sent back under its prefix.
 *
 * The list is read at start and again every `refreshEveryMs` in the background: routing is
 * synchronous (it runs before Fastify picks a route), so it cannot wait for the database.
 */
export class SiteDirectory {
  readonly #load: () => Promise<readonly ServedSite[]>
  readonly #defaultSite: string | null
  readonly #refreshEveryMs: number
  #snapshot: Snapshot = snapshotOf([], null)
  #timer: NodeJS.Timeout | undefined
  #refreshing: Promise<void> | undefined

  constructor(load: () => Promise<readonly ServedSite[]>, options: SiteDirectoryOptions = {}) {
    this.#load = load
    this.#defaultSite = options.defaultSite ?? null
    this.#refreshEveryMs = options.refreshEveryMs ?? 2_000
  }

  /** Reads the sites once and keeps them current until close(). */
  async start(): Promise<void> {
    await this.refresh()
    this.#timer ??= setInterval(() => {
      void this.refresh().catch((error: unknown) =>
        process.stderr.write(`fabu: 站点列表读取失败 / site list not read: ${(error as Error).message}\n`),
      )
    }, this.#refreshEveryMs)
    this.#timer.unref()
  }

  /** Reads the site list now; overlapping calls share one read. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#load()
      .then((sites) => {
        this.#snapshot = snapshotOf(sites, this.#defaultSite)
      })
      .finally(() => {
        this.#refreshing = undefined
      })
    return this.#refreshing
  }

  close(): void {
    clearInterval(this.#timer)
  }

  get sites(): readonly ServedSite[] {
    return this.#snapshot.sites
  }

  get fallback(): ServedSite | undefined {
    return this.#snapshot.fallback
  }

  /** The site for a request's Host and path (before `?`), and its Referer for a host naming none. */
  find(host: string | undefined, path: string, referer: string | undefined): SiteLookup | null {
    const snapshot = this.#snapshot
    const hostname = hostnameOf(host)
    const named = snapshot.byHost.get(hostname) ?? localSite(snapshot, hostname)
    if (named) {
      const site = longestBase(named, path) ?? named[0]
      return site ? { site, mount: mountOf(site.basePath, path), isGuess: false } : null
    }
    const slug = /^\/([a-z0-9-]+)(?:\/|$)/.exec(path)?.[1]
    const bySlug = slug === undefined ? undefined : snapshot.bySlug.get(slug)
    if (bySlug) return { site: bySlug, mount: `/${slug}`, isGuess: true }
    const byBase = longestBase(
      snapshot.sites.filter((site) => site.basePath !== '/'),
      path,
    )
    if (byBase) return { site: byBase, mount: mountOf(byBase.basePath, path), isGuess: true }
    const cameFrom = refererSite(snapshot, host, referer)
    if (cameFrom && cameFrom !== snapshot.fallback && cameFrom.basePath === '/')
      return { redirect: `/${cameFrom.slug}` }
    const site = snapshot.fallback
    return site ? { site, mount: mountOf(site.basePath, path), isGuess: true } : null
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

function snapshotOf(sites: readonly ServedSite[], defaultSite: string | null): Snapshot {
  const byHost = new Map<string, ServedSite[]>()
  const bySlug = new Map<string, ServedSite>()
  for (const site of sites) {
    // This machine's own names are where one tries sites out: they are routed by path.
    if (site.hostname && !LOOPBACK.has(site.hostname))
      byHost.set(site.hostname, [...(byHost.get(site.hostname) ?? []), site])
    bySlug.set(site.slug, site)
  }
  const named = defaultSite
    ? sites.find((site) => site.slug === defaultSite || String(site.id) === defaultSite)
    : undefined
  const oldest = [...sites].sort((a, b) => a.id - b.id)[0]
  return { sites, byHost, bySlug, fallback: named ?? oldest }
}

/** `Host: jyj.localhost:8080` is the site `jyj`: browsers resolve every `*.localhost` to this machine. */
function localSite(snapshot: Snapshot, hostname: string): readonly ServedSite[] | undefined {
  if (!hostname.endsWith('.localhost')) return undefined
  const site = snapshot.bySlug.get(hostname.slice(0, -'.localhost'.length))
  return site ? [site] : undefined
}

function hostnameOf(host: string | undefined): string {
  if (!host) return ''
  const lower = host.toLowerCase()
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1)
  const colon = lower.indexOf(':')
  return colon === -1 ? lower : lower.slice(0, colon)
}

function longestBase(sites: readonly ServedSite[], path: string): ServedSite | undefined {
  let best: ServedSite | undefined
  for (const site of sites) {
    const isUnder = path.startsWith(site.basePath) || `${path}/` === site.basePath
    if (isUnder && (!best || site.basePath.length > best.basePath.length)) best = site
  }
  return best
}

/** The base path without its last `/` when the request is under it: `/edu/x.html` → `/edu`. */
function mountOf(basePath: string, path: string): string {
  if (basePath === '/') return ''
  return path.startsWith(basePath) || `${path}/` === basePath ? basePath.slice(0, -1) : ''
}

/** The site a same-origin Referer was served under by prefix (`http://127.0.0.1:8080/jyj/…`). */
function refererSite(
  snapshot: Snapshot,
  host: string | undefined,
  referer: string | undefined,
): ServedSite | undefined {
  if (!referer || !host) return undefined
  let url: URL
  try {
    url = new URL(referer)
  } catch {
    return undefined
  }
  if (url.host.toLowerCase() !== host.toLowerCase()) return undefined
  const slug = /^\/([a-z0-9-]+)\//.exec(url.pathname)?.[1]
  return slug === undefined ? undefined : snapshot.bySlug.get(slug)
}
