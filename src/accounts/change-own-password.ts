import { perform, type ServiceContext } from '../content/index.ts'
import { ValidationError } from '../errors/index.ts'
import type { Lockout } from './lockout.ts'
import type { AccountsOptions } from './options.ts'
import { hashPassword, verifyPassword } from './password-hash.ts'
import { checkPassword, isReused, passwordPolicy } from './password-policy.ts'
import type { SessionRows } from './session-rows.ts'
import type { SessionService } from './sessions.ts'
import { endSessions } from './users.ts'

/** A signed-in user changing their own password: the current one first, then the policy. */
export function changeOwnPassword(
  ctx: ServiceContext,
  options: AccountsOptions,
  { session, requireRow }: SessionRows,
  { requireCurrentPassword }: Lockout,
): Pick<SessionService, 'changePassword'> {
  const policy = passwordPolicy(options.passwordProfile)
  return {
    async changePassword(token, current, next, where) {
      const row = await requireRow(token)
      const signedIn = await session(row, where)
      await requireCurrentPassword(row, current, where)
      await perform(
        ctx,
        signedIn.principal.actor,
        'user.changePassword',
        { type: 'user', id: row.user_id },
        async (tx, now) => {
          const user = await tx
            .selectFrom('users')
            .selectAll()
            .where('id', '=', row.user_id)
            .executeTakeFirstOrThrow()
          await checkPassword(policy, next, { userName: user.user_name })
          const history = await tx
            .selectFrom('password_history')
            .select('password_hash')
            .where('user_id', '=', user.id)
            .orderBy('id', 'desc')
            .limit(Math.max(1, policy.historySize))
            .execute()
          const previous = history.map((h) => h.password_hash)
          if ((await isReused(policy, next, previous)) || (await verifyPassword(next, user.password_hash))) {
            throw new ValidationError(
              'password',
              `新密码不能与最近 ${Math.max(1, policy.historySize)} 次使用过的密码相同`,
              `the new password must differ from the last ${Math.max(1, policy.historySize)} passwords`,
            )
          }
          const hash = await hashPassword(next)
          await tx
            .updateTable('users')
            .set({
              password_hash: hash,
              password_changed_at: now,
              must_change_password: false,
              updated_at: now,
            })
            .where('id', '=', user.id)
            .execute()
          await tx
            .insertInto('password_history')
            .values({ user_id: user.id, password_hash: hash, created_at: now })
            .execute()
          await endSessions(tx, user.id, now, row.id)
          return { value: undefined, targetId: user.id }
        },
      )
    },
  }
}
