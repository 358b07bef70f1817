import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { type BrokenLinks, InternalLinkCheck } from '../checks/index.ts'
import type { ColumnTree, Content, Site, SiteRef } from '../content/index.ts'
import { diskFullFrom, InvalidStateError, NotFoundError } from '../errors/index.ts'
import {
  isSearchIndexEmpty,
  startSearchWriter,
  syncInteractionDocuments,
  syncSearchIndex,
} from '../search/index.ts'
import type { ChangeRow, Database, Store } from '../store/index.ts'
import { articleJobs, neighboursOf } from './plan/article-pages.ts'
import { assignUrls } from './plan/assign-urls.ts'
import { fullSiteJobs } from './plan/full-site-jobs.ts'
import { KeptLists, type RunLists } from './plan/kept-lists.ts'
import { letterSearchDocuments } from './plan/letter-pages.ts'
import type { PageJob, PageResult } from './plan/page-job.ts'
import { needsFullPublish, planIncremental } from './plan/plan-incremental.ts'
import { takeSiteSnapshot } from './plan/site-snapshot.ts'
import { PreviewPool, type PreviewWork } from './render/preview-pool.ts'
import type { SiteRenderContext } from './render/render-context.ts'
import { renderFailureWords } from './render/render-failure-words.ts'
import { RenderPool } from './render/render-pool.ts'
import { loadSiteTheme } from './render/site-theme.ts'
import type { Theme } from './render/theme.ts'
import { AtomicWriter } from './write/atomic-write.ts'
import { PublishLease, publisherName } from './write/publish-lease.ts'
import {
  forgetPages,
  hasPublishedPages,
  publishedLookup,
  recordResults,
  stalePages,
} from './write/published-index.ts'

export interface PublishRequest {
  readonly site: SiteRef
  /** `incremental` (the default) renders what pending changes affect; `full` renders every page. */
  readonly mode?: 'full' | 'incremental'
  /** Plan only: report the pages that would be rendered and removed, touch nothing. */
  readonly isDryRun?: boolean
  readonly onProgress?: (done: number) => void
  /**
   * How long to wait for another process publishing the site (default 60 s; 0: fail at once
   * with PUBLISH_IN_PROGRESS, as the server's background loop does, which comes back later).
   */
  readonly leaseWaitMs?: number
}

export interface PublishReport {
  readonly site: string
  readonly mode: 'full' | 'incremental'
  readonly runId: number | null
  readonly planned: readonly string[]
  readonly written: readonly string[]
  readonly unchanged: number
  readonly removed: readonly string[]
  readonly failed: readonly { readonly path: string; readonly error: string }[]
  /** Internal links and images of this run's pages that lead to no file (see checks). */
  readonly brokenLinks?: number
  readonly seconds: number
}

export interface PublisherOptions {
  /** The folder a site's output goes to; default `<dataDir>/sites/<slug>`. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
  /** Where run manifests go, one JSON file per run. */
  readonly manifestDir: string
  readonly workers?: number
  readonly pageDeadlineMs?: number
  /** A page slower than this counts against its template (see MAX_SLOW_PAGES_PER_TEMPLATE). */
  readonly slowPageMs?: number
  readonly themesRoot?: string
  /** Keep the render workers between runs (a server); call close() when done. */
  readonly keepsWorkers?: boolean
  /** Told of every finished run that wrote (not dry runs): the server's /metrics counts them. */
  readonly onReport?: (report: PublishReport) => void
  /**
   * Called once a run is recorded and the site's lease released: the publish targets deliver
   * it from there (src/targets, which publish does not import). A rejection fails the publish
   * call although the run stands, so a hook records its own delivery failures.
   */
  readonly onRunRecorded?: (run: RecordedRun) => Promise<void>
}

/** What a run knows before it assigns URLs: the site's tree and theme, its changes, its mode. */
interface RunBeginning {
  readonly started: number
  readonly startedAt: string
  readonly tree: ColumnTree
  readonly theme: Theme
  readonly changes: readonly ChangeRow[]
  /**
   * Whether a run that never finished had claimed some of the changes: it died part-way, and
   * may have written and recorded pages no finished run knows of.
   */
  readonly isReclaimed: boolean
  readonly mode: 'full' | 'incremental'
}

