import type { Grant } from '../content/index.ts'
import { ForbiddenError } from '../errors/index.ts'
import type { Store, Tx } from '../store/index.ts'

/**
 * Inside a service call's transaction: the account is still enabled and still holds every
 * grant its session's rights were worked out from. The rows are read FOR SHARE, so on
 * PostgreSQL a revocation or a disabling waits until the call commits; SQLite's one writer
 * orders them anyway. A revocation that came first refuses the call.
 */
export async function confirmGrantsHeld(
  store: Store,
  tx: Tx,
  userId: number,
  grants: readonly Grant[],
): Promise<void> {
  const user = await store
    .forShare(tx.selectFrom('users').select('disabled').where('id', '=', userId))
    .executeTakeFirst()
  const held = await store
    .forShare(tx.selectFrom('grants').select('id').where('user_id', '=', userId))
    .execute()
  const stillHeld = new Set(held.map((row) => row.id))
  if (!user || user.disabled || grants.some((grant) => !stillHeld.has(grant.id))) {
    throw new ForbiddenError(
      '继续操作（账号的权限已被收回或账号已停用）',
      'go on (the account’s rights were withdrawn or the account was disabled)',
    )
  }
}
