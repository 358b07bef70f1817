import type { Compilable } from 'kysely'
import type { Store } from '../store/index.ts'

/** Totals kept a store at most; the least recently read goes first. */
const MAX_KEPT = 500

interface Kept {
  readonly generation: number
  readonly total: number
}

const keptByStore = new WeakMap<Store, Map<string, Kept>>()

/**
 * The admin list's total, counted once for as long as the site's change number stands. A
 * count walks every index entry of what it counts (100,000 for a whole site, every title for a
 * title search: 6–20 ms on SQLite, 11–23 ms on PostgreSQL), and the list is asked for it on
 * every page; the number is one primary-key read. Triggers grow the number in the transaction
 * of every change a count could see (store migration 039), and it is read before counting, so
 * a count kept with a number is never older than it: a save, delete, move, restore or import
 * committed before the request is counted, on this server or any other.
 *
 * The statements themselves, compiled with their parameters, are the key: two requests share a
 * total exactly when they would run the same count.
 */
export async function countOnceAChange(
  store: Store,
  siteId: number,
  statements: readonly Compilable[],
  count: () => Promise<number>,
): Promise<number> {
  const row = await store.db
    .selectFrom('article_list_generations')
    .select('generation')
    .where('site_id', '=', siteId)
    .executeTakeFirst()
  const generation = row?.generation ?? 0
  const key = statements
    .map((statement) => {
      const compiled = statement.compile()
      return `${compiled.sql}\n${JSON.stringify(compiled.parameters)}`
    })
    .join('\n;\n')
  let kept = keptByStore.get(store)
  if (!kept) {
    kept = new Map()
    keptByStore.set(store, kept)
  }
  const found = kept.get(key)
  kept.delete(key)
  if (found && found.generation === generation) {
    kept.set(key, found)
    return found.total
  }
  const total = await count()
  kept.set(key, { generation, total })
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string)
  return total
}
