import type { Compilable } from 'kysely'
import type { Store } from '../store/index.ts'

/**
 * The number that grows with every change the admin's list could see on the site (store
 * migration 039): triggers grow it in the transaction that makes the change, on this server or
 * any other. Read it before reading anything to keep with it: what is read after is at least as
 * new as the number, so a value kept with a number stays right while the number stands.
 */
export async function listChangeNumber(store: Store, siteId: number): Promise<number> {
  const row = await store.db
    .selectFrom('article_list_generations')
    .select('generation')
    .where('site_id', '=', siteId)
    .executeTakeFirst()
  return row?.generation ?? 0
}

/** The key of what some statements read: their SQL and parameters. */
export function statementsKey(statements: readonly Compilable[]): string {
  return statements
    .map((statement) => {
      const compiled = statement.compile()
      return `${compiled.sql}\n${JSON.stringify(compiled.parameters)}`
    })
    .join('\n;\n')
}

/**
 * Values a list read, kept per store and key with the change number they were read after, and
 * given back only while the number stands; the least recently used go first past `max`.
 */
export class KeptWhileUnchanged<V> {
  readonly #byStore = new WeakMap<Store, Map<string, { readonly generation: number; readonly value: V }>>()
  readonly #max: number

  constructor(max: number) {
    this.#max = max
  }

  get(store: Store, key: string, generation: number): V | undefined {
    const kept = this.#byStore.get(store)
    const found = kept?.get(key)
    if (!kept || !found) return undefined
    kept.delete(key)
    if (found.generation !== generation) return undefined
    kept.set(key, found)
    return found.value
  }

  set(store: Store, key: string, generation: number, value: V): void {
    let kept = this.#byStore.get(store)
    if (!kept) {
      kept = new Map()
      this.#byStore.set(store, kept)
    }
    kept.delete(key)
    kept.set(key, { generation, value })
    if (kept.size > this.#max) kept.delete(kept.keys().next().value as string)
  }
}