/** What the pages' part of a run (Publisher.#writePages) leaves for the rest of it. */
interface PagesWritten {
  readonly mode: 'full' | 'incremental'
  readonly added: readonly string[]
  readonly changed: readonly string[]
  readonly unchanged: number
  readonly failed: readonly { readonly path: string; readonly error: string }[]
  readonly removed: readonly string[]
  /** An incremental run's pages as planned (a full run's are every page, not listed). */
  readonly planned: readonly string[]
  readonly brokenLinks: BrokenLinks
  /** The lists a server's publisher keeps for its next run (see KeptLists). */
  readonly newest: SiteRenderContext['newest']
  readonly archivePages: ReadonlyMap<number, number>
  readonly kept: RunLists
}

/** A recorded run, as the onRunRecorded hook hears of it. */
export interface RecordedRun {
  readonly siteId: number
  readonly runId: number
  readonly mode: 'full' | 'incremental'
}

const RESULT_FLUSH = 2000
const LEASE_WAIT_MS = 60_000

/**
 * Publishes sites: consumes the change log, plans the pages, renders them in workers, writes
 * the changed ones atomically and records a manifest. A run that dies part-way leaves its
 * changes unconsumed, so the next run does the work again; unchanged bytes are not rewritten.
 */
export class Publisher {
  readonly #store: Store
  readonly #content: Content
  readonly #options: PublisherOptions
  #pool: RenderPool | undefined
  readonly #previews = new PreviewPool()
  /** A server's publisher keeps its runs' lists for the next (see KeptLists); a one-off run has no next. */
  readonly #keptLists: KeptLists | undefined
  #previousRun: Promise<void> = Promise.resolve()
  /** This publisher's name in the site leases and on the changes it claims. */
  readonly #holder = publisherName()

  constructor(store: Store, content: Content, options: PublisherOptions) {
    this.#store = store
    this.#content = content
    this.#options = options
    this.#keptLists = options.keepsWorkers ? new KeptLists() : undefined
  }

