import { Liquid } from 'liquidjs'
import { formatZonedMinute } from '../content/index.ts'
import type { SiteRenderContext } from './render-context.ts'
import type { Theme } from './theme.ts'

/** LiquidJS's own limits: cooperative, so the worker's deadline and heap cap stand behind them. */
export const LIQUID_LIMITS = {
  parseLimit: 2_000_000,
  renderLimit: 2_000,
  memoryLimit: 64_000_000,
} as const

export interface DependencyRecorder {
  /** Data keys the page read while rendering, beyond what the planner gave it. */
  readonly keys: Set<string>
}

/**
 * A LiquidJS engine over a theme's templates, held in memory: no file system, no JavaScript,
 * output escaped unless a template says `| raw`, only own properties of the plain data.
 */
export function createLiquidEngine(
  theme: Theme,
  context: SiteRenderContext,
  recorder: DependencyRecorder,
): Liquid {
  const engine = new Liquid({
    templates: { ...theme.templates },
    extname: '',
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: 'escape',
    cache: true,
    ...LIQUID_LIMITS,
  })
  const zone = context.site.timeZone
  const minute = (iso: unknown) => (typeof iso === 'string' && iso ? formatZonedMinute(iso, zone) : '')
  engine.registerFilter('minute', minute)
  engine.registerFilter('date_only', (iso: unknown) => minute(iso).slice(0, 10))
  // The seed page's print view writes the date as `2017 -12 -14`.
  engine.registerFilter('print_date', (iso: unknown) => minute(iso).slice(0, 10).replaceAll('-', ' -'))
  engine.registerFilter('newest', (column: unknown, count: unknown) => {
    const id = resolveColumnId(context, column)
    if (id === null) return []
    recorder.keys.add(`newest:${id}`)
    const limit = Math.max(0, Math.min(Number(count) || 10, 50))
    return (context.newest[id] ?? []).slice(0, limit)
  })
  return engine
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
