import { perform, type ServiceContext } from '../content/index.ts'
import { UnauthenticatedError, ValidationError } from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
import { auditSignIn } from './audit-sign-in.ts'
import type { Lockout } from './lockout.ts'
import type { SessionRows } from './session-rows.ts'
import type { SessionService } from './sessions.ts'
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts'

/** The second factor: confirming a sign-in with a TOTP code, and enrolling one. */
export function secondFactor(
  ctx: ServiceContext,
  { session, requireRow }: SessionRows,
  { countFailure, lockedError, requireCurrentPassword }: Lockout,
): Pick<SessionService, 'confirmSecondFactor' | 'proposeSecondFactor' | 'enableSecondFactor'> {
  return {
    async confirmSecondFactor(token, code, where) {
      const row = await requireRow(token)
      const now = ctx.now()
      const verdict = await ctx.store.transaction(async (tx) => {
        const user = await ctx.store
          .forUpdate(tx.selectFrom('users').selectAll().where('id', '=', row.user_id))
          .executeTakeFirstOrThrow()
        if (user.locked_until && user.locked_until > now) {
          await endPendingSessions(tx, user.id, now)
          await auditSignIn(ctx, tx, { id: user.id, name: user.user_name }, where, now, 'ACCOUNT_LOCKED')
          return 'locked' as const
        }
        const step = user.totp_secret ? verifyTotp(user.totp_secret, code, new Date(now)) : null
        if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
          // Wrong codes count towards the lockout like wrong passwords; at the lock, every
          // half-signed-in session of the account ends, so guessing cannot go on in them.
          const locks = await countFailure(tx, user.id, user.failed_sign_ins, now)
          if (locks) await endPendingSessions(tx, user.id, now)
          await auditSignIn(ctx, tx, { id: user.id, name: user.user_name }, where, now, 'UNAUTHENTICATED')
          return 'wrong' as const
        }
        await tx
          .updateTable('users')
          .set({ totp_last_step: step, failed_sign_ins: 0 })
          .where('id', '=', user.id)
          .execute()
        await tx
          .updateTable('sessions')
          .set({ second_factor_pending: false })
          .where('id', '=', row.id)
          .execute()
        return 'ok' as const
      })
      if (verdict === 'locked') throw await lockedError(row.user_id, now)
      if (verdict === 'wrong') {
        throw new UnauthenticatedError({
          zh: '动态口令错误或已使用',
          en: 'the one-time code is wrong or used already',
        })
      }
      return session(await requireRow(token), where)
    },

    proposeSecondFactor(current) {
      const secret = generateTotpSecret()
      return { secret, uri: totpUri(secret, current.user.userName) }
    },

    async enableSecondFactor(token, password, secret, code, where) {
      const row = await requireRow(token)
      const signedIn = await session(row, where)
      await requireCurrentPassword(row, password, where)
      await perform(
        ctx,
        signedIn.principal.actor,
        'user.enableSecondFactor',
        { type: 'user', id: row.user_id },
        async (tx) => {
          if (!/^[A-Z2-7]{32}$/.test(secret)) {
            throw new ValidationError('secret', '密钥格式不正确', 'the secret is malformed')
          }
          const step = verifyTotp(secret, code, new Date(ctx.now()))
          if (step === null) throw new ValidationError('code', '动态口令不正确', 'the one-time code is wrong')
          await tx
            .updateTable('users')
            .set({ totp_secret: secret, totp_last_step: step })
            .where('id', '=', row.user_id)
            .execute()
          return { value: undefined, targetId: row.user_id }
        },
      )
    },
  }
}

async function endPendingSessions(tx: Tx, userId: number, now: string) {
  await tx
    .updateTable('sessions')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('second_factor_pending', '=', true)
    .where('ended_at', 'is', null)
    .execute()
}