  /**
   * One run at a time: a server's publisher keeps one pool of workers for all its sites, and
   * a run points the pool at its own theme and data (the queue serializes runs per site only).
   */
  publish(request: PublishRequest): Promise<PublishReport> {
    const run = this.#previousRun.then(() => this.#publish(request))
    const onReport = this.#options.onReport
    if (onReport && !request.isDryRun) run.then(onReport, () => {})
    this.#previousRun = run.then(
      () => {},
      () => {},
    )
    return run
  }

  /**
   * Every publish of a site, from any entry point (the CLI, the server's queue and its API
   * jobs, an import), holds the site's lease while it consumes the change log, so two
   * processes never publish one site at once nor mark each other's changes done.
   */
  async #publish(request: PublishRequest): Promise<PublishReport> {
    const site = await this.#content.sites.get(request.site)
    if (request.isDryRun) return this.#publishSite(site, request, null)
    const lease = await PublishLease.take(
      this.#store,
      site.id,
      this.#holder,
      request.leaseWaitMs ?? LEASE_WAIT_MS,
    )
    let result: PublishReport
    try {
      result = await this.#publishSite(site, request, lease)
    } finally {
      await lease.release()
    }
    if (result.runId !== null)
      await this.#options.onRunRecorded?.({ siteId: site.id, runId: result.runId, mode: result.mode })
    return result
  }

  async #publishSite(
    site: Site,
    request: PublishRequest,
    lease: PublishLease | null,
  ): Promise<PublishReport> {
    const started = performance.now()
    const startedAt = new Date().toISOString()
    const tree = await this.#content.columns.tree(site.id)
    // First, before anything is written: a site whose theme is gone fails here, not after its
    // URLs were assigned and its snapshot taken.
    const theme = await loadSiteTheme(this.#store, site, this.#options.themesRoot)
    const { changes, isReclaimed } = lease
      ? await this.#claimChanges(site.id, lease.holder)
      : { changes: await this.#pendingChanges(site.id), isReclaimed: false }
    const hasPublished = await hasPublishedPages(this.#store, site.id)
    let mode = request.mode ?? 'incremental'
    // Nothing published yet, or a change to the site or its columns (navigation, footer, URLs
    // of whole columns): every page is affected.
    if (!hasPublished || needsFullPublish(changes, tree)) mode = 'full'

    // Started now, before the URLs and the snapshot they will render from: a render process
    // takes some 100 ms to be ready, most of a small site's whole publish.
    const early =
      request.isDryRun || (mode === 'incremental' && changes.length === 0) ? undefined : this.#startPool()
    // The run ends by bringing the search index in step: its writer thread loads meanwhile.
    if (early) startSearchWriter(this.#store)
    try {
      return await this.#publishWith(
        site,
        request,
        lease,
        { started, startedAt, tree, theme, changes, isReclaimed, mode },
        early,
      )
    } finally {
      // A run that failed before rendering must not leave its processes behind.
      if (early && !this.#options.keepsWorkers) await early.close()
    }
  }

  async #publishWith(
    site: Site,
    request: PublishRequest,
    lease: PublishLease | null,
    begun: RunBeginning,
    early: RenderPool | undefined,
  ): Promise<PublishReport> {
    const { started, startedAt, theme, changes } = begun
    const articleChanges = articleChangesOf(changes)
    const pages = await this.#writePages(site, request, lease, begun, early)
    if ('dryRun' in pages) return pages.dryRun
    const { mode, added, changed, unchanged, failed, removed, brokenLinks } = pages

    // The search finds what the site shows: brought in step in the same run, before its
    // changes are marked done, so a failure here leaves them to the next run. An empty index
    // (never built, or emptied by an upgrade) is built whole by any run, and so is one asked
    // for (a pending `search` change, which an upgrade leaves): until a run that built it
    // whole has finished, since one cut short leaves an index neither empty nor whole. A
    // whole sync rewrites only the documents that are stale, so the next run resumes it.
    const syncsWholeIndex =
      mode === 'full' ||
      changes.some((change) => change.entity === 'search') ||
      (await isSearchIndexEmpty(this.#store, site.id))
    await syncSearchIndex(this.#store, site.id, syncsWholeIndex ? 'all' : { articleIds: articleChanges })
    // Answered public letters too, where their pages were written (a mailbox change: all of them).
    const letters =
      syncsWholeIndex || changes.some((change) => change.entity === 'mailbox')
        ? 'all'
        : changes.filter((change) => change.entity === 'letter').map((change) => change.entity_id)
    await syncInteractionDocuments(
      this.#store,
      site.id,
      'letter',
      letters,
      await letterSearchDocuments(this.#store, site.id, letters, theme),
    )

    if (!lease) throw new Error('a publish that writes holds its site lease')
    const runId = await this.#finish(lease, site.id, mode, changes, startedAt, {
      added,
      changed,
      unchanged,
      removed,
      failed,
    })
    this.#keptLists?.keep(
      site.id,
      runId,
      pages.newest,
      pages.archivePages,
      mode === 'full' ? { newest: new Map(), archivePages: new Map() } : pages.kept,
    )
    await brokenLinks.record(runId)
    const written = [...added, ...changed]
    return {
      ...report(site.slug, mode, runId, pages.planned, written, unchanged, removed, failed, started),
      brokenLinks: brokenLinks.count,
    }
  }

  /**
   * The pages' part of a run: URLs, the snapshot, rendering and writing, removals, the link
   * check. A method of its own so that what only it needs (the snapshot holds every article's
   * title, URL and date for the lists: some 20 MB at 100,000 articles) can be collected before
   * the search build, the peak of a full publish's memory.
   */
  async #writePages(
    site: Site,
    request: PublishRequest,
    lease: PublishLease | null,
    begun: RunBeginning,
    early: RenderPool | undefined,
  ): Promise<PagesWritten | { readonly dryRun: PublishReport }> {
    const { started, startedAt, tree, theme, changes } = begun
    let mode = begun.mode
    const articleChanges = articleChangesOf(changes)
    const urls = request.isDryRun
      ? { assigned: 0, moved: [] }
      : await assignUrls(
          this.#store,
          { site, tree },
          mode === 'full' ? 'all' : { changedIds: articleChanges },
        )
    const moved = urls.moved
    // Taken after the URLs are fixed: an article enters the lists with its URL.
    const snapshot = await takeSiteSnapshot(this.#store, this.#content, site.id, {
      isFullPublish: mode === 'full',
    })
    // Taken by every run that writes, a full one too: what is kept is then the run's own.
    const kept: RunLists =
      !request.isDryRun && this.#keptLists
        ? await this.#keptLists.forRun(this.#store, site.id, {
            changes,
            isReclaimed: begun.isReclaimed,
            memberColumns: snapshot.memberColumns,
          })
        : { newest: new Map(), archivePages: new Map() }
    if (mode === 'incremental') snapshot.reuseNewest(kept.newest)

    let jobs: AsyncIterable<PageJob> | readonly PageJob[] = []
    let removals: string[] = []
    let archivePages: ReadonlyMap<number, number> = new Map()
    if (mode === 'incremental') {
      const plan = await planIncremental(
        this.#store,
        snapshot,
        publishedLookup(this.#store, site.id),
        changes,
        moved,
        theme,
        kept.archivePages,
      )
      if (plan.needsFullPublish) mode = 'full'
      jobs = plan.jobs
      removals = [...plan.removals]
      archivePages = plan.archivePages
    }
    if (mode === 'full') jobs = fullSiteJobs(this.#store, snapshot, theme)

    const outputRoot = this.#options.outputRootFor(site.slug, site.outputPrefix)
    if (request.isDryRun) {
      const planned: string[] = []
      for await (const job of jobs) planned.push(job.path)
      return { dryRun: report(site.slug, mode, null, planned, [], 0, removals, [], started) }
    }

    // What is published now, so unchanged bytes are left alone: looked up a batch at a time.
    const published = publishedLookup(this.#store, site.id)
    const knownHashes = async (paths: readonly string[]) =>
      new Map((await published.pages(paths)).map((page) => [page.path, page.hash]))
    new AtomicWriter(outputRoot).clearTemporaryFiles()
    const added: string[] = []
    const changed: string[] = []
    const failed: { path: string; error: string }[] = []
    // Links are checked as pages come; what is broken is known once the run's pages are all out.
    const linkCheck = await InternalLinkCheck.start(
      this.#store,
      { siteId: site.id, baseUrl: site.baseUrl, outputRoot },
      { readsWholeIndex: mode === 'full' },
    )
    let rendered = 0
    let unchanged = 0
    let buffer: PageResult[] = []
    const flush = async () => {
      const batch = buffer
      buffer = []
      await recordResults(this.#store, site.id, batch, startedAt)
    }
    const pool = early ?? this.#startPool()
    pool.prepare({ theme, context: snapshot.context, outputRoot })
    try {
      await pool.run(jobs, {
        knownHashes,
        answer: (query) => snapshot.answer(query),
        onResult: (result) => {
          rendered++
          if (result.outcome === 'added') added.push(result.path)
          else if (result.outcome === 'changed') changed.push(result.path)
          else if (result.outcome === 'unchanged') unchanged++
          else failed.push({ path: result.path, error: result.error ?? 'failed' })
          if (result.outcome === 'added' || result.outcome === 'changed')
            linkCheck.add({
              path: result.path,
              kind: result.kind,
              refId: result.refId,
              links: result.links ?? [],
            })
          request.onProgress?.(rendered)
          lease?.noteProgress(rendered)
          buffer.push(result)
          if (buffer.length >= RESULT_FLUSH) return flush()
        },
      })
      await flush()
    } finally {
      if (!this.#options.keepsWorkers) await pool.close()
    }

    // A full run renders every page there is: a page it did not touch (nor fail) is stale.
    if (mode === 'full') {
      const failedPaths = new Set(failed.map((f) => f.path))
      const untouched = await stalePages(this.#store, site.id, startedAt)
      removals.push(...untouched.filter((path) => !failedPaths.has(path)))
    }
    const writer = new AtomicWriter(outputRoot)
    const renderedNow = new Set(mode === 'full' ? [] : (jobs as readonly PageJob[]).map((job) => job.path))
    const removed = [...new Set(removals)].filter((path) => !renderedNow.has(path))
    for (const path of removed) writer.remove(path)
    await forgetPages(this.#store, site.id, removed)
    // Every internal link and image of what was written, against the output as it now is.
    const brokenLinks = await linkCheck.settle(removed)
    if (mode === 'full') await this.#store.refreshStatistics()
    return {
      mode,
      added,
      changed,
      unchanged,
      failed,
      removed,
      planned: mode === 'full' ? [] : (jobs as readonly PageJob[]).map((job) => job.path),
      brokenLinks,
      newest: snapshot.context.newest,
      archivePages,
      kept,
    }
  }

  /**
   * Renders one article as it stands now, a draft too, with its site's theme, for the admin
   * preview. It renders in the publisher's one preview process (templates are untrusted, see
   * PreviewPool) into a throwaway folder, never the site's output, and changes nothing in the
   * store. Throws PREVIEW_BUSY when previews are queued up already.
   */
  async preview(
    articleId: number,
    templateOverrides: Readonly<Record<string, string>> = {},
    kind: 'article' | 'print' = 'article',
    baseHref?: string,
  ): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'fabu-preview-'))
    try {
      let path = ''
      const result = await this.#previews.render(async () => {
        const work = await this.#previewWork(articleId, templateOverrides, kind, folder, baseHref)
        path = work.page.path
        return work
      })
      if (result.outcome === 'failed') {
        const { zh, en } = renderFailureWords(result.error ?? 'failed')
        throw new InvalidStateError({ zh: `预览失败：${zh}`, en: `the preview failed: ${en}` })
      }
      return await readFile(join(folder, path), 'utf8')
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }

  async #previewWork(
    articleId: number,
    templateOverrides: Readonly<Record<string, string>>,
    kind: 'article' | 'print',
    folder: string,
    baseHref: string | undefined,
  ): Promise<PreviewWork> {
    const row = await this.#store.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', articleId)
      .executeTakeFirst()
    if (!row || row.deleted_at !== null) throw new NotFoundError('article', articleId)
    const site = await this.#content.sites.get(row.site_id)
    const snapshot = await takeSiteSnapshot(this.#store, this.#content, site.id, { isFullPublish: false })
    const path = row.url_path ?? `preview/${row.id}.html`
    // A draft without a publish time has no place among its column's articles yet.
    const { prev, next } =
      row.publish_at === null ? { prev: null, next: null } : await neighboursOf(this.#store, snapshot, row)
    const job = articleJobs(snapshot, { ...row, url_path: path }, prev, next)[kind === 'print' ? 1 : 0]
    if (!job) throw new NotFoundError('article', articleId)
    const page = baseHref === undefined ? job : { ...job, baseHref }
    const theme = await loadSiteTheme(this.#store, site, this.#options.themesRoot, templateOverrides)
    return {
      setup: { theme, context: snapshot.context, outputRoot: folder },
      page,
      answer: (query) => snapshot.answer(query),
    }
  }

  /** Stops the render processes the publisher keeps: those of a server's publishes, and the preview's. */
  async close(): Promise<void> {
    await Promise.all([this.#pool?.close(), this.#previews.close()])
    this.#pool = undefined
  }

  /** The kept pool, or a new one whose processes start now and wait for the run's `prepare`. */
  #startPool(): RenderPool {
    if (this.#options.keepsWorkers && this.#pool) return this.#pool
    const pool = new RenderPool({
      ...(this.#options.workers ? { size: this.#options.workers } : {}),
      ...(this.#options.pageDeadlineMs ? { pageDeadlineMs: this.#options.pageDeadlineMs } : {}),
      ...(this.#options.slowPageMs ? { slowPageMs: this.#options.slowPageMs } : {}),
    })
    if (this.#options.keepsWorkers) this.#pool = pool
    return pool
  }

  /** Whether an incremental publish of the site has work: a pending change, or nothing published yet. */
  async hasPendingWork(siteId: number): Promise<boolean> {
    const pending = await this.#store.db
      .selectFrom('changes')
      .select('id')
      .where('site_id', '=', siteId)
      .where('done_at', 'is', null)
      .limit(1)
      .executeTakeFirst()
    return pending !== undefined || !(await hasPublishedPages(this.#store, siteId))
  }

  /** The sites with unpublished changes, each with the id of its newest one. */
  async pendingSites(): Promise<readonly { readonly siteId: number; readonly newestChange: number }[]> {
    const rows = await this.#store.db
      .selectFrom('changes')
      .select(['site_id', (eb) => eb.fn.max('id').as('newest')])
      .where('done_at', 'is', null)
      .groupBy('site_id')
      .execute()
    // PostgreSQL returns max() of a bigint column as a string.
    return rows.map((row) => ({ siteId: row.site_id, newestChange: Number(row.newest) }))
  }

  /**
   * The site's pending changes, claimed for this run: row locks skipped rather than waited
   * for on PostgreSQL, SQLite's one writer on SQLite. Under the site's lease nobody else
   * consumes them; the claim records who took which change, and a change that arrives during
   * the run stays unclaimed for the next one.
   */
  async #claimChanges(
    siteId: number,
    holder: string,
  ): Promise<{ readonly changes: ChangeRow[]; readonly isReclaimed: boolean }> {
    return this.#store.transaction(async (tx) => {
      const changes = await this.#store.forUpdateSkipLocked(pendingChangesOf(tx, siteId)).execute()
      const claimedAt = new Date().toISOString()
      const ids = changes.map((change) => change.id)
      for (let i = 0; i < ids.length; i += 500) {
        await tx
          .updateTable('changes')
          .set({ claimed_by: holder, claimed_at: claimedAt })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()
      }
      return {
        changes: changes.map((change) => ({ ...change, claimed_by: holder, claimed_at: claimedAt })),
        isReclaimed: changes.some((change) => change.claimed_by !== null),
      }
    })
  }

  async #pendingChanges(siteId: number): Promise<ChangeRow[]> {
    return pendingChangesOf(this.#store.db, siteId).execute()
  }

  /** Marks the consumed changes done and records the run with its manifest, in one transaction. */
  async #finish(
    lease: PublishLease,
    siteId: number,
    mode: string,
    changes: readonly ChangeRow[],
    startedAt: string,
    outcome: {
      readonly added: readonly string[]
      readonly changed: readonly string[]
      readonly unchanged: number
      readonly removed: readonly string[]
      readonly failed: readonly { readonly path: string; readonly error: string }[]
    },
  ): Promise<number> {
    const finishedAt = new Date().toISOString()
    const manifest = {
      added: outcome.added,
      changed: outcome.changed,
      removed: outcome.removed,
      failed: outcome.failed,
    }
    const runId = await this.#store.transaction(async (tx) => {
      await lease.confirmHeld(tx)
      const ids = changes.map((change) => change.id)
      for (let i = 0; i < ids.length; i += 500) {
        await tx
          .updateTable('changes')
          .set({ done_at: finishedAt })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()
      }
      const row = await tx
        .insertInto('publish_runs')
        .values({
          site_id: siteId,
          mode,
          started_at: startedAt,
          finished_at: finishedAt,
          written: outcome.added.length + outcome.changed.length,
          unchanged: outcome.unchanged,
          removed: outcome.removed.length,
          errors: outcome.failed.length,
          manifest: JSON.stringify(manifest),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    const manifestPath = join(this.#options.manifestDir, `run-${String(runId).padStart(6, '0')}.json`)
    try {
      mkdirSync(this.#options.manifestDir, { recursive: true })
      writeFileSync(
        manifestPath,
        `${JSON.stringify({ runId, siteId, mode, startedAt, finishedAt, unchanged: outcome.unchanged, ...manifest }, null, 2)}\n`,
      )
    } catch (error) {
      // Node's write errors name no path; the operator needs to know which disk is full.
      throw diskFullFrom(error, manifestPath) ?? error
    }
    return runId
  }
}

function report(
  site: string,
  mode: 'full' | 'incremental',
  runId: number | null,
  planned: readonly string[],
  written: readonly string[],
  unchanged: number,
  removed: readonly string[],
  failed: readonly { path: string; error: string }[],
  started: number,
): PublishReport {
  return {
    site,
    mode,
    runId,
    planned,
    written,
    unchanged,
    removed,
    failed,
    seconds: (performance.now() - started) / 1000,
  }
}

/** The ids of the articles a run's changes are about. */
function articleChangesOf(changes: readonly ChangeRow[]): number[] {
  return changes.filter((change) => change.entity === 'article').map((change) => change.entity_id)
}

/** The site's changes not yet published, oldest first: what a run consumes. */
function pendingChangesOf(db: Kysely<Database>, siteId: number) {
  return db
    .selectFrom('changes')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('done_at', 'is', null)
    .orderBy('id')
}
