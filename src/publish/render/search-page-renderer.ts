import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Content } from '../../content/index.ts'
import { InvalidStateError, ServerBusyError } from '../../errors/index.ts'
import type { Store } from '../../store/index.ts'
import type { PageResult } from '../plan/page-job.ts'
import { type SiteSnapshot, takeSiteSnapshot } from '../plan/site-snapshot.ts'
import { SITE_PATHS } from '../plan/url-scheme.ts'
import type { RenderWorkerData } from './render-messages.ts'
import { RenderPool } from './render-pool.ts'
import { loadSiteTheme } from './site-theme.ts'

/** Search pages rendering or waiting at once; one more is answered SERVER_BUSY. */
export const SEARCH_PAGE_QUEUE = 32
/** A search page is a short list: a template that takes longer than this is stopped. */
const SEARCH_PAGE_DEADLINE_MS = 1_000
const SEARCH_PAGE_HEAP_MB = 96

interface SiteSetup {
  readonly runId: number
  readonly setup: RenderWorkerData
  readonly snapshot: SiteSnapshot
}

/**
 * Renders the theme's search.liquid with a search's results, for `fabu serve`'s /search.html:
 * the page works with JavaScript off and each theme styles it. Templates are untrusted, so it
 * renders in a render process of its own (render-pool.ts), one page at a time behind a short
 * queue. The site's theme and data are taken once per publish run, not per search.
 */
export class SearchPageRenderer {
  readonly #store: Store
  readonly #content: Content
  readonly #themesRoot: string | undefined
  #pool: RenderPool | undefined
  #prepared: RenderWorkerData | undefined
  readonly #sites = new Map<number, SiteSetup>()
  #folder: Promise<string> | undefined
  #line: Promise<unknown> = Promise.resolve()
  #inLine = 0
  #sequence = 0

  constructor(store: Store, content: Content, options: { readonly themesRoot?: string } = {}) {
    this.#store = store
    this.#content = content
    this.#themesRoot = options.themesRoot
  }

  /**
   * The page's HTML. `search` is what the template sees as `search`. Throws SERVER_BUSY when
   * searches are queued up already, and INVALID_STATE when the template fails (the caller
   * answers with a plain page of its own).
   */
  render(siteId: number, search: Readonly<Record<string, unknown>>): Promise<string> {
    if (this.#inLine >= SEARCH_PAGE_QUEUE) return Promise.reject(new ServerBusyError(1))
    this.#inLine++
    const rendered = this.#line.then(() => this.#render(siteId, search))
    const done = rendered.finally(() => {
      this.#inLine--
    })
    this.#line = done.catch(() => {})
    return done
  }

  async close(): Promise<void> {
    await this.#pool?.close()
    this.#pool = undefined
    const folder = await this.#folder
    if (folder) await rm(folder, { recursive: true, force: true })
  }

  async #render(siteId: number, search: Readonly<Record<string, unknown>>): Promise<string> {
    const { setup, snapshot } = await this.#setupOf(siteId)
    const pool = this.#poolFor(setup)
    const path = `search-${++this.#sequence}.html`
    const { site } = snapshot.context
    let result: PageResult | undefined
    await pool.run(
      [
        {
          path,
          kind: 'search',
          refId: null,
          template: 'search.liquid',
          data: {
            page: {
              kind: 'search',
              title: '站内搜索',
              description: `${site.name} 站内搜索`,
              canonicalUrl: `${site.baseUrl}${SITE_PATHS.search}`,
            },
            search,
          },
          deps: [],
        },
      ],
      {
        knownHashes: async () => new Map(),
        answer: (query) => snapshot.answer(query),
        onResult: (each) => {
          result = each
        },
      },
    )
    const file = join(setup.outputRoot, path)
    try {
      if (!result || result.outcome === 'failed') {
        const failure = result?.error ?? 'no result'
        throw new InvalidStateError({
          zh: `搜索页模板出错：${failure}`,
          en: `the search template failed: ${failure}`,
        })
      }
      return await readFile(file, 'utf8')
    } finally {
      await rm(file, { force: true })
    }
  }

  /** The site's theme and data as of its newest publish run, taken again after each run. */
  async #setupOf(siteId: number): Promise<SiteSetup> {
    const newest = await this.#store.db
      .selectFrom('publish_runs')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('site_id', '=', siteId)
      .executeTakeFirst()
    const runId = Number(newest?.id ?? 0)
    const known = this.#sites.get(siteId)
    if (known && known.runId === runId) return known
    const site = await this.#content.sites.get(siteId)
    const snapshot = await takeSiteSnapshot(this.#store, this.#content, site.id, { isFullPublish: false })
    const theme = await loadSiteTheme(this.#store, site, this.#themesRoot)
    this.#folder ??= mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'fabu-search-'))
    const entry = {
      runId,
      snapshot,
      setup: { theme, context: snapshot.context, outputRoot: await this.#folder },
    }
    this.#sites.set(siteId, entry)
    return entry
  }

  /** Sends the processes the site's setup only when it changed: a setup rebuilds their engine. */
  #poolFor(setup: RenderWorkerData): RenderPool {
    if (!this.#pool) {
      this.#pool = new RenderPool({
        ...setup,
        size: 1,
        pageDeadlineMs: SEARCH_PAGE_DEADLINE_MS,
        heapMb: SEARCH_PAGE_HEAP_MB,
      })
    } else if (this.#prepared !== setup) this.#pool.prepare(setup)
    this.#prepared = setup
    return this.#pool
  }
}
