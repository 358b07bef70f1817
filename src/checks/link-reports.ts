import { type Content, canReadSite, type Principal, type SiteRef } from '../content/index.ts'
import { NotFoundError } from '../errors/index.ts'
import { pageLinks } from '../markup/index.ts'
import type { Store } from '../store/index.ts'
import { checkExternalLinks, type LinkCheckOptions, type LinkOutcome } from './external-links.ts'
import { linkTarget } from './link-target.ts'

/** A published page that links to an article. */
export interface LinkingPage {
  readonly path: string
  /** The page's address on the site. */
  readonly url: string
  readonly kind: string
  /** The article the page is about (an article page), with its title. */
  readonly articleId: number | null
  readonly title: string | null
}

/** An internal link or image of a published page that leads to no file, as a run found it. */
export interface BrokenLink {
  readonly runId: number
  readonly path: string
  readonly articleId: number | null
  readonly title: string | null
  /** The article's last editor: the one to tell. */
  readonly editor: string | null
  readonly element: string
  readonly href: string
}

/** What a broken link report reads of `broken_links` (joined with its article) in each query. */
const BROKEN_LINK_COLUMNS = [
  'broken_links.run_id',
  'broken_links.path',
  'broken_links.article_id',
  'articles.title',
  'broken_links.editor',
  'broken_links.element',
  'broken_links.href',
] as const

function toBrokenLink(row: {
  readonly run_id: number
  readonly path: string
  readonly article_id: number | null
  readonly title: string | null | undefined
  readonly editor: string | null
  readonly element: string
  readonly href: string
}): BrokenLink {
  return {
    runId: row.run_id,
    path: row.path,
    articleId: row.article_id,
    title: row.title ?? null,
    editor: row.editor,
    element: row.element,
    href: row.href,
  }
}

export interface ExternalLinkFinding {
  readonly articleId: number
  readonly title: string
  readonly url: string
  readonly outcome: LinkOutcome
  readonly status: number | null
  readonly location: string | null
  readonly detail: string | null
}

/** The latest external link check of a site: broken and redirected links per article. */
export interface ExternalLinkReport {
  readonly checkId: number
  readonly siteId: number
  readonly startedAt: string
  readonly finishedAt: string
  readonly checked: number
  readonly broken: number
  readonly redirected: number
  /** Every link that is not plainly fine (ok links are counted only). */
  readonly findings: readonly ExternalLinkFinding[]
}

export interface LinkReports {
  /** The published pages that link to the article: shown before it is deleted or withdrawn. */
  linkedFrom(principal: Principal, articleId: number): Promise<readonly LinkingPage[]>
  /** What a publish run found broken. */
  brokenLinks(principal: Principal, runId: number): Promise<readonly BrokenLink[]>
  /** Checks the external links of a site's published articles now and stores the report. */
  checkExternal(principal: Principal, site: SiteRef, options?: LinkCheckOptions): Promise<ExternalLinkReport>
  /** The site's latest external link report, or null before the first check. */
  latestExternal(principal: Principal, site: SiteRef): Promise<ExternalLinkReport | null>
}

