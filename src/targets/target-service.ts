import { type Actor, type Content, recordAudit, type Site, type SiteRef } from '../content/index.ts'
import { AlreadyExistsError, NotFoundError, ValidationError } from '../errors/index.ts'
import { isUniqueViolation, type Store } from '../store/index.ts'
import { type DeliveryOutcome, deliverTarget, specOf } from './deliver-target.ts'
import { type TargetRow, targetRecords } from './target-records.ts'
import { destinationOf, type TargetKind, targetSpec } from './target-settings.ts'

export interface TargetsOptions {
  /** The site's output folder, as the publisher writes it. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
  /** Waits between the tries of one delivery (default 1 s, then 3 s: three tries). */
  readonly retryDelaysMs?: readonly number[]
}

/** A target as `fabu target list|status` shows it. */
export interface TargetSummary {
  readonly name: string
  readonly kind: TargetKind
  readonly destination: string
  /** Runs not delivered yet, and of these the ones whose delivery failed. */
  readonly undeliveredRuns: number
  readonly failedRuns: number
  readonly attempts: number
  readonly needsFullSync: boolean
  readonly lastError: string | null
  readonly lastAttemptAt: string | null
  readonly lastDeliveredAt: string | null
}

export interface Targets {
  add(
    actor: Actor,
    site: SiteRef,
    input: { name: string; kind: string; settings: unknown },
  ): Promise<TargetSummary>
  list(site: SiteRef): Promise<readonly TargetSummary[]>
  remove(actor: Actor, site: SiteRef, name: string): Promise<void>
  /** Delivers every run the site's targets have not had: web servers and buckets first, then CDN purges. */
  deliver(site: SiteRef): Promise<readonly DeliveryOutcome[]>
  /** A full sync from the output folder as it is now, to one target or all of the site's. */
  sync(site: SiteRef, name?: string): Promise<readonly DeliveryOutcome[]>
  /**
   * Delivers again to the targets that failed last time, each once its wait is over (30 s,
   * doubling up to 10 minutes): the server calls it every so often.
   */
  retryFailed(now?: number): Promise<readonly DeliveryOutcome[]>
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000]
const RETRY_FIRST_MS = 30_000
const RETRY_MAX_MS = 10 * 60_000

/**
 * The places a site's output goes after each run. Deliveries of a site run one at a time in
 * this process; two processes delivering the same runs send the same bytes, which is harmless.
 */
export function createTargets(store: Store, content: Content, options: TargetsOptions): Targets {
  const records = targetRecords(store)
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const tails = new Map<number, Promise<unknown>>()

  const oneAtATime = <T>(siteId: number, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(siteId) ?? Promise.resolve()).then(work, work)
    const tail = run.then(
      () => {},
      () => {},
    )
    tails.set(siteId, tail)
    void tail.then(() => {
      if (tails.get(siteId) === tail) tails.delete(siteId)
    })
    return run
  }

  const findTarget = async (site: Site, name: string): Promise<TargetRow> => {
    const row = (await records.list(site.id)).find((target) => target.name === name)
    if (!row) throw new NotFoundError('target', name)
    return row
  }

  const deliverAll = async (site: Site, only: TargetRow | null, isFull: boolean) =>
    deliverList(site, only ? [only] : await records.list(site.id), isFull)

  const deliverList = async (site: Site, targets: readonly TargetRow[], isFull: boolean) => {
    // A CDN purges after the web servers and buckets hold the new pages, or it caches the old ones again.
    const ordered = [
      ...targets.filter((t) => t.kind !== 'purge'),
      ...targets.filter((t) => t.kind === 'purge'),
    ]
    const outcomes: DeliveryOutcome[] = []
    for (const target of ordered)
      outcomes.push(
        await deliverTarget(records, site, target, {
          isFull,
          outputRoot: options.outputRootFor(site.slug, site.outputPrefix),
          delays,
        }),
      )
    return outcomes
  }

  const summaries = async (site: Site): Promise<TargetSummary[]> => {
    const backlog = await records.backlog(site.id)
    return (await records.list(site.id)).map((row) => {
      const spec = specOf(row)
      const open = backlog.get(row.id) ?? { open: 0, failed: 0, attempts: 0 }
      return {
        name: row.name,
        kind: spec.kind,
        destination: destinationOf(spec),
        undeliveredRuns: open.open,
        failedRuns: open.failed,
        attempts: open.attempts,
        needsFullSync: Boolean(row.needs_full_sync),
        lastError: row.last_error,
        lastAttemptAt: row.last_attempt_at,
        lastDeliveredAt: row.last_delivered_at,
      }
    })
  }

  return {
    async add(actor, siteRef, input) {
      const site = await content.sites.get(siteRef)
      const spec = targetSpec(input.kind, input.settings)
      const name = checkedName(input.name)
      try {
        await records.insert({
          siteId: site.id,
          name,
          kind: spec.kind,
          settings: spec.settings,
          now: new Date().toISOString(),
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new AlreadyExistsError('name', name)
        throw error
      }
      await audit(store, actor, 'target.add', site, {
        name,
        kind: spec.kind,
        destination: destinationOf(spec),
      })
      const added = (await summaries(site)).find((target) => target.name === name)
      if (!added) throw new NotFoundError('target', name)
      return added
    },

    async list(siteRef) {
      return summaries(await content.sites.get(siteRef))
    },

    async remove(actor, siteRef, name) {
      const site = await content.sites.get(siteRef)
      if (!(await records.remove(site.id, name))) throw new NotFoundError('target', name)
      await audit(store, actor, 'target.remove', site, { name })
    },

    async deliver(siteRef) {
      const site = await content.sites.get(siteRef)
      return oneAtATime(site.id, () => deliverAll(site, null, false))
    },

    async sync(siteRef, name) {
      const site = await content.sites.get(siteRef)
      const only = name === undefined ? null : await findTarget(site, name)
      return oneAtATime(site.id, () => deliverAll(site, only, true))
    },

    async retryFailed(now = Date.now()) {
      const outcomes: DeliveryOutcome[] = []
      for (const siteId of await records.sitesWithFailures()) {
        const site = await content.sites.get(siteId)
        const backlog = await records.backlog(site.id)
        const due = (await records.list(site.id)).filter(
          (row) => row.last_error !== null && isDue(row, backlog.get(row.id)?.attempts ?? 1, now),
        )
        if (due.length === 0) continue
        outcomes.push(...(await oneAtATime(site.id, () => deliverList(site, due, false))))
      }
      return outcomes
    },
  }
}

function checkedName(name: string): string {
  const trimmed = name.trim()
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(trimmed))
    throw new ValidationError(
      'name',
      '应为字母、数字、点、横线或下划线（最多 64 个）',
      'must be letters, digits, dots, dashes or underscores (at most 64)',
    )
  return trimmed
}

/** A failed target is tried again after 30 s, then 1, 2, 4 … minutes, at most every 10 minutes. */
function isDue(row: TargetRow, attempts: number, now: number): boolean {
  if (row.last_attempt_at === null) return true
  const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1))
  return Date.parse(row.last_attempt_at) + wait <= now
}

async function audit(
  store: Store,
  actor: Actor,
  action: string,
  site: Site,
  detail: Record<string, unknown>,
) {
  await recordAudit(store, {
    actor,
    action,
    targetType: 'site',
    targetId: String(site.id),
    outcome: 'success',
    detail,
  })
}
