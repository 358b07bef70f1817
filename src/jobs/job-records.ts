import type { Actor } from '../content/index.ts'
import type { Store, Tx } from '../store/index.ts'
import { type ImportJobOptions, type Job, type JobResult, type JobState, LIVE_STATES } from './job.ts'

/** The `jobs` table: the only place its SQL lives. */
export function jobRecords(store: Store) {
  const select = (db: Store['db'] | Tx) => db.selectFrom('jobs').selectAll()
  return {
    async insert(
      tx: Tx,
      siteId: number,
      actor: Actor,
      options: ImportJobOptions,
      now: string,
      owner: string,
    ): Promise<number> {
      const { id } = await tx
        .insertInto('jobs')
        .values({
          kind: 'import',
          site_id: siteId,
          started_by: JSON.stringify({ id: actor.id, name: actor.name, address: actor.address }),
          state: 'queued',
          options: JSON.stringify(options),
          counts: '{}',
          created_at: now,
          started_at: null,
          updated_at: now,
          finished_at: null,
          error_code: null,
          error_message: null,
          result: null,
          owner,
          owner_seen_at: Date.parse(now),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async get(id: number, db: Store['db'] | Tx = store.db): Promise<Job | null> {
      const row = await select(db).where('id', '=', id).executeTakeFirst()
      return row ? jobOf(row) : null
    },

    /** The actor a job acts as, address included, for the audit log of what it imports. */
    async actorOf(id: number): Promise<Actor | null> {
      const row = await store.db
        .selectFrom('jobs')
        .select('started_by')
        .where('id', '=', id)
        .executeTakeFirst()
      return row ? (parsed(row.started_by) as Actor) : null
    },

    async list(siteId: number, limit: number): Promise<Job[]> {
      const rows = await select(store.db)
        .where('site_id', '=', siteId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map(jobOf)
    },

    async live(siteId: number, db: Store['db'] | Tx = store.db): Promise<Job | null> {
      const row = await select(db)
        .where('site_id', '=', siteId)
        .where('kind', '=', 'import')
        .where('state', 'in', LIVE_STATES)
        .executeTakeFirst()
      return row ? jobOf(row) : null
    },

    async setRunning(id: number, now: string): Promise<void> {
      await store.db
        .updateTable('jobs')
        .set({ state: 'running', started_at: now, updated_at: now })
        .where('id', '=', id)
        .where('state', '=', 'queued')
        .execute()
    },

    /** The live counts; only while the job runs, so a late write cannot revive a cancelled one. */
    async saveCounts(id: number, counts: Readonly<Record<string, number>>, now: string): Promise<void> {
      await store.db
        .updateTable('jobs')
        .set({ counts: JSON.stringify(counts), updated_at: now })
        .where('id', '=', id)
        .where('state', 'in', LIVE_STATES)
        .execute()
    },

    async saveResult(id: number, counts: Readonly<Record<string, number>>, result: JobResult, now: string) {
      await store.db
        .updateTable('jobs')
        .set({ counts: JSON.stringify(counts), result: JSON.stringify(result), updated_at: now })
        .where('id', '=', id)
        .execute()
    },

    /** Ends a live job; false when it had ended already (cancelled meanwhile). */
    async end(
      id: number,
      state: Exclude<JobState, 'queued' | 'running'>,
      now: string,
      error: { code: string; message: string } | null = null,
      db: Store['db'] | Tx = store.db,
    ): Promise<boolean> {
      const done = await db
        .updateTable('jobs')
        .set({
          state,
          updated_at: now,
          finished_at: now,
          error_code: error?.code ?? null,
          error_message: error?.message ?? null,
        })
        .where('id', '=', id)
        .where('state', 'in', LIVE_STATES)
        .executeTakeFirst()
      return Number(done.numUpdatedRows) > 0
    },

    /** The owning server's heartbeat on its live jobs. */
    async heartbeat(owner: string, nowMs: number): Promise<void> {
      await store.db
        .updateTable('jobs')
        .set({ owner_seen_at: nowMs })
        .where('owner', '=', owner)
        .where('state', 'in', LIVE_STATES)
        .execute()
    },

    /**
     * Jobs left live by a server that stopped without ending them: every live job (one
     * server, SQLite), or those whose owner's heartbeat is older than `lapsedBeforeMs` and are
     * not `self`'s (several servers, PostgreSQL). Jobs from before owners were kept count as
     * lapsed.
     */
    async interruptStopped(now: string, lapsed?: { readonly beforeMs: number; readonly self: string }) {
      let query = store.db
        .updateTable('jobs')
        .set({
          state: 'interrupted',
          updated_at: now,
          finished_at: now,
          error_code: 'JOB_INTERRUPTED',
          error_message: '服务器停止时任务仍在运行 / the server stopped while the job ran',
        })
        .where('state', 'in', LIVE_STATES)
      if (lapsed)
        query = query.where((eb) =>
          eb.or([
            eb('owner', 'is', null),
            eb.and([eb('owner', '!=', lapsed.self), eb('owner_seen_at', '<', lapsed.beforeMs)]),
          ]),
        )
      const done = await query.executeTakeFirst()
      return Number(done.numUpdatedRows)
    },
  }
}

export type JobRecords = ReturnType<typeof jobRecords>

// jsonb comes back parsed from PostgreSQL, text from SQLite.
function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value
}

function jobOf(row: {
  id: number
  site_id: number
  started_by: unknown
  state: JobState
  options: unknown
  counts: unknown
  created_at: string
  started_at: string | null
  updated_at: string
  finished_at: string | null
  error_code: string | null
  error_message: string | null
  result: unknown
}): Job {
  const startedBy = parsed(row.started_by) as Actor
  return {
    id: row.id,
    kind: 'import',
    siteId: row.site_id,
    startedBy: { id: startedBy.id, name: startedBy.name },
    state: row.state,
    options: parsed(row.options) as ImportJobOptions,
    counts: parsed(row.counts) as Record<string, number>,
    createdAt: row.created_at,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    result: row.result === null ? null : (parsed(row.result) as JobResult),
  }
}
