import { createHash } from 'node:crypto'
import type { Actor, ArticleInput, Content } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { columnMaker } from './column-maker.ts'
import { type CrawlEvent, type CrawlState, crawlSite } from './crawl-site.ts'
import type { ExtractedArticle } from './extract-article.ts'
import { importAssets, type StoredFile } from './import-assets.ts'
import type { ImportOutcome, ImportReport, ImportRow } from './import-report.ts'
import { importedPages } from './imported-pages.ts'
import { oldPathOf } from './old-path-of.ts'
import type { PageSource } from './page-source.ts'

export interface ImportOptions {
  readonly siteId: number
  readonly source: PageSource
  /** What the user gave (URL or folder), to find the run again with `--resume`. */
  readonly sourceLabel: string
  /** The site's uploads folder. */
  readonly uploadsDir: string
  /** The upload size limit (the server's); 20 MB by default. */
  readonly maxUploadBytes?: number
  readonly isDryRun?: boolean
  /** `YYYY-MM-DD`: articles published before it are skipped. */
  readonly since?: string | null
  readonly concurrency?: number
  readonly maxPages?: number
  readonly resumes?: boolean
  /** After each row; `pending` is how many pages the crawl has still to read (it grows as pages link on). */
  readonly onProgress?: (
    row: ImportRow,
    counts: Readonly<Record<ImportOutcome, number>>,
    pending: number,
  ) => void
}

/** The column an article lands in when its page names none. */
const FALLBACK_COLUMN = '导入文章'

/**
 * Imports an old site into a fabu site: reads it through `source`, creates the column tree its
 * breadcrumbs show, and saves each article through the content services (so the sanitizer,
 * the disclosure rules and the audit log apply), published as it was. A page imported before
 * is updated when it changed and left alone when not; a failure is recorded and the run goes on.
 */
export async function importSite(
  content: Content,
  store: Store,
  actor: Actor,
  options: ImportOptions,
): Promise<ImportReport> {
  const pages = importedPages(store)
  const { source, siteId } = options
  const isDryRun = options.isDryRun ?? false
  const rows: ImportRow[] = []
  const counts = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    'would import': 0,
    'would update': 0,
  } satisfies Record<ImportOutcome, number>
  let pending = 0
  const record = (row: ImportRow) => {
    rows.push(row)
    counts[row.outcome]++
    options.onProgress?.(row, counts, pending)
  }

  const resumed = options.resumes && !isDryRun ? await pages.unfinishedRun(siteId, options.sourceLabel) : null
  const runId = isDryRun
    ? null
    : (resumed?.id ?? (await pages.startRun(siteId, options.sourceLabel, actor.name, now())))
  const known = await pages.all(siteId)
  const columns = columnMaker(content, store, actor, siteId, isDryRun)
  const files = new Map<string, StoredFile | null>()
  let columnOrder: readonly string[] = []

  async function onArticle(event: Extract<CrawlEvent, { type: 'article' }>) {
    const { article, url } = event
    if (!article.title)
      return record({ url, kind: 'article', outcome: 'failed', title: '', reason: '没有标题 / no title' })
    if (options.since && article.publishAt && article.publishAt.slice(0, 10) < options.since) {
      return record({
        url,
        kind: 'article',
        outcome: 'skipped',
        title: article.title,
        reason: `早于 / before ${options.since}`,
      })
    }
    const hash = createHash('sha256').update(JSON.stringify(article)).digest('hex')
    const earlier = known.get(url)
    if (earlier?.contentHash === hash)
      return record({
        url,
        kind: 'article',
        outcome: 'unchanged',
        title: article.title,
        articleId: earlier.articleId,
      })
    if (isDryRun)
      return record({
        url,
        kind: 'article',
        outcome: earlier ? 'would update' : 'would import',
        title: article.title,
      })
    try {
      const columnId = await columns.ensure(
        article.trail.length > 0 ? article.trail : [{ name: FALLBACK_COLUMN, url: null }],
      )
      const assets = await importAssets(
        article.bodyHtml,
        source,
        options.uploadsDir,
        files,
        options.maxUploadBytes,
      )
      for (const failure of assets.failures)
        record({ url: failure.url, kind: 'file', outcome: 'failed', title: '', reason: failure.reason })
      const input = articleInput(article, columnId, assets.bodyHtml, assets.attachments)
      const existing = earlier?.articleId
        ? await content.articles.get(earlier.articleId).catch(() => null)
        : null
      const saved = existing
        ? await content.articles.update(
            actor,
            existing.id,
            { ...input, baseRevision: existing.revision },
            { importedFrom: url },
          )
        : await content.articles.create(actor, input, {
            importedFrom: url,
            ...(article.disclosure?.indexNo ? { indexNo: article.disclosure.indexNo } : {}),
          })
      if (saved.status !== 'published') await content.articles.publish(actor, saved.id)
      const page = {
        sourceUrl: url,
        oldPath: oldPathOf(url),
        kind: 'article',
        articleId: saved.id,
        columnId: null,
        contentHash: hash,
      } as const
      await pages.save(siteId, page, now())
      known.set(url, page)
      record({
        url,
        kind: 'article',
        outcome: existing ? 'updated' : 'imported',
        title: article.title,
        articleId: saved.id,
      })
    } catch (error) {
      record({
        url,
        kind: 'article',
        outcome: 'failed',
        title: article.title,
        reason: (error as Error).message,
      })
    }
  }

  const state: CrawlState = await crawlSite(
    source,
    {
      concurrency: options.concurrency ?? 4,
      maxPages: options.maxPages ?? 20_000,
      maxPerPath: 50,
      onPending: (count) => {
        pending = count
      },
      ...(resumed ? { resumeFrom: resumed.state } : {}),
    },
    async (event) => {
      if (event.type === 'article') return onArticle(event)
      if (event.type === 'list') {
        if (source.startUrls.includes(event.url) && columnOrder.length === 0) columnOrder = event.links
        return
      }
      record({
        url: event.url,
        kind: 'page',
        outcome: event.type === 'failed' ? 'failed' : 'skipped',
        title: '',
        reason: event.reason,
      })
    },
    runId === null ? undefined : (current) => pages.saveRun(runId, current, null),
  )
  if (!isDryRun) await columns.order(columnOrder)
  if (runId !== null) await pages.saveRun(runId, state, state.queue.length === 0 ? now() : null)
  return { runId, rows, counts, isComplete: state.queue.length === 0 }
}

function now(): string {
  return new Date().toISOString()
}

function articleInput(
  article: ExtractedArticle,
  columnId: number,
  bodyHtml: string,
  attachments: ArticleInput['attachments'],
): ArticleInput {
  const shown = article.disclosure
  return {
    columnId,
    title: article.title,
    subtitle: article.subtitle,
    source: article.source,
    author: article.author,
    summary: article.summary,
    keywords: [...article.keywords],
    bodyHtml,
    attachments,
    publishAt: article.publishAt,
    disclosure: shown?.issuingAgency
      ? {
          topicCategory: shown.topicCategory || '其他',
          issuingAgency: shown.issuingAgency,
          writtenDate: shown.writtenDate,
          documentNo: shown.documentNo,
        }
      : null,
  }
}
