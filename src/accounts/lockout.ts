import type { ServiceContext } from '../content/index.ts'
import {
  AccountLockedError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from '../errors/index.ts'
import type { SessionRow, Tx, UserRow } from '../store/index.ts'
import { auditSignIn } from './audit-sign-in.ts'
import { later, minutes } from './later.ts'
import type { AccountsOptions } from './options.ts'
import { verifyPassword } from './password-hash.ts'
import type { Where } from './sessions.ts'
import { endSessions } from './users.ts'

/** A sign-in attempt counted before its password is checked, with what the count allows. */
export interface Claim {
  readonly attemptId: number
  readonly row: UserRow | undefined
  readonly verdict: 'go' | 'locked' | 'rate-limited'
}

/** What guessing runs into: failures counted, accounts locked, addresses throttled. */
export interface Lockout {
  claimAttempt(userName: string, where: Where, now: string): Promise<Claim>
  failAttempt(claim: Claim, userName: string, where: Where, now: string): Promise<never>
  countFailure(tx: Tx, userId: number, failedBefore: number, now: string): Promise<boolean>
  lockedError(userId: number, now: string): Promise<AccountLockedError>
  requireCurrentPassword(row: SessionRow, password: string, where: Where): Promise<void>
}

export const INVALID = { zh: '用户名或密码错误', en: 'wrong user name or password' }

export function lockout(ctx: ServiceContext, options: AccountsOptions): Lockout {
  /**
   * Counts the attempt before the slow password check, under the user row's lock: a burst of
   * parallel guesses cannot all pass checks made before any of them has failed.
   *
   * Failures are throttled per address and user name, not per address: a government office
   * sits behind one NAT address, and one person guessing there must not lock out the rest.
   * Past a much higher count for the whole address (password spraying over many names), only
   * users who have signed in from that address before may still try.
   */
  async function claimAttempt(userName: string, where: Where, now: string): Promise<Claim> {
    const claim = await ctx.store.transaction(async (tx): Promise<Claim> => {
      const since = later(now, -minutes(options.addressWindowMinutes))
      // Failures older than the window count for nothing: the table keeps only the window's.
      await tx
        .deleteFrom('sign_in_failures')
        .where('address', '=', where.address)
        .where('at', '<=', since)
        .execute()
      const attempt = await tx
        .insertInto('sign_in_failures')
        .values({ address: where.address, user_name: userName.slice(0, 200), at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      const recent = tx
        .selectFrom('sign_in_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('address', '=', where.address)
        .where('at', '>', since)
      const forPair = await recent.where('user_name', '=', userName.slice(0, 200)).executeTakeFirstOrThrow()
      const forAddress = await recent.executeTakeFirstOrThrow()
      const row = await ctx.store
        .forUpdate(tx.selectFrom('users').selectAll().where('user_name', '=', userName))
        .executeTakeFirst()
      const base = { attemptId: attempt.id, row }
      // A locked account says so first: its user learns why, and whom to call.
      if (row?.locked_until && row.locked_until > now) return { ...base, verdict: 'locked' }
      if (Number(forPair.n) > options.userAddressFailureLimit) return { ...base, verdict: 'rate-limited' }
      if (
        Number(forAddress.n) > options.addressFailureLimit &&
        !(row && (await isKnownAt(tx, row.id, where, now)))
      ) {
        return { ...base, verdict: 'rate-limited' }
      }
      if (!row) return { ...base, verdict: 'go' }
      if (row.failed_sign_ins >= options.lockoutThreshold) {
        // Attempts in flight have used up the allowance: lock now, as their failures would.
        await lockAccount(tx, row.id, now)
        return { ...base, verdict: 'locked' }
      }
      await tx
        .updateTable('users')
        .set({ failed_sign_ins: row.failed_sign_ins + 1 })
        .where('id', '=', row.id)
        .execute()
      return { ...base, verdict: 'go' }
    })
    if (claim.verdict !== 'go') {
      const code = claim.verdict === 'locked' ? 'ACCOUNT_LOCKED' : 'RATE_LIMITED'
      await ctx.store.transaction((tx) =>
        auditSignIn(ctx, tx, { id: claim.row?.id ?? null, name: userName }, where, now, code),
      )
      if (claim.verdict === 'rate-limited') throw new RateLimitedError(options.addressWindowMinutes * 60)
      throw await lockedError(claim.row?.id ?? 0, now)
    }
    return claim
  }

  /** Whether the user opened a session from this address lately: their office, most likely. */
  async function isKnownAt(tx: Tx, userId: number, where: Where, now: string): Promise<boolean> {
    const known = await tx
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('address', '=', where.address.slice(0, 100))
      .where('second_factor_pending', '=', false)
      .where('created_at', '>', later(now, -options.knownAddressDays * 86_400_000))
      .limit(1)
      .executeTakeFirst()
    return known !== undefined
  }

  /** One more failure; at the threshold the account locks. True when this failure locked it. */
  async function countFailure(tx: Tx, userId: number, failedBefore: number, now: string): Promise<boolean> {
    const failures = failedBefore + 1
    if (failures >= options.lockoutThreshold) {
      await lockAccount(tx, userId, now)
      return true
    }
    await tx.updateTable('users').set({ failed_sign_ins: failures }).where('id', '=', userId).execute()
    return false
  }

  /**
   * The current password, asked again before a password or second-factor change: a wrong
   * one counts towards the lockout, and the lock ends every session of the account, so a
   * stolen session cannot be used to guess the password.
   */
  async function requireCurrentPassword(row: SessionRow, password: string, where: Where): Promise<void> {
    const now = ctx.now()
    const user = await ctx.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', row.user_id)
      .executeTakeFirstOrThrow()
    if (user.locked_until && user.locked_until > now) throw await lockedError(user.id, now)
    if (await verifyPassword(password, user.password_hash)) return
    await ctx.store.transaction(async (tx) => {
      const current = await ctx.store
        .forUpdate(tx.selectFrom('users').select('failed_sign_ins').where('id', '=', user.id))
        .executeTakeFirstOrThrow()
      if (await countFailure(tx, user.id, current.failed_sign_ins, now)) await endSessions(tx, user.id, now)
      await auditSignIn(ctx, tx, { id: user.id, name: user.user_name }, where, now, 'UNAUTHENTICATED')
    })
    throw new ValidationError('currentPassword', '当前密码不正确', 'the current password is wrong')
  }

  async function lockAccount(tx: Tx, userId: number, now: string) {
    await tx
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: later(now, minutes(options.lockoutMinutes)) })
      .where('id', '=', userId)
      .execute()
  }

  async function lockedError(userId: number, now: string): Promise<AccountLockedError> {
    const row = await ctx.store.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', userId)
      .executeTakeFirst()
    const until = row?.locked_until ?? later(now, minutes(options.lockoutMinutes))
    return new AccountLockedError(Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 1000)))
  }

  /** A wrong password: the claimed attempt stays counted; the threshold locks the account. */
  async function failAttempt(claim: Claim, userName: string, where: Where, now: string): Promise<never> {
    await ctx.store.transaction(async (tx) => {
      if (claim.row) {
        const current = await ctx.store
          .forUpdate(tx.selectFrom('users').select('failed_sign_ins').where('id', '=', claim.row.id))
          .executeTakeFirstOrThrow()
        if (current.failed_sign_ins >= options.lockoutThreshold) await lockAccount(tx, claim.row.id, now)
      }
      await auditSignIn(ctx, tx, { id: claim.row?.id ?? null, name: userName }, where, now, 'UNAUTHENTICATED')
    })
    throw new UnauthenticatedError(INVALID)
  }

  return { claimAttempt, failAttempt, countFailure, lockedError, requireCurrentPassword }
}
