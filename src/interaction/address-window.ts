import { sql } from 'kysely'
import type { Store } from '../store/index.ts'

/** Windows this much older than now are forgotten, now and then, so the table stays small. */
const FORGET_AFTER_MS = 86_400_000

/** A key's fixed window as the database holds it after one more attempt. */
export interface CountedWindow {
  readonly count: number
  /** Milliseconds until the window ends. */
  readonly msLeft: number
}

/**
 * Counts one attempt of `key` in the database, in a fixed window shared by every server of the
 * installation. One statement, atomic on either engine: the upsert starts a new window when the
 * old one has ended, else adds one to it. The public forms' limits and, on PostgreSQL, the HTTP
 * rate limits (`@fastify/rate-limit`'s store) count here.
 */
export async function countAddressWindow(
  store: Store,
  key: string,
  windowMs: number,
  now: number,
): Promise<CountedWindow> {
  const at = sql`cast(${now} as bigint)`
  const ended = sql`address_windows.window_start <= ${at} - cast(${windowMs} as bigint)`
  const { rows } = await sql<{ window_start: number | string; count: number }>`
    insert into address_windows (key, window_start, count) values (${key}, ${at}, 1)
    on conflict (key) do update set
      window_start = case when ${ended} then ${at} else address_windows.window_start end,
      count = case when ${ended} then 1 else address_windows.count + 1 end
    returning window_start, count`.execute(store.db)
  if (Math.random() < 0.01)
    await store.db
      .deleteFrom('address_windows')
      .where('window_start', '<', now - FORGET_AFTER_MS)
      .execute()
  const row = rows[0]
  if (!row) return { count: 1, msLeft: windowMs }
  return { count: Number(row.count), msLeft: Math.max(0, Number(row.window_start) + windowMs - now) }
}

/**
 * Counts one attempt of `key` (purpose, site, address); returns the seconds to wait when over
 * `limit`, else 0.
 */
export async function takeAddressWindow(
  store: Store,
  key: string,
  limit: number,
  windowMs: number,
  now: number,
): Promise<number> {
  const window = await countAddressWindow(store, key, windowMs, now)
  if (window.count <= limit) return 0
  return Math.max(1, Math.ceil(window.msLeft / 1000))
}
