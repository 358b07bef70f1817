import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { load } from 'cheerio'
import type { Actor, Content } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { importedPages } from './imported-pages.ts'

/** An old site's path and where its page now is on the new one. */
export interface OldUrlRedirect {
  /** As the old site's links ask for it: `/art/2017/12/14/art_102_1.html`, `/show.asp?id=7`. */
  readonly oldPath: string
  /** `/jcdj/jswm/2017/12/14/1.html` (with the site's base path). */
  readonly newUrl: string
}

/**
 * The redirect map of a site: every imported article that has a URL (it has been published)
 * and every imported column, by its old path. An old path the new site itself uses is left
 * out: the page there wins.
 */
export async function oldUrlRedirects(
  store: Store,
  content: Content,
  siteId: number,
): Promise<OldUrlRedirect[]> {
  const site = await content.sites.get(siteId)
  const basePath = new URL(site.baseUrl).pathname.replace(/\/?$/, '/')
  const tree = await content.columns.tree(siteId)
  const redirects: OldUrlRedirect[] = []
  for (const row of await importedPages(store).redirectTargets(siteId)) {
    const column = row.columnId === null ? undefined : tree.get(row.columnId)
    const target = row.articlePath ?? (column ? `${column.path}/index.html` : null)
    if (target === null) continue
    redirects.push({ oldPath: row.oldPath, newUrl: `${basePath}${target}` })
  }
  // An old path that is now a page of the new site (a column kept its path name) stays that page.
  const newUrls = new Set(redirects.map((redirect) => redirect.newUrl))
  return redirects
    .filter((redirect) => !newUrls.has(redirect.oldPath))
    .sort((a, b) => a.oldPath.localeCompare(b.oldPath))
}

/**
 * Answers `fabu serve`'s question "does this old URL live somewhere else now?" from the
 * redirect map, read again at most every `maxAgeMs` so a running server sees a new import.
 */
export function oldUrlLookup(store: Store, content: Content, siteId: number, maxAgeMs = 30_000) {
  let loaded: { at: number; map: Map<string, string> } | null = null
  return async (requestUrl: string): Promise<string | null> => {
    if (!loaded || Date.now() - loaded.at > maxAgeMs) {
      const redirects = await oldUrlRedirects(store, content, siteId)
      loaded = { at: Date.now(), map: new Map(redirects.map((r) => [r.oldPath, r.newUrl])) }
    }
    return loaded.map.get(requestUrl) ?? null
  }
}

/** Marks a page as one of ours, so a later run may replace it and never a page of the site. */
const MARK = '<!-- fabu: old URL redirect -->'
const STATIC_PAGE = /\.(?:html?|shtml)$/i

/**
 * Writes the redirect map into a published site's folder: an HTML page at every old path a
 * plain web server can serve as a file (it sends the visitor on and tells search engines the
 * new address), and `fabu-old-urls.map`, an nginx `map` for `return 301` that also covers old
 * paths with a query (`/show.asp?id=7`). A file fabu published is never overwritten.
 */
export async function writeOldUrlFiles(
  redirects: readonly OldUrlRedirect[],
  outputRoot: string,
): Promise<{ readonly pages: number; readonly mapFile: string }> {
  const root = resolve(outputRoot)
  let pages = 0
  const lines: string[] = []
  for (const { oldPath, newUrl } of redirects) {
    // nginx map keys and values are quoted strings: nothing that would end or break one.
    if (/["\\\s\p{Cc}]/u.test(oldPath + newUrl)) continue
    lines.push(`    "${oldPath}" "${newUrl}";`)
    if (oldPath.includes('?')) continue
    const relative = decodeSafely(oldPath.endsWith('/') ? `${oldPath}index.html` : oldPath)
    if (!relative || !STATIC_PAGE.test(relative)) continue
    const file = resolve(root, `.${relative}`)
    if (!file.startsWith(root + sep) || relative.split('/').some((segment) => segment.startsWith('.')))
      continue
    const existing = await readFile(file, 'utf8').catch(() => null)
    if (existing !== null && !existing.includes(MARK)) continue
    await writeAtomically(file, redirectPage(newUrl))
    pages++
  }
  const mapFile = join(root, 'fabu-old-urls.map')
  await writeAtomically(
    mapFile,
    `# 旧网址到新网址 / old URLs to new, written by fabu import. In nginx's http block:\n#   include ${mapFile};\n# and in the server block: if ($fabu_old_url) { return 301 $fabu_old_url; }\nmap $request_uri $fabu_old_url {\n    default "";\n${lines.join('\n')}\n}\n`,
  )
  return { pages, mapFile }
}

function decodeSafely(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function redirectPage(newUrl: string): string {
  const url = escapeHtml(newUrl)
  return `<!DOCTYPE html>\n${MARK}\n<html lang="zh-CN"><head><meta charset="utf-8"><title>页面已迁移 / moved</title><link rel="canonical" href="${url}"><meta http-equiv="refresh" content="0; url=${url}"><meta name="robots" content="noindex"></head><body><p>本页已迁移至 / this page moved to <a href="${url}">${url}</a></p></body></html>\n`
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temporary = join(dirname(file), `.${randomUUID()}.tmp`)
  await writeFile(temporary, text)
  await rename(temporary, file)
}

/**
 * Points links between imported articles at their new URLs, once publishing has given them
 * one: an old path in a body becomes the new URL. Saved as an import (audited so), and only
 * where a link changed. Returns how many articles changed.
 */
export async function rewriteImportedLinks(
  store: Store,
  content: Content,
  actor: Actor,
  siteId: number,
): Promise<number> {
  const map = new Map((await oldUrlRedirects(store, content, siteId)).map((r) => [r.oldPath, r.newUrl]))
  let changed = 0
  for (const row of await importedPages(store).articles(siteId)) {
    if (row.articleId === null) continue
    const article = await content.articles.get(row.articleId).catch(() => null)
    if (!article) continue
    const $ = load(`<div id="fabu-body">${article.bodyHtml}</div>`)
    let isChanged = false
    $('#fabu-body a[href]').each((_, element) => {
      const target = map.get($(element).attr('href') ?? '')
      if (target) {
        $(element).attr('href', target)
        isChanged = true
      }
    })
    if (!isChanged) continue
    await content.articles.update(
      actor,
      article.id,
      { bodyHtml: $('#fabu-body').html() ?? '', baseRevision: article.revision },
      { importedFrom: row.sourceUrl },
    )
    changed++
  }
  return changed
}
