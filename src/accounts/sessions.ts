import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  type Access,
  type Actor,
  accessOf,
  appendAudit,
  type Principal,
  perform,
  type ServiceContext,
} from '../content/index.ts'
import {
  AccountLockedError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from '../errors/index.ts'
import type { SessionRow, Tx, UserRow } from '../store/index.ts'
import { signInSchema } from './account-inputs.ts'
import { confirmGrantsHeld } from './confirm-grants.ts'
import type { AccountsOptions } from './options.ts'
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password-hash.ts'
import { checkPassword, isExpired, isReused, passwordPolicy } from './password-policy.ts'
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts'
import { normalizeUserName, type User } from './user.ts'
import { endSessions, readUser } from './users.ts'

export interface SignedIn {
  /** The cookie's value. Only its hash is stored. */
  readonly token: string
  readonly session: Session
}

export interface Session {
  readonly user: User
  readonly csrfToken: string
  /** Signed in with the password, the TOTP code still to come: nothing else is allowed. */
  readonly secondFactorPending: boolean
  /** The password expired or an administrator set it: only a password change is allowed. */
  readonly mustChangePassword: boolean
  readonly expiresAt: string
  readonly principal: Principal
}

export interface Where {
  readonly address: string
  readonly userAgent: string
}

export interface SessionService {
  signIn(credentials: { userName: string; password: string }, where: Where): Promise<SignedIn>
  /** The session of a cookie's token, or null when it is unknown, ended, idle or too old. */
  resolve(token: string, where: Where): Promise<Session | null>
  confirmSecondFactor(token: string, code: string, where: Where): Promise<Session>
  signOut(token: string, where: Where): Promise<void>
  /** Changes the signed-in user's own password and ends their other sessions. */
  changePassword(token: string, current: string, next: string, where: Where): Promise<void>
  /** A new TOTP secret to show as a QR code; nothing is stored until `enableSecondFactor`. */
  proposeSecondFactor(session: Session): { readonly secret: string; readonly uri: string }
  /** Needs the current password: a stolen session must not replace the second factor. */
  enableSecondFactor(
    token: string,
    password: string,
    secret: string,
    code: string,
    where: Where,
  ): Promise<void>
  checkCsrf(session: Session, presented: string | undefined): boolean
}

interface Claim {
  readonly attemptId: number
  readonly row: UserRow | undefined
  readonly verdict: 'go' | 'locked' | 'rate-limited'
}

const INVALID = { zh: '用户名或密码错误', en: 'wrong user name or password' }

export function sessionService(ctx: ServiceContext, options: AccountsOptions): SessionService {
  const { store } = ctx
  const policy = passwordPolicy(options.passwordProfile)
  const minutes = (n: number) => n * 60_000
  const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString()

  async function session(row: SessionRow, where: Where): Promise<Session> {
    const user = await readUser(store.db, row.user_id)
    const access: Access = accessOf(user.id, user.grants)
    const actor: Actor = {
      id: `user:${user.id}`,
      name: user.userName,
      address: where.address,
      confirmRights: (tx) => confirmGrantsHeld(store, tx, user.id, access.grants),
    }
    return {
      user,
      csrfToken: row.csrf_token,
      secondFactorPending: Boolean(row.second_factor_pending),
      mustChangePassword:
        user.mustChangePassword || isExpired(policy, user.passwordChangedAt, new Date(ctx.now())),
      expiresAt: row.expires_at,
      principal: { actor, access },
    }
  }

  async function liveRow(token: string): Promise<SessionRow | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
    const row = await store.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', hashToken(token))
      .executeTakeFirst()
    if (!row || row.ended_at !== null) return null
    const now = ctx.now()
    const idleSince = later(row.last_seen_at, minutes(options.idleMinutes))
    if (row.expires_at <= now || idleSince <= now) return null
    return row
  }

  async function requireRow(token: string): Promise<SessionRow> {
    const row = await liveRow(token)
    if (!row) throw new UnauthenticatedError()
    return row
  }

  async function auditSignIn(
    tx: Tx,
    user: { id: number | null; name: string },
    where: Where,
    now: string,
    code: string | null,
  ) {
    await appendAudit(
      store,
      tx,
      {
        actor: {
          id: user.id === null ? 'unknown' : `user:${user.id}`,
          name: user.name.slice(0, 64),
          address: where.address,
        },
        action: 'session.signIn',
        targetType: 'user',
        targetId: String(user.id ?? ''),
        outcome: code === null ? 'success' : 'failure',
        ...(code === null ? {} : { errorCode: code }),
      },
      now,
    )
  }

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
    const claim = await store.transaction(async (tx): Promise<Claim> => {
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
      const row = await store
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
      await store.transaction((tx) =>
        auditSignIn(tx, { id: claim.row?.id ?? null, name: userName }, where, now, code),
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

  async function endPendingSessions(tx: Tx, userId: number, now: string) {
    await tx
      .updateTable('sessions')
      .set({ ended_at: now })
      .where('user_id', '=', userId)
      .where('second_factor_pending', '=', true)
      .where('ended_at', 'is', null)
      .execute()
  }

  /**
   * The current password, asked again before a password or second-factor change: a wrong
   * one counts towards the lockout, and the lock ends every session of the account, so a
   * stolen session cannot be used to guess the password.
   */
  async function requireCurrentPassword(row: SessionRow, password: string, where: Where): Promise<void> {
    const now = ctx.now()
    const user = await store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', row.user_id)
      .executeTakeFirstOrThrow()
    if (user.locked_until && user.locked_until > now) throw await lockedError(user.id, now)
    if (await verifyPassword(password, user.password_hash)) return
    await store.transaction(async (tx) => {
      const current = await store
        .forUpdate(tx.selectFrom('users').select('failed_sign_ins').where('id', '=', user.id))
        .executeTakeFirstOrThrow()
      if (await countFailure(tx, user.id, current.failed_sign_ins, now)) await endSessions(tx, user.id, now)
      await auditSignIn(tx, { id: user.id, name: user.user_name }, where, now, 'UNAUTHENTICATED')
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
    const row = await store.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', userId)
      .executeTakeFirst()
    const until = row?.locked_until ?? later(now, minutes(options.lockoutMinutes))
    return new AccountLockedError(Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 1000)))
  }

  /** A wrong password: the claimed attempt stays counted; the threshold locks the account. */
  async function failAttempt(claim: Claim, userName: string, where: Where, now: string): Promise<never> {
    await store.transaction(async (tx) => {
      if (claim.row) {
        const current = await store
          .forUpdate(tx.selectFrom('users').select('failed_sign_ins').where('id', '=', claim.row.id))
          .executeTakeFirstOrThrow()
        if (current.failed_sign_ins >= options.lockoutThreshold) await lockAccount(tx, claim.row.id, now)
      }
      await auditSignIn(tx, { id: claim.row?.id ?? null, name: userName }, where, now, 'UNAUTHENTICATED')
    })
    throw new UnauthenticatedError(INVALID)
  }

  async function openSession(userId: number, secondFactorPending: boolean, where: Where, now: string) {
    const token = randomBytes(32).toString('base64url')
    await store.db
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        user_id: userId,
        csrf_token: randomBytes(32).toString('base64url'),
        second_factor_pending: secondFactorPending,
        address: where.address.slice(0, 100),
        user_agent: where.userAgent.slice(0, 300),
        created_at: now,
        last_seen_at: now,
        expires_at: later(now, options.absoluteHours * 3_600_000),
      })
      .execute()
    return token
  }

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
      const isLocked = await store.transaction(async (tx) => {
        const current = await store
          .forUpdate(tx.selectFrom('users').select('locked_until').where('id', '=', row.id))
          .executeTakeFirstOrThrow()
        // Parallel guesses locked the account while this one was checked: the lock stands.
        if (current.locked_until && current.locked_until > now) {
          await auditSignIn(tx, { id: row.id, name: row.user_name }, where, now, 'ACCOUNT_LOCKED')
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
        await auditSignIn(tx, { id: row.id, name: row.user_name }, where, now, null)
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
        await store.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute()
      }
      return session(row, where)
    },

    async confirmSecondFactor(token, code, where) {
      const row = await requireRow(token)
      const now = ctx.now()
      const verdict = await store.transaction(async (tx) => {
        const user = await store
          .forUpdate(tx.selectFrom('users').selectAll().where('id', '=', row.user_id))
          .executeTakeFirstOrThrow()
        if (user.locked_until && user.locked_until > now) {
          await endPendingSessions(tx, user.id, now)
          await auditSignIn(tx, { id: user.id, name: user.user_name }, where, now, 'ACCOUNT_LOCKED')
          return 'locked' as const
        }
        const step = user.totp_secret ? verifyTotp(user.totp_secret, code, new Date(now)) : null
        if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
          // Wrong codes count towards the lockout like wrong passwords; at the lock, every
          // half-signed-in session of the account ends, so guessing cannot go on in them.
          const locks = await countFailure(tx, user.id, user.failed_sign_ins, now)
          if (locks) await endPendingSessions(tx, user.id, now)
          await auditSignIn(tx, { id: user.id, name: user.user_name }, where, now, 'UNAUTHENTICATED')
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

    checkCsrf(current, presented) {
      if (typeof presented !== 'string') return false
      const expected = Buffer.from(current.csrfToken)
      const given = Buffer.from(presented)
      return expected.length === given.length && timingSafeEqual(expected, given)
    },
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
