import { hash as digest } from 'node:crypto'
import type { Liquid } from 'liquidjs'
import { pageLinks } from '../../markup/index.ts'
import type { PageJob, PageKind, PageResult } from '../plan/page-job.ts'
import { AtomicWriter } from '../write/atomic-write.ts'
import { columnKey, withColumnReads } from './column-reads.ts'
import { createLiquidEngine, type DependencyRecorder, type EngineRun } from './liquid-engine.ts'
import { type PublishedBody, publishBodyWithText } from './publish-body.ts'
import { withPublishedBody, withPublishedColumnBodies } from './published-bodies.ts'
import type { ArticleSummary, SiteRenderContext } from './render-context.ts'
import { type Theme, templateClosure } from './theme.ts'
import { withBaseHref } from './with-base-href.ts'

/** LiquidJS's memory limit alone let a 20 MB capture through; no page is that large. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024

/**
 * Renders pages and writes those whose bytes changed. Runs inside a render worker, which is
 * what stands between an untrusted template and the process: this class trusts its inputs.
 */
export class PageRenderer {
  readonly #engine: Liquid
  readonly #recorder: DependencyRecorder = { keys: new Set(), missing: new Map() }
  readonly #run: EngineRun
  readonly #theme: Theme
  #writer: AtomicWriter
  readonly #closures = new Map<string, readonly string[]>()
  #lastBody: { readonly stored: string; readonly published: PublishedBody } | undefined

  constructor(theme: Theme, context: SiteRenderContext, outputRoot: string) {
    this.#theme = theme
    this.#run = { context: this.#prepared(context), generation: 0 }
    this.#engine = createLiquidEngine(theme, this.#run, this.#recorder)
    this.#writer = new AtomicWriter(outputRoot)
  }

  /** Whether the renderer's engine was made from these templates, so a run of theirs can keep it. */
  hasTemplatesOf(theme: Theme): boolean {
    const mine = this.#theme.templates
    const names = Object.keys(theme.templates)
    return (
      names.length === Object.keys(mine).length &&
      names.every((name) => Object.hasOwn(mine, name) && mine[name] === theme.templates[name])
    )
  }

  /**
   * The next publish run, with the same templates: the engine keeps what it parsed (a
   * one-article publish spent more on parsing templates again than on rendering its pages).
   */
  startRun(context: SiteRenderContext, outputRoot: string): void {
    this.#run.context = this.#prepared(context)
    this.#run.generation++
    this.#writer = new AtomicWriter(outputRoot)
    this.#lastBody = undefined
  }

  /** A shallow copy: the field-query answers (`queried`) stay one object with the caller's. */
  #prepared(context: SiteRenderContext): SiteRenderContext {
    return withColumnReads(withPublishedColumnBodies(context), (key) => this.#recorder.read?.(key))
  }

  render(job: PageJob, knownHash: string | undefined): PageResult {
    const templates = job.template ? this.#templatesOf(job.template) : []
    this.#recorder.keys.clear()
    this.#recorder.missing.clear()
    let body: string | Uint8Array
    try {
      body = job.template === null ? (job.data as string | Uint8Array) : this.#renderTemplate(job)
    } catch (error) {
      return {
        ...this.#base(job, templates),
        outcome: 'failed',
        hash: '',
        error: describeError(error, job.template),
      }
    }
    if (this.#recorder.missing.size > 0) {
      return {
        ...this.#base(job, templates),
        outcome: 'needs-data',
        hash: '',
        needs: [...this.#recorder.missing.values()],
      }
    }
    // Encoded once, for the hash and the file both.
    const bytes = typeof body === 'string' ? Buffer.from(body) : body
    const hash = digest('sha1', bytes, 'base64url')
    const deps = [...job.deps, ...withoutOwnColumn(this.#recorder.keys, job)]
    if (hash === knownHash) return { ...this.#base(job, templates), outcome: 'unchanged', hash, deps }
    try {
      this.#writer.write(job.path, bytes)
    } catch (error) {
      return {
        ...this.#base(job, templates),
        outcome: 'failed',
        hash: '',
        deps,
        error: `write ${job.path}: ${(error as Error).message}`,
      }
    }
    return {
      ...this.#base(job, templates),
      outcome: knownHash === undefined ? 'added' : 'changed',
      hash,
      deps,
      ...(typeof body === 'string' && HTML_KINDS.has(job.kind) ? { links: pageLinks(body) } : {}),
    }
  }

  /** Answers to field queries, for the pages that asked them to be rendered again. */
  addAnswers(answers: Readonly<Record<string, readonly ArticleSummary[]>>): void {
    Object.assign(this.#run.context.queried, answers)
  }

  #renderTemplate(job: PageJob): string {
    const data = this.#withPublishedColumn(job.data as Record<string, unknown>)
    const scope = {
      site: this.#run.context.site,
      ...(job.storedBody === undefined ? data : this.#withBody(data, job.storedBody)),
    }
    const rendered = this.#engine.renderFileSync(job.template ?? '', scope) as string
    const html = job.baseHref === undefined ? rendered : withBaseHref(rendered, job.baseHref)
    if (html.length > MAX_PAGE_BYTES) {
      throw new Error(`page larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB (${job.template})`)
    }
    return html
  }

  /**
   * A job's `column` is the run's view of that column, as the planner copied it; the page
   * shows the renderer's own copy, whose single-page body is published (withPublishedColumnBodies).
   */
  #withPublishedColumn(data: Record<string, unknown>): Record<string, unknown> {
    const column = data.column as { readonly id?: number } | undefined
    const published = column?.id === undefined ? undefined : this.#run.context.columns[column.id]
    return published ? { ...data, column: published } : data
  }

  /** The article page and its print view come one after the other: their body is published once. */
  #withBody(data: Record<string, unknown>, storedBody: string): Record<string, unknown> {
    if (this.#lastBody?.stored !== storedBody) {
      this.#lastBody = { stored: storedBody, published: publishBodyWithText(storedBody) }
    }
    return withPublishedBody(data, storedBody, this.#lastBody.published)
  }

  #templatesOf(template: string): readonly string[] {
    let closure = this.#closures.get(template)
    if (!closure) {
      closure = templateClosure(this.#theme, template)
      this.#closures.set(template, closure)
    }
    return closure
  }

  #base(job: PageJob, templates: readonly string[]) {
    return { path: job.path, kind: job.kind, refId: job.refId, templates, deps: job.deps }
  }
}

/** A page's reads of its own column need no key: the planner finds a column's pages without one. */
function withoutOwnColumn(keys: ReadonlySet<string>, job: PageJob): string[] {
  const own = ownColumnOf(job)
  const ownKey = own === undefined ? undefined : columnKey(own)
  return [...keys].filter((key) => key !== ownKey)
}

/** A list, single page or feed is its column's (refId); an article page's column is in its data. */
function ownColumnOf(job: PageJob): number | undefined {
  if (job.kind === 'list' || job.kind === 'page' || job.kind === 'feed') return job.refId ?? undefined
  if (typeof job.data !== 'object' || job.data === null || job.data instanceof Uint8Array) return undefined
  const column = (job.data as { readonly column?: { readonly id?: unknown } }).column
  return typeof column?.id === 'number' ? column.id : undefined
}

/** Pages a visitor reads, whose links the run checks (a print view repeats its article's). */
const HTML_KINDS: ReadonlySet<PageKind> = new Set(['home', 'list', 'page', 'article', 'notfound'])

/** LiquidJS names the file, line and column; keep its words, and name the template when it did not. */
function describeError(error: unknown, template: string | null): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.includes('.liquid') || !template ? message : `${message} (${template})`
}