export function createLinkReports(store: Store, content: Content): LinkReports {
  async function readableSite(principal: Principal, ref: SiteRef) {
    const site = await content.sites.get(ref)
    if (!canReadSite(principal.access, site.id)) throw new NotFoundError('site', ref)
    return site
  }

  return {
    async linkedFrom(principal, articleId) {
      const article = await store.db
        .selectFrom('articles')
        .select(['id', 'site_id', 'url_path'])
        .where('id', '=', articleId)
        .executeTakeFirst()
      if (!article || !canReadSite(principal.access, article.site_id))
        throw new NotFoundError('article', articleId)
      if (!article.url_path) return []
      const site = await content.sites.get(article.site_id)
      const rows = await store.db
        .selectFrom('page_links')
        .innerJoin('published_pages', (join) =>
          join
            .onRef('published_pages.site_id', '=', 'page_links.site_id')
            .onRef('published_pages.path', '=', 'page_links.path'),
        )
        .leftJoin('articles', (join) =>
          join
            .onRef('articles.id', '=', 'published_pages.ref_id')
            .on('published_pages.kind', 'in', ['article', 'print']),
        )
        .select(['page_links.path', 'published_pages.kind', 'articles.id as article_id', 'articles.title'])
        .where('page_links.site_id', '=', article.site_id)
        .where('page_links.target', '=', article.url_path)
        .orderBy('page_links.path')
        .execute()
      const base = site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`
      return rows
        .filter((row) => row.article_id !== articleId)
        .map((row) => ({
          path: row.path,
          url: new URL(row.path.replace(/(^|\/)index\.html$/, '$1'), base).href,
          kind: row.kind,
          articleId: row.article_id ?? null,
          title: row.title ?? null,
        }))
    },

    async brokenLinks(principal, runId) {
      const run = await store.db
        .selectFrom('publish_runs')
        .select(['id', 'site_id'])
        .where('id', '=', runId)
        .executeTakeFirst()
      if (!run || !canReadSite(principal.access, run.site_id)) throw new NotFoundError('job', runId)
      const rows = await store.db
        .selectFrom('broken_links')
        .leftJoin('articles', 'articles.id', 'broken_links.article_id')
        .select(BROKEN_LINK_COLUMNS)
        .where('broken_links.run_id', '=', runId)
        .orderBy('broken_links.id')
        .limit(5000)
        .execute()
      return rows.map(toBrokenLink)
    },

    async checkExternal(principal, ref, options) {
      const site = await readableSite(principal, ref)
      return checkSiteExternalLinks(store, site, options)
    },

    async latestExternal(principal, ref) {
      const site = await readableSite(principal, ref)
      return latestLinkReport(store, site.id)
    },
  }
}

/**
 * Checks the external links of a site's published articles (their bodies' `a[href]` and
 * `img[src]` leading off the site) and stores what was found. Each distinct URL is asked once.
 */
export async function checkSiteExternalLinks(
  store: Store,
  site: { readonly id: number; readonly baseUrl: string },
  options: LinkCheckOptions = {},
): Promise<ExternalLinkReport> {
  const startedAt = new Date().toISOString()
  const byUrl = new Map<string, number[]>()
  let lastId = 0
  // A page of articles at a time: a large site's bodies are never all in memory.
  for (;;) {
    const rows = await store.db
      .selectFrom('articles')
      .select(['id', 'body_html', 'url_path'])
      .where('site_id', '=', site.id)
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null)
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(500)
      .execute()
    if (rows.length === 0) break
    for (const row of rows) {
      lastId = row.id
      for (const url of externalLinksOf(row.body_html, row.url_path ?? '', site.baseUrl)) {
        const ids = byUrl.get(url) ?? []
        if (!ids.includes(row.id)) ids.push(row.id)
        byUrl.set(url, ids)
      }
    }
  }
  const results = await checkExternalLinks([...byUrl.keys()], options)
  const findings = results.filter((result) => result.outcome !== 'ok')
  const finishedAt = new Date().toISOString()
  const checkId = await store.transaction(async (tx) => {
    const row = await tx
      .insertInto('external_link_checks')
      .values({
        site_id: site.id,
        started_at: startedAt,
        finished_at: finishedAt,
        checked: results.length,
        broken: results.filter((result) => isBroken(result.outcome)).length,
        redirected: results.filter((result) => result.outcome === 'redirect').length,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const values = findings.flatMap((result) =>
      (byUrl.get(result.url) ?? []).map((articleId) => ({
        check_id: row.id,
        article_id: articleId,
        url: result.url.slice(0, 2000),
        outcome: result.outcome,
        status: result.status,
        location: result.location?.slice(0, 2000) ?? null,
        detail: result.detail?.slice(0, 500) ?? null,
      })),
    )
    for (let i = 0; i < values.length; i += 200)
      await tx
        .insertInto('external_link_results')
        .values(values.slice(i, i + 200))
        .execute()
    return row.id
  })
  return (await reportOf(store, checkId)) as ExternalLinkReport
}

/** broken, timeout, refused and unusable links count as broken; a redirect is reported apart. */
function isBroken(outcome: LinkOutcome): boolean {
  return outcome !== 'ok' && outcome !== 'redirect'
}

/** The http(s) links and images of a body that lead off the site, each once. */
export function externalLinksOf(bodyHtml: string, pagePath: string, baseUrl: string): string[] {
  if (!bodyHtml.includes('http')) return []
  const urls = new Set<string>()
  for (const { href } of pageLinks(bodyHtml)) {
    if (!/^https?:\/\//i.test(href)) continue
    if (linkTarget(href, pagePath, baseUrl) !== null) continue
    try {
      const url = new URL(href)
      url.hash = ''
      urls.add(url.href)
    } catch {
      // Not a URL a browser would follow either; the inspection's validator reports it.
    }
  }
  return [...urls]
}

/**
 * The broken internal links the site's pages hold now, as the publish runs found them: for each
 * page, what the latest run that wrote it (or removed a page it links to) recorded. For the
 * inspection's report (检查指标自查).
 */
export async function currentBrokenLinks(store: Store, siteId: number): Promise<readonly BrokenLink[]> {
  const rows = await store.db
    .selectFrom('broken_links')
    .innerJoin('published_pages', (join) =>
      join
        .onRef('published_pages.site_id', '=', 'broken_links.site_id')
        .onRef('published_pages.path', '=', 'broken_links.path'),
    )
    .innerJoin('publish_runs', 'publish_runs.id', 'broken_links.run_id')
    .leftJoin('articles', 'articles.id', 'broken_links.article_id')
    .select(BROKEN_LINK_COLUMNS)
    .where('broken_links.site_id', '=', siteId)
    // Found by a run since the page was last written: a page written again was checked again.
    .whereRef('publish_runs.started_at', '>=', 'published_pages.written_at')
    .orderBy('broken_links.path')
    .orderBy('broken_links.run_id', 'desc')
    .limit(5000)
    .execute()
  const seen = new Set<string>()
  const current = rows.filter((row) => {
    const key = `${row.path} ${row.element} ${row.href}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return current.map(toBrokenLink)
}

/**
 * The latest external link report of a site, or null before the first check: for the
 * inspection's report (检查指标自查) and the admin.
 */
export async function latestLinkReport(store: Store, siteId: number): Promise<ExternalLinkReport | null> {
  const latest = await store.db
    .selectFrom('external_link_checks')
    .select('id')
    .where('site_id', '=', siteId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return latest ? reportOf(store, latest.id) : null
}

async function reportOf(store: Store, checkId: number): Promise<ExternalLinkReport | null> {
  const check = await store.db
    .selectFrom('external_link_checks')
    .selectAll()
    .where('id', '=', checkId)
    .executeTakeFirst()
  if (!check) return null
  const rows = await store.db
    .selectFrom('external_link_results')
    .innerJoin('articles', 'articles.id', 'external_link_results.article_id')
    .select([
      'external_link_results.article_id',
      'articles.title',
      'external_link_results.url',
      'external_link_results.outcome',
      'external_link_results.status',
      'external_link_results.location',
      'external_link_results.detail',
    ])
    .where('external_link_results.check_id', '=', checkId)
    .orderBy('external_link_results.article_id')
    .orderBy('external_link_results.url')
    .execute()
  return {
    checkId: check.id,
    siteId: check.site_id,
    startedAt: check.started_at,
    finishedAt: check.finished_at,
    checked: check.checked,
    broken: check.broken,
    redirected: check.redirected,
    findings: rows.map((row) => ({
      articleId: row.article_id,
      title: row.title,
      url: row.url,
      outcome: row.outcome as LinkOutcome,
      status: row.status,
      location: row.location,
      detail: row.detail,
    })),
  }
}
