import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '../store/index.ts'
import { linkTarget } from './link-target.ts'

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

interface Suspect {
  readonly path: string
  readonly kind: string
  readonly refId: number | null
  readonly element: string
  readonly href: string
  readonly target: string
}

const ARTICLE_KINDS = new Set(['article', 'print'])

/**
 * The link check of one publish run: every internal link and image of the pages it writes is
 * checked against the site's own output (the published-page index, then the output folder for
 * files fabu did not render, such as uploads), and so are the pages it leaves linking to a page
 * it removes. No network: the output is the truth. Links are looked at as each page comes, so
 * a run of a hundred thousand pages keeps only the doubtful links and the links to articles
 * (for `page_links`, "who links here") until it ends.
 */
export class InternalLinkCheck {
  readonly #store: Store
  readonly #site: InternalLinkSite
  /** Every page of the output as the run goes: kind and subject by path. */
  readonly #known: Map<string, { kind: string; refId: number | null }>
  readonly #onDisk = new Map<string, boolean>()
  readonly #suspects: Suspect[] = []
  readonly #articleLinks: { path: string; target: string }[] = []
  readonly #written = new Set<string>()
  /** Whether #known held every published page from the start (else targets are looked up at the end). */
  readonly #knowsAll: boolean

  private constructor(
    store: Store,
    site: InternalLinkSite,
    known: Map<string, { kind: string; refId: number | null }>,
    knowsAll: boolean,
  ) {
    this.#store = store
    this.#site = site
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
    const known = new Map<string, { kind: string; refId: number | null }>()
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
    const targets = new Set<string>()
    for (const link of page.links) {
      const target = linkTarget(link.href, page.path, this.#site.baseUrl)
      if (target === null || target === page.path) continue
      const known = this.#known.get(target)
      // Not known yet: a page later in this run may still write it; decided at the end.
      if (!known)
        this.#suspects.push({ path: page.path, kind: page.kind, refId: page.refId, ...link, target })
      else if (known.kind === 'article' && !targets.has(target)) {
        targets.add(target)
        this.#articleLinks.push({ path: page.path, target })
      }
    }
  }

  /**
   * After the run: records for `runId` what is broken, with the page's article and its last
   * editor, and keeps `page_links` in step. Returns how many links are broken.
   */
  async finish(runId: number, removed: readonly string[]): Promise<number> {
    const { siteId } = this.#site
    if (!this.#knowsAll) await this.#lookUpSuspects()
    for (const path of removed) this.#known.delete(path)
    const broken = this.#suspects.filter((suspect) => !this.#exists(suspect.target))
    const gone = new Set(removed)
    const links: { path: string; target: string }[] = []
    for (const link of this.#articleLinks) {
      if (!gone.has(link.target)) links.push(link)
      else {
        const page = this.#known.get(link.path)
        broken.push({
          path: link.path,
          kind: page?.kind ?? 'article',
          refId: page?.refId ?? null,
          element: 'a',
          href: `/${link.target}`,
          target: link.target,
        })
      }
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
        const page = this.#known.get(orphan.path)
        if (!page || this.#written.has(orphan.path)) continue
        broken.push({
          path: orphan.path,
          ...page,
          element: 'a',
          href: `/${orphan.target}`,
          target: orphan.target,
        })
      }
    }

    const editors = await editorsOf(
      this.#store,
      broken
        .filter((entry) => ARTICLE_KINDS.has(entry.kind) && entry.refId !== null)
        .map((entry) => entry.refId as number),
    )
    await this.#store.transaction(async (tx) => {
      const replaced = [...this.#written, ...removed]
      for (let i = 0; i < replaced.length; i += 500) {
        await tx
          .deleteFrom('page_links')
          .where('site_id', '=', siteId)
          .where('path', 'in', replaced.slice(i, i + 500))
          .execute()
      }
      for (let i = 0; i < links.length; i += 300) {
        await tx
          .insertInto('page_links')
          .values(links.slice(i, i + 300).map((link) => ({ site_id: siteId, ...link })))
          .execute()
      }
      for (let i = 0; i < broken.length; i += 200) {
        await tx
          .insertInto('broken_links')
          .values(
            broken.slice(i, i + 200).map((entry) => {
              const articleId = ARTICLE_KINDS.has(entry.kind) ? entry.refId : null
              return {
                site_id: siteId,
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

  /** The suspects' targets from the published-page index: pages of earlier runs, articles among them. */
  async #lookUpSuspects(): Promise<void> {
    const targets = [...new Set(this.#suspects.map((suspect) => suspect.target))].filter(
      (target) => !this.#known.has(target),
    )
    for (let i = 0; i < targets.length; i += 500) {
      const rows = await this.#store.db
        .selectFrom('published_pages')
        .select(['path', 'kind', 'ref_id'])
        .where('site_id', '=', this.#site.siteId)
        .where('path', 'in', targets.slice(i, i + 500))
        .execute()
      for (const row of rows) this.#known.set(row.path, { kind: row.kind, refId: row.ref_id })
    }
    const suspects = this.#suspects.splice(0)
    const linked = new Set(this.#articleLinks.map((link) => `${link.path}\n${link.target}`))
    for (const suspect of suspects) {
      const known = this.#known.get(suspect.target)
      if (!known) this.#suspects.push(suspect)
      else if (known.kind === 'article' && !linked.has(`${suspect.path}\n${suspect.target}`)) {
        linked.add(`${suspect.path}\n${suspect.target}`)
        this.#articleLinks.push({ path: suspect.path, target: suspect.target })
      }
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
