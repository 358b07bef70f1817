import { type Context, type Emitter, Liquid, RenderTag, type TagToken, type TopLevelToken } from 'liquidjs'
import { FIELD_NAME, formatZonedMinute } from '../../markup/index.ts'
import { limitGrowth } from './growth-limits.ts'
import {
  type FieldQuery,
  fieldQueryKey,
  NEWEST_LIMIT,
  newestQuery,
  type SiteRenderContext,
} from './render-context.ts'
import type { Theme } from './theme.ts'

/** LiquidJS's own limits: cooperative, so the render process's deadline and heap cap stand behind them. */
export const LIQUID_LIMITS = {
  parseLimit: 2_000_000,
  renderLimit: 2_000,
  memoryLimit: 64_000_000,
} as const

export interface DependencyRecorder {
  /** Data keys the page read while rendering, beyond what the planner gave it. */
  readonly keys: Set<string>
  /** Field queries the page asked that the run has not answered yet, by query key. */
  readonly missing: Map<string, FieldQuery>
  /**
   * Set by the engine: records a key as read by the page and by every partial being rendered
   * (so a remembered partial replays it), for data read outside the engine's own filters.
   */
  read?: (key: string) => void
}

/**
 * The publish run an engine renders for. An engine outlives its run (a server's render
 * process keeps it, parsed templates and all, while the theme stays the same), so what belongs
 * to a run is read from here: the run's data, and a generation that empties the partials'
 * memo when the next run starts (its data may differ: a renamed column in the navigation).
 */
export interface EngineRun {
  context: SiteRenderContext
  generation: number
}

/** Partials rendered with the same arguments more often than this per run are not all remembered. */
const MEMO_ENTRIES_PER_TAG = 256

/**
 * A LiquidJS engine over a theme's templates, held in memory: no file system, no JavaScript,
 * output escaped unless a template says `| raw`, only own properties of the plain data.
 */
export function createLiquidEngine(theme: Theme, run: EngineRun, recorder: DependencyRecorder): Liquid {
  const engine = new Liquid({
    templates: { ...theme.templates },
    extname: '',
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: 'escape',
    cache: true,
    ...LIQUID_LIMITS,
  })
  limitGrowth(engine)
  const minute = (iso: unknown) =>
    typeof iso === 'string' && iso ? formatZonedMinute(iso, run.context.site.timeZone) : ''
  engine.registerFilter('minute', minute)
  engine.registerFilter('date_only', (iso: unknown) => minute(iso).slice(0, 10))
  // The seed page's print view writes the date as `2017 -12 -14`.
  engine.registerFilter('print_date', (iso: unknown) => minute(iso).slice(0, 10).replaceAll('-', ' -'))
  const captures: Set<string>[] = []
  const read = (key: string) => {
    recorder.keys.add(key)
    for (const capture of captures) capture.add(key)
  }
  recorder.read = read
  // Counts every unanswered ask, not distinct queries: a partial asking what its page already
  // asked must not be remembered either.
  let misses = 0
  engine.registerTag(
    'render',
    memoizedRender(run, captures, read, () => misses),
  )
  engine.registerFilter('newest', (column: unknown, count: unknown) => {
    const id = resolveColumnId(run.context, column)
    if (id === null) return []
    read(`newest:${id}`)
    const query = newestQuery(id)
    const key = fieldQueryKey(query)
    const newest = run.context.newest[id] ?? run.context.queried[key]
    if (newest) return newest.slice(0, listLimit(count))
    recorder.missing.set(key, query)
    misses++
    return []
  })
  // A column's newest articles whose custom field has the value, pinned first. Templates ask
  // for any field and value, so the answers come from the store as pages ask, once per run.
  engine.registerFilter('newest_where', (column: unknown, field: unknown, value: unknown, count: unknown) => {
    if (typeof field !== 'string' || !FIELD_NAME.test(field)) {
      throw new Error(`newest_where: "${String(field)}" is not a custom field name`)
    }
    const id = resolveColumnId(run.context, column)
    if (id === null) return []
    read(`newest:${id}`)
    const query: FieldQuery = { columnId: id, field, value: value == null ? '' : String(value) }
    const key = fieldQueryKey(query)
    const answer = run.context.queried[key]
    if (answer) return answer.slice(0, listLimit(count))
    recorder.missing.set(key, query)
    misses++
    return []
  })
  return engine
}

