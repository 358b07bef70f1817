import type { Site } from '../content/index.ts'
import { foldManifests } from './fold-manifests.ts'
import { purgeTransport } from './purge-transport.ts'
import { rsyncTransport } from './rsync-transport.ts'
import { s3Transport } from './s3-transport.ts'
import type { TargetRecords, TargetRow } from './target-records.ts'
import { type TargetKind, type TargetSpec, targetSpec } from './target-settings.ts'
import type { DeliveryStats, Transport } from './transport.ts'

/** What one delivery to one target did. */
export interface DeliveryOutcome {
  readonly target: string
  readonly kind: TargetKind
  /** idle: nothing to deliver; waiting: a CDN purge held back until the web servers have the pages. */
  readonly state: 'done' | 'failed' | 'idle' | 'waiting'
  readonly isFullSync: boolean
  readonly runIds: readonly number[]
  readonly sent: number
  readonly deleted: number
  readonly tries: number
  readonly error?: string
  readonly note?: string
}

/**
 * Delivers to one target every run it has not had (or, in a full sync, the output folder as it
 * is), tries again after each of `delays`, and records the outcome on the target's rows.
 */
export async function deliverTarget(
  records: TargetRecords,
  site: Site,
  target: TargetRow,
  options: { readonly isFull: boolean; readonly outputRoot: string; readonly delays: readonly number[] },
): Promise<DeliveryOutcome> {
  const spec = specOf(target)
  const now = () => new Date().toISOString()
  let open = await records.openDeliveries(target, now())
  const isFullSync = options.isFull || Boolean(target.needs_full_sync)
  const base = { target: target.name, kind: spec.kind, isFullSync }
  if (spec.kind === 'purge' && !isFullSync) {
    const held = await records.runsUndeliveredElsewhere(
      site.id,
      open.map((run) => run.runId),
    )
    if (held.size > 0) {
      open = open.filter((run) => !held.has(run.runId))
      if (open.length === 0) return { ...base, state: 'waiting', runIds: [], sent: 0, deleted: 0, tries: 0 }
    }
  }
  if (!isFullSync && open.length === 0)
    return { ...base, state: 'idle', runIds: [], sent: 0, deleted: 0, tries: 0 }
  const runIds = open.map((run) => run.runId)
  const today = shanghaiDay(new Date())
  const purgedToday = target.purge_day === today ? target.purged_urls : 0
  const context = {
    outputRoot: options.outputRoot,
    baseUrl: site.baseUrl,
    purgedToday,
  }
  const transport = transportOf(spec)
  let tries = 0
  let lastError = ''
  for (;;) {
    tries++
    let stats: DeliveryStats | null = null
    try {
      stats = isFullSync
        ? await transport.mirror(context)
        : await transport.deliver(foldManifests(open), context)
    } catch (error) {
      lastError = (error as Error).message
    }
    if (stats) {
      const purge = spec.kind === 'purge' ? { day: today, urls: purgedToday + (stats.purgedUrls ?? 0) } : null
      await records.delivered(target, runIds, tries, now(), purge)
      return {
        ...base,
        state: 'done',
        runIds,
        sent: stats.sent,
        deleted: stats.deleted,
        tries,
        ...(stats.note ? { note: stats.note } : {}),
      }
    }
    const delay = options.delays[tries - 1]
    if (delay === undefined) break
    await new Promise((resolve) => setTimeout(resolve, delay))
  }
  await records.failed(target, runIds, tries, lastError, now())
  return { ...base, state: 'failed', runIds, sent: 0, deleted: 0, tries, error: lastError }
}

export function specOf(row: TargetRow): TargetSpec {
  const settings = typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings
  return targetSpec(row.kind, settings)
}

function transportOf(spec: TargetSpec): Transport {
  if (spec.kind === 'rsync') return rsyncTransport(spec.settings)
  if (spec.kind === 's3') return s3Transport(spec.settings)
  return purgeTransport(spec.settings)
}

/** The providers' daily quotas reset at midnight in China. */
function shanghaiDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}
