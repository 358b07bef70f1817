import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '../store/index.ts'
import { linkTarget } from './link-target.ts'

/** A page a publish run wrote, with the links and images it holds (publish/page-links.ts). */
export interface WrittenPage {
  readonly path: string
  readonly kind: string
  readonly refId: number | null
  readonly links: readonly { readonly element: 'a' | 'img'; readonly href: string }[]
}

export interface InternalLinkRun {
  readonly siteId: number
  readonly baseUrl: string
  readonly runId: number
  readonly outputRoot: string
  readonly written: readonly WrittenPage[]
  readonly removed: readonly string[]
}

const ARTICLE_KINDS = new Set(['article', 'print'])

/**
 * After a publish run: checks every internal link and image of the pages it wrote against the
 * site's own output (the published-page index, then the folder for files fabu did not render),
 * and the pages it left linking to a page it removed; records what is broken for the run, with
 * the page's article and its last editor, and keeps `page_links` (who links to which article)
 * in step. No network: the output is the truth. Returns how many links are broken.
 */
export async function checkInternalLinks(store: Store, run: InternalLinkRun): Promise<number> {
  const known = new Map<string, { kind: string; refId: number | null }>()
  const rows = await store.db
    .selectFrom('published_pages')
    .select(['path', 'kind', 'ref_id'])
    .where('site_id', '=', run.siteId)
    .execute()
  for (const row of rows) known.set(row.path, { kind: row.kind, refId: row.ref_id })
  const onDisk = new Map<string, boolean>()
  const exists = (target: string) => {
    if (known.has(target)) return true
    let found = onDisk.get(target)
    if (found === undefined) {
      found = !target.split('/').includes('..') && existsSync(join(run.outputRoot, target))
      onDisk.set(target, found)
    }
    return found
  }

  const broken: {
    path: string
    refId: number | null
    kind: string
    element: string
    href: string
    target: string
  }[] = []
  const links: { path: string; target: string }[] = []
  for (const page of run.written) {
    const targets = new Set<string>()
    for (const link of page.links) {
      const target = linkTarget(link.href, page.path, run.baseUrl)
      if (target === null) continue
      if (!exists(target)) broken.push({ ...page, ...link, target })
      else if (known.get(target)?.kind === 'article' && target !== page.path) targets.add(target)
    }
    for (const target of targets) links.push({ path: page.path, target })
  }

  // Pages not written this run that link to a page it removed: broken now too.
  const writtenPaths = new Set(run.written.map((page) => page.path))
  for (let i = 0; i < run.removed.length; i += 500) {
    const orphans = await store.db
      .selectFrom('page_links')
      .select(['path', 'target'])
      .where('site_id', '=', run.siteId)
      .where('target', 'in', run.removed.slice(i, i + 500))
      .execute()
    for (const orphan of orphans) {
      const page = known.get(orphan.path)
      if (!page || writtenPaths.has(orphan.path)) continue
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
    store,
    broken
      .filter((entry) => ARTICLE_KINDS.has(entry.kind) && entry.refId !== null)
      .map((entry) => entry.refId as number),
  )
  await store.transaction(async (tx) => {
    const gone = [...writtenPaths, ...run.removed]
    for (let i = 0; i < gone.length; i += 500) {
      await tx
        .deleteFrom('page_links')
        .where('site_id', '=', run.siteId)
        .where('path', 'in', gone.slice(i, i + 500))
        .execute()
    }
    for (let i = 0; i < links.length; i += 300) {
      await tx
        .insertInto('page_links')
        .values(links.slice(i, i + 300).map((link) => ({ site_id: run.siteId, ...link })))
        .execute()
    }
    for (let i = 0; i < broken.length; i += 200) {
      await tx
        .insertInto('broken_links')
        .values(
          broken.slice(i, i + 200).map((entry) => {
            const articleId = ARTICLE_KINDS.has(entry.kind) ? entry.refId : null
            return {
              site_id: run.siteId,
              run_id: run.runId,
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
