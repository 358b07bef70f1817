import type { Store } from '../store/index.ts'

// Actors are recorded as `name (id)`: `张三 (user:7)`, `root (cli:root)`, `system (system)`.
const ACTOR = /^(.*) \(([^()]*)\)$/
const USER_ID = /^user:(\d+)$/

/** The user id of a recorded actor, if a signed-in user acted. */
export function userIdOf(actor: string): number | null {
  const id = USER_ID.exec(ACTOR.exec(actor)?.[2] ?? '')?.[1]
  return id === undefined ? null : Number(id)
}

/**
 * How people read recorded actors: a user by their display name as it is now, anyone else
 * (the CLI's operator, fabu itself) by the name recorded. One query for all of them.
 * @example (await actorNames(store, ['admin (user:1)']))('admin (user:1)') // → '系统管理员'
 */
export async function actorNames(
  store: Store,
  actors: readonly string[],
): Promise<(actor: string) => string> {
  const ids = [...new Set(actors.map(userIdOf).filter((id) => id !== null))]
  const rows =
    ids.length === 0
      ? []
      : await store.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()
  const names = new Map(rows.map((row) => [row.id, row.display_name]))
  return (actor) => {
    const id = userIdOf(actor)
    return (id === null ? undefined : names.get(id)) ?? ACTOR.exec(actor)?.[1] ?? actor
  }
}
