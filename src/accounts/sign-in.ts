import { timingSafeEqual } from 'node:crypto'
import { perform, type ServiceContext } from '../content/index.ts'
import { UnauthenticatedError } from '../errors/index.ts'
import { signInSchema } from './account-inputs.ts'
import { auditSignIn } from './audit-sign-in.ts'
import type { Lockout } from './lockout.ts'
import { INVALID } from './lockout.ts'
import { verifyAgainstNothing, verifyPassword } from './password-hash.ts'
import type { SessionRows } from './session-rows.ts'
import type { SessionService } from './sessions.ts'
import { normalizeUserName } from './user.ts'

/** Signing in with a password, finding the session of a cookie, signing out. */
export function signIn(
  ctx: ServiceContext,
  { session, liveRow, requireRow, openSession }: SessionRows,
  { claimAttempt, failAttempt, lockedError }: Lockout,
): Pick<SessionService, 'signIn' | 'resolve' | 'signOut' | 'checkCsrf'> {
  return {
    async signIn(credentials, where) {
      const now = ctx.now()
      const parsed = signInSchema.safeParse(credentials)
      if (!parsed.success) throw new UnauthenticatedError(INVALID)
      const userName = normalizeUserName(parsed.data.userName)
      const claim = await claimAttempt(userName, where, now)
      const { row } = claim
      const matches = row
        ? await verifyPassword(parsed.data.password, row.password_hash)
        : await verifyAgainstNothing(parsed.data.password)
      if (!row || !matches || row.disabled) return failAttempt(claim, userName, where, now)
      const isLocked = await ctx.store.transaction(async (tx) => {
        const current = await ctx.store
          .forUpdate(tx.selectFrom('users').select('locked_until').where('id', '=', row.id))
          .executeTakeFirstOrThrow()
        // Parallel guesses locked the account while this one was checked: the lock stands.
        if (current.locked_until && current.locked_until > now) {
          await auditSignIn(ctx, tx, { id: row.id, name: row.user_name }, where, now, 'ACCOUNT_LOCKED')
          return true
        }
        await tx
          .updateTable('users')
          // With a second factor, the attempt counts until the code is right too.
          .set({
            failed_sign_ins: row.totp_secret === null ? 0 : undefined,
            locked_until: null,
            last_sign_in_at: now,
          })
          .where('id', '=', row.id)
          .execute()
        await tx.deleteFrom('sign_in_failures').where('id', '=', claim.attemptId).execute()
        await auditSignIn(ctx, tx, { id: row.id, name: row.user_name }, where, now, null)
        return false
      })
      if (isLocked) throw await lockedError(row.id, now)
      const issued = await openSession(row.id, row.totp_secret !== null, where, now)
      const opened = await requireRow(issued)
      return { token: issued, session: await session(opened, where) }
    },

    async resolve(token, where) {
      const row = await liveRow(token)
      if (!row) return null
      const now = ctx.now()
      // Touch at most once a minute: a page of API calls should not write a row each.
      if (Date.parse(now) - Date.parse(row.last_seen_at) > 60_000) {
        await ctx.store.db
          .updateTable('sessions')
          .set({ last_seen_at: now })
          .where('id', '=', row.id)
          .execute()
      }
      return session(row, where)
    },

    async signOut(token, where) {
      const row = await liveRow(token)
      if (!row) return
      const current = await session(row, where)
      await perform(
        ctx,
        current.principal.actor,
        'session.signOut',
        { type: 'user', id: row.user_id },
        async (tx, now) => {
          await tx.updateTable('sessions').set({ ended_at: now }).where('id', '=', row.id).execute()
          return { value: undefined, targetId: row.user_id }
        },
      )
    },

    checkCsrf(current, presented) {
      if (typeof presented !== 'string') return false
      const expected = Buffer.from(current.csrfToken)
      const given = Buffer.from(presented)
      return expected.length === given.length && timingSafeEqual(expected, given)
    },
  }
}
