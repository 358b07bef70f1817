import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '../store/index.ts'
import { baseOf, linkTarget } from './link-target.ts'

/** A page a publish run wrote, with the links and images it holds (publish/render/page-links.ts). */
export interface WrittenPage {
  readonly path: string
  readonly kind: string
  readonly refId: number | null
  readonly links: readonly { readonly element: 'a' | 'img'; readonly href: string }[]
}

export interface InternalLinkSite {
  readonly siteId: number
  readonly baseUrl: string
  readonly outputRoot: string
}

/** A page of the output: what it is and whose. */
interface PageOf {
  readonly kind: string
  readonly refId: number | null
}

interface Broken extends PageOf {
  readonly path: string
  readonly element: string
  readonly href: string
  readonly target: string
}

const ARTICLE_KINDS = new Set(['article', 'print'])

/** Strings kept once however many links name them: an article's address is linked from 4-5 pages. */
class InternedStrings {
  readonly #ids = new Map<string, number>()
  readonly #strings: string[] = []

  idOf(text: string): number {
    let id = this.#ids.get(text)
    if (id === undefined) {
      id = this.#strings.length
      this.#strings.push(text)
      this.#ids.set(text, id)
    }
    return id
  }

  at(id: number): string {
    return this.#strings[id] as string
  }
}

/**
 * The link check of one publish run: every internal link and image of the pages it writes is
 * checked against the site's own output (the published-page index, then the output folder for
 * files fabu did not render, such as uploads), and so are the pages it leaves linking to a page
 * it removes. No network: the output is the truth. Links are looked at as each page comes, so
 * a run of a hundred thousand pages keeps only the doubtful links and the links to articles
 * (for `page_links`, "who links here") until it ends, as numbers: a first full publish of
 * 100,000 articles holds some 450,000 doubtful links (its lists, written before the articles
 * they link to), which as objects of strings took 95 MB of the 250 MB heap its search build
 * then started from.
 */
export class InternalLinkCheck {
  readonly #store: Store
  readonly #site: InternalLinkSite
  readonly #base: URL
  /** Every page of the output as the run goes: kind and subject by path. */
  readonly #known: Map<string, PageOf>
  readonly #onDisk = new Map<string, boolean>()
  /** Pages written, targets and hrefs linked: each kept once, named by number below. */
  #paths = new InternedStrings()
  #hrefs = new InternedStrings()
  /** Links whose target was not known when seen: (page, target, href, is an image) each. */
  #suspects: number[] = []
  /** Links to articles: (page, target) each, once a page. */
  #articleLinks: number[] = []
  readonly #written = new Set<string>()
  /** Whether #known held every published page from the start (else targets are looked up at the end). */
  readonly #knowsAll: boolean

  private constructor(store: Store, site: InternalLinkSite, known: Map<string, PageOf>, knowsAll: boolean) {
    this.#store = store
    this.#site = site
    this.#base = baseOf(site.baseUrl)
    this.#known = known
    this.#knowsAll = knowsAll
  }

  /**
   * A full run reads what the site's output holds before it starts (it links to most of it);
   * an incremental run of a few pages looks up only the targets its pages link to, at the end,
   * so one change does not read an index of every page of a large site.
   */
  static async start(
    store: Store,
    site: InternalLinkSite,
    options: { readonly readsWholeIndex?: boolean } = {},
  ): Promise<InternalLinkCheck> {
    const known = new Map<string, PageOf>()
    if (options.readsWholeIndex === false) return new InternalLinkCheck(store, site, known, false)
    const rows = await store.db
      .selectFrom('published_pages')
      .select(['path', 'kind', 'ref_id'])
      .where('site_id', '=', site.siteId)
      .execute()
    for (const row of rows) known.set(row.path, { kind: row.kind, refId: row.ref_id })
    return new InternalLinkCheck(store, site, known, true)
  }