/** How many articles a list filter gives: 10 unless asked, at most what the run holds. */
function listLimit(count: unknown): number {
  return Math.max(0, Math.min(Number(count) || 10, NEWEST_LIMIT))
}

function resolveColumnId(context: SiteRenderContext, column: unknown): number | null {
  if (typeof column === 'number') return context.columns[column] ? column : null
  if (typeof column === 'string') {
    if (/^\d+$/.test(column)) return context.columns[Number(column)] ? Number(column) : null
    const path = column.replace(/^\/+|\/+$/g, '')
    const found = Object.values(context.columns).find((c) => c.path === path)
    return found ? found.id : null
  }
  return null
}

/** JSON of each object argument, once per object: the run's `site` is one object for all pages. */
const jsonOfObject = new WeakMap<object, string>()

function keyOf(args: Record<string, unknown>): string {
  let key = ''
  for (const name of Object.keys(args)) {
    const value = args[name]
    let json: string | undefined
    if (typeof value === 'object' && value !== null) {
      json = jsonOfObject.get(value)
      if (json === undefined) {
        json = JSON.stringify(value)
        jsonOfObject.set(value, json)
      }
    } else json = JSON.stringify(value)
    key += `${name}=${json}\u0000`
  }
  return key
}

/**
 * `{% render %}` that remembers a partial's output per run. A rendered partial sees only its
 * arguments (its scope is isolated) and the run's fixed data, so the same arguments give the
 * same output: the header, footer and breadcrumb of thousands of pages are rendered once per
 * column instead of once per page. The data keys the partial read are replayed on every use,
 * so the planner's dependencies stay exact.
 */
function memoizedRender(
  run: EngineRun,
  captures: Set<string>[],
  read: (key: string) => void,
  missingCount: () => number,
) {
  return class MemoizedRender extends RenderTag {
    readonly #memo = new Map<string, { readonly html: string; readonly keys: readonly string[] }>()
    #generation = run.generation

    constructor(
      token: TagToken,
      remainTokens: TopLevelToken[],
      liquid: Liquid,
      parser: ConstructorParameters<typeof RenderTag>[3],
    ) {
      super(token, remainTokens, liquid, parser)
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const self = this as unknown as {
        file: unknown
        with?: unknown
        forBinding?: unknown
        hash: { render(ctx: Context): unknown }
      }
      if (typeof self.file !== 'string' || self.with || self.forBinding) {
        yield* super.render(ctx, emitter) as Generator<unknown, void, unknown>
        return
      }
      const args = yield self.hash.render(ctx)
      let key: string
      try {
        key = `${self.file}\u0000${keyOf(args as Record<string, unknown>)}`
      } catch {
        // Arguments that are not plain data (none of the default theme's): no memo.
        yield* super.render(ctx, emitter) as Generator<unknown, void, unknown>
        return
      }
      if (this.#generation !== run.generation) {
        this.#memo.clear()
        this.#generation = run.generation
      }
      const known = this.#memo.get(key)
      if (known) {
        for (const dep of known.keys) read(dep)
        emitter.write(known.html)
        return
      }
      const capture = new Set<string>()
      const missingBefore = missingCount()
      captures.push(capture)
      const sink = { buffer: '', write: (html: unknown) => (sink.buffer += html == null ? '' : String(html)) }
      try {
        yield* super.render(ctx, sink as unknown as Emitter) as Generator<unknown, void, unknown>
      } finally {
        captures.splice(captures.indexOf(capture), 1)
      }
      // Output made without a query's answer is rendered again once it comes: not remembered.
      if (this.#memo.size < MEMO_ENTRIES_PER_TAG && missingCount() === missingBefore)
        this.#memo.set(key, { html: sink.buffer, keys: [...capture] })
      emitter.write(sink.buffer)
    }
  }
}
