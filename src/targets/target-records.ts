import type { Selectable } from 'kysely'
import type { PublishTargetsTable, Store } from '../store/index.ts'
import type { RunManifest } from './fold-manifests.ts'

export type TargetRow = Selectable<PublishTargetsTable>

/** A run not yet delivered to a target, with what it changed. */
export interface OpenDelivery extends RunManifest {
  readonly attempts: number
}

/** The `publish_targets` and `target_deliveries` tables: the only place their SQL lives. */
export function targetRecords(store: Store) {
  const db = store.db
  return {
    async insert(row: {
      siteId: number
      name: string
      kind: string
      settings: unknown
      now: string
    }): Promise<TargetRow> {
      // What the site published before the target existed reaches it by its first, full sync.
      const newest = await db
        .selectFrom('publish_runs')
        .select((eb) => eb.fn.max('id').as('newest'))
        .where('site_id', '=', row.siteId)
        .executeTakeFirst()
      return db
        .insertInto('publish_targets')
        .values({
          site_id: row.siteId,
          name: row.name,
          kind: row.kind,
          settings: JSON.stringify(row.settings),
          since_run_id: Number(newest?.newest ?? 0),
          needs_full_sync: true,
          created_at: row.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },

    list(siteId: number): Promise<TargetRow[]> {
      return db
        .selectFrom('publish_targets')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('id')
        .execute()
    },

    async remove(siteId: number, name: string): Promise<boolean> {
      const removed = await store.transaction(async (tx) => {
        const target = await tx
          .selectFrom('publish_targets')
          .select('id')
          .where('site_id', '=', siteId)
          .where('name', '=', name)
          .executeTakeFirst()
        if (!target) return false
        await tx.deleteFrom('target_deliveries').where('target_id', '=', target.id).execute()
        await tx.deleteFrom('publish_targets').where('id', '=', target.id).execute()
        return true
      })
      return removed
    },

    /**
     * The runs the target has not had yet, oldest first: a row is made for each run since the
     * last one it knows of, so a run recorded by any publisher (hook or not) is found here.
     */
    async openDeliveries(target: TargetRow, now: string): Promise<OpenDelivery[]> {
      const runs = await db
        .selectFrom('publish_runs')
        .select('id')
        .where('site_id', '=', target.site_id)
        .where('id', '>', target.since_run_id)
        .where(
          'id',
          'not in',
          db.selectFrom('target_deliveries').select('run_id').where('target_id', '=', target.id),
        )
        .execute()
      if (runs.length > 0)
        await db
          .insertInto('target_deliveries')
          .values(
            runs.map((run) => ({
              target_id: target.id,
              run_id: run.id,
              state: 'pending' as const,
              attempts: 0,
              created_at: now,
            })),
          )
          .onConflict((conflict) => conflict.columns(['target_id', 'run_id']).doNothing())
          .execute()
      const rows = await db
        .selectFrom('target_deliveries as d')
        .innerJoin('publish_runs as r', 'r.id', 'd.run_id')
        .select(['d.run_id', 'd.attempts', 'r.mode', 'r.manifest'])
        .where('d.target_id', '=', target.id)
        .where('d.state', '!=', 'done')
        .orderBy('d.run_id')
        .execute()
      return rows.map((row) => {
        const manifest = parsed(row.manifest) as { added?: string[]; changed?: string[]; removed?: string[] }
        return {
          runId: row.run_id,
          mode: row.mode,
          attempts: row.attempts,
          added: manifest.added ?? [],
          changed: manifest.changed ?? [],
          removed: manifest.removed ?? [],
        }
      })
    },

    /** Runs some other target of the site (rsync, S3) has not delivered yet: a CDN must not purge them before. */
    async runsUndeliveredElsewhere(siteId: number, runIds: readonly number[]): Promise<Set<number>> {
      if (runIds.length === 0) return new Set()
      const rows = await db
        .selectFrom('target_deliveries as d')
        .innerJoin('publish_targets as t', 't.id', 'd.target_id')
        .select('d.run_id')
        .where('t.site_id', '=', siteId)
        .where('t.kind', '!=', 'purge')
        .where('d.state', '!=', 'done')
        .where('d.run_id', 'in', runIds)
        .execute()
      return new Set(rows.map((row) => row.run_id))
    },

    async delivered(
      target: TargetRow,
      runIds: readonly number[],
      tries: number,
      now: string,
      purge: { day: string; urls: number } | null,
    ): Promise<void> {
      await store.transaction(async (tx) => {
        for (let i = 0; i < runIds.length; i += 500) {
          await tx
            .updateTable('target_deliveries')
            .set((eb) => ({
              state: 'done',
              attempts: eb('attempts', '+', tries),
              last_error: null,
              attempted_at: now,
              delivered_at: now,
            }))
            .where('target_id', '=', target.id)
            .where('run_id', 'in', runIds.slice(i, i + 500))
            .execute()
        }
        await tx
          .updateTable('publish_targets')
          .set({
            needs_full_sync: false,
            last_attempt_at: now,
            last_delivered_at: now,
            last_error: null,
            ...(purge ? { purge_day: purge.day, purged_urls: purge.urls } : {}),
          })
          .where('id', '=', target.id)
          .execute()
      })
    },

    async failed(target: TargetRow, runIds: readonly number[], tries: number, error: string, now: string) {
      await store.transaction(async (tx) => {
        for (let i = 0; i < runIds.length; i += 500) {
          await tx
            .updateTable('target_deliveries')
            .set((eb) => ({
              state: 'failed',
              attempts: eb('attempts', '+', tries),
              last_error: error,
              attempted_at: now,
            }))
            .where('target_id', '=', target.id)
            .where('run_id', 'in', runIds.slice(i, i + 500))
            .execute()
        }
        await tx
          .updateTable('publish_targets')
          .set({ last_attempt_at: now, last_error: error })
          .where('id', '=', target.id)
          .execute()
      })
    },

    /** Per target of the site: runs not delivered, of which failed, and the most attempts among them. */
    async backlog(siteId: number): Promise<Map<number, { open: number; failed: number; attempts: number }>> {
      const rows = await db
        .selectFrom('target_deliveries as d')
        .innerJoin('publish_targets as t', 't.id', 'd.target_id')
        .select((eb) => [
          'd.target_id',
          'd.state',
          eb.fn.countAll<number | string>().as('runs'),
          eb.fn.max('d.attempts').as('attempts'),
        ])
        .where('t.site_id', '=', siteId)
        .where('d.state', '!=', 'done')
        .groupBy(['d.target_id', 'd.state'])
        .execute()
      const backlog = new Map<number, { open: number; failed: number; attempts: number }>()
      for (const row of rows) {
        const entry = backlog.get(row.target_id) ?? { open: 0, failed: 0, attempts: 0 }
        // PostgreSQL returns count(*) as a string (bigint).
        const runs = Number(row.runs)
        entry.open += runs
        if (row.state === 'failed') entry.failed += runs
        entry.attempts = Math.max(entry.attempts, Number(row.attempts))
        backlog.set(row.target_id, entry)
      }
      return backlog
    },

    /** Sites with a target that failed last time: the server tries them again after a while. */
    async sitesWithFailures(): Promise<number[]> {
      const rows = await db
        .selectFrom('publish_targets')
        .select('site_id')
        .distinct()
        .where('last_error', 'is not', null)
        .execute()
      return rows.map((row) => row.site_id)
    },
  }
}

export type TargetRecords = ReturnType<typeof targetRecords>

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value
}