  /** One page the run wrote (links given for the pages a visitor reads). */
  add(page: WrittenPage): void {
    this.#written.add(page.path)
    this.#known.set(page.path, { kind: page.kind, refId: page.refId })
    const pageId = this.#paths.idOf(page.path)
    const targets = new Set<string>()
    for (const link of page.links) {
      const target = linkTarget(link.href, page.path, this.#base)
      if (target === null || target === page.path) continue
      const known = this.#known.get(target)
      // Not known yet: a page later in this run may still write it; decided at the end.
      if (!known) {
        const hrefId = this.#hrefs.idOf(link.href)
        this.#suspects.push(pageId, this.#paths.idOf(target), hrefId, link.element === 'img' ? 1 : 0)
      } else if (known.kind === 'article' && !targets.has(target)) {
        targets.add(target)
        this.#articleLinks.push(pageId, this.#paths.idOf(target))
      }
    }
  }

  /**
   * Once the run's pages are out (and before its search index is brought in step, the peak of
   * its memory): works out what is broken, brings `page_links` ("who links here") in step with
   * the output as it now is, and lets go of the run's links, some 100 MB at 100,000 articles.
   * The broken links are recorded against the run once it has an id (`BrokenLinks.record`).
   */
  async settle(removed: readonly string[]): Promise<BrokenLinks> {
    const { siteId } = this.#site
    if (!this.#knowsAll) await this.#lookUp(this.#suspectTargets())
    for (const path of removed) this.#known.delete(path)
    const gone = new Set(removed)
    const broken: Broken[] = []
    const brokenLink = (pagePath: string, element: string, href: string, target: string): Broken => {
      const page = this.#known.get(pagePath)
      return {
        path: pagePath,
        kind: page?.kind ?? 'article',
        refId: page?.refId ?? null,
        element,
        href,
        target,
      }
    }
    // As pairs of interned ids (page, target): a first publish of 100,000 articles records some
    // 650,000 links, as objects 50 MB at the peak of its memory.
    const links: number[] = []
    // A doubtful link is fine if its target was written after it, or was there before; one to
    // an article is then a link to it like the others (once a page: a page's doubtful links
    // are together, and none of them is to an article it linked to when it came).
    let pageId = -1
    let articlesOfPage = new Set<number>()
    for (let i = 0; i < this.#suspects.length; i += 4) {
      if (this.#suspects[i] !== pageId) {
        pageId = this.#suspects[i] as number
        articlesOfPage = new Set()
      }
      const targetId = this.#suspects[i + 1] as number
      const target = this.#paths.at(targetId)
      if (this.#known.get(target)?.kind === 'article') {
        if (!articlesOfPage.has(targetId)) links.push(pageId, targetId)
        articlesOfPage.add(targetId)
      } else if (!this.#exists(target)) {
        const element = this.#suspects[i + 3] === 1 ? 'img' : 'a'
        const href = this.#hrefs.at(this.#suspects[i + 2] as number)
        broken.push(brokenLink(this.#paths.at(pageId), element, href, target))
      }
    }
    // Links to articles this run removed are broken after the doubtful ones, as reported before.
    for (let i = 0; i < this.#articleLinks.length; i += 2) {
      const pathId = this.#articleLinks[i] as number
      const targetId = this.#articleLinks[i + 1] as number
      const target = this.#paths.at(targetId)
      if (!gone.has(target)) links.push(pathId, targetId)
      else broken.push(brokenLink(this.#paths.at(pathId), 'a', `/${target}`, target))
    }
    // Pages not written this run that link to a page it removed: broken now too.
    for (let i = 0; i < removed.length; i += 500) {
      const orphans = await this.#store.db
        .selectFrom('page_links')
        .select(['path', 'target'])
        .where('site_id', '=', siteId)
        .where('target', 'in', removed.slice(i, i + 500))
        .execute()
      for (const orphan of orphans) {
        if (!this.#known.has(orphan.path) || this.#written.has(orphan.path)) continue
        broken.push(brokenLink(orphan.path, 'a', `/${orphan.target}`, orphan.target))
      }
    }

    // The pages are on disk already: their links are what they are, whatever becomes of the run.
    await this.#store.transaction(async (tx) => {
      const replaced = [...this.#written, ...removed]
      for (let i = 0; i < replaced.length; i += 500) {
        await tx
          .deleteFrom('page_links')
          .where('site_id', '=', siteId)
          .where('path', 'in', replaced.slice(i, i + 500))
          .execute()
      }
      for (let i = 0; i < links.length; i += 600) {
        const rows: { site_id: number; path: string; target: string }[] = []
        for (let j = i; j < Math.min(links.length, i + 600); j += 2)
          rows.push({
            site_id: siteId,
            path: this.#paths.at(links[j] as number),
            target: this.#paths.at(links[j + 1] as number),
          })
        await tx.insertInto('page_links').values(rows).execute()
      }
    })
    this.#letGo()
    return new BrokenLinks(this.#store, siteId, broken)
  }

  /** Settled: the run's links are not needed any more (a later `add` starts a check of nothing). */
  #letGo(): void {
    this.#known.clear()
    this.#onDisk.clear()
    this.#written.clear()
    this.#paths = new InternedStrings()
    this.#hrefs = new InternedStrings()
    this.#suspects = []
    this.#articleLinks = []
  }

  /** The doubtful links' targets not known yet, each once. */
  #suspectTargets(): string[] {
    const targets = new Set<string>()
    for (let i = 1; i < this.#suspects.length; i += 4) {
      const target = this.#paths.at(this.#suspects[i] as number)
      if (!this.#known.has(target)) targets.add(target)
    }
    return [...targets]
  }

  /** Targets from the published-page index: pages of earlier runs, articles among them. */
  async #lookUp(targets: readonly string[]): Promise<void> {
    for (let i = 0; i < targets.length; i += 500) {
      const rows = await this.#store.db
        .selectFrom('published_pages')
        .select(['path', 'kind', 'ref_id'])
        .where('site_id', '=', this.#site.siteId)
        .where('path', 'in', targets.slice(i, i + 500))
        .execute()
      for (const row of rows) this.#known.set(row.path, { kind: row.kind, refId: row.ref_id })
    }
  }

  #exists(target: string): boolean {
    if (this.#known.has(target)) return true
    let found = this.#onDisk.get(target)
    if (found === undefined) {
      found = !target.split('/').includes('..') && existsSync(join(this.#site.outputRoot, target))
      this.#onDisk.set(target, found)
    }
    return found
  }
}

/** A run's broken links, worked out by `InternalLinkCheck.settle`, to record once the run has an id. */
export class BrokenLinks {
  readonly #store: Store
  readonly #siteId: number
  readonly #broken: readonly Broken[]

  constructor(store: Store, siteId: number, broken: readonly Broken[]) {
    this.#store = store
    this.#siteId = siteId
    this.#broken = broken
  }

  get count(): number {
    return this.#broken.length
  }

  /** Records them for `runId`, each with the page's article and its last editor. Returns how many. */
  async record(runId: number): Promise<number> {
    const broken = this.#broken
    const editors = await editorsOf(
      this.#store,
      broken
        .filter((entry) => ARTICLE_KINDS.has(entry.kind) && entry.refId !== null)
        .map((entry) => entry.refId as number),
    )
    await this.#store.transaction(async (tx) => {
      for (let i = 0; i < broken.length; i += 200) {
        await tx
          .insertInto('broken_links')
          .values(
            broken.slice(i, i + 200).map((entry) => {
              const articleId = ARTICLE_KINDS.has(entry.kind) ? entry.refId : null
              return {
                site_id: this.#siteId,
                run_id: runId,
                path: entry.path,
                article_id: articleId,
                editor: articleId === null ? null : (editors.get(articleId) ?? null),
                element: entry.element,
                href: entry.href.slice(0, 2000),
                target: entry.target.slice(0, 2000),
              }
            }),
          )
          .execute()
      }
    })
    return broken.length
  }
}

/** Each article's last editor: the one to tell about its broken links. */
async function editorsOf(store: Store, ids: readonly number[]): Promise<Map<number, string>> {
  const editors = new Map<number, string>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await store.db
      .selectFrom('articles')
      .select(['id', 'updated_by'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute()
    for (const row of rows) editors.set(row.id, row.updated_by)
  }
  return editors
}
