import { createHash, randomBytes } from 'node:crypto'
import { type Access, type Actor, accessOf, type ServiceContext } from '../content/index.ts'
import { UnauthenticatedError } from '../errors/index.ts'
import type { SessionRow } from '../store/index.ts'
import { confirmGrantsHeld } from './confirm-grants.ts'
import { later, minutes } from './later.ts'
import type { AccountsOptions } from './options.ts'
import { isExpired, passwordPolicy } from './password-policy.ts'
import type { Session, Where } from './sessions.ts'
import { readUser } from './users.ts'

/** Sessions as rows: opening one, finding a cookie's live one, and what it lets its user do. */
export interface SessionRows {
  session(row: SessionRow, where: Where): Promise<Session>
  /** The row of a cookie's token, or null when it is unknown, ended, idle or too old. */
  liveRow(token: string): Promise<SessionRow | null>
  /** The live row, or UNAUTHENTICATED. */
  requireRow(token: string): Promise<SessionRow>
  /** A new session; returns the cookie's token, of which only the hash is stored. */
  openSession(userId: number, secondFactorPending: boolean, where: Where, now: string): Promise<string>
}

export function sessionRows(ctx: ServiceContext, options: AccountsOptions): SessionRows {
  const policy = passwordPolicy(options.passwordProfile)

  async function session(row: SessionRow, where: Where): Promise<Session> {
    const user = await readUser(ctx.store.db, row.user_id)
    const access: Access = accessOf(user.id, user.grants)
    const actor: Actor = {
      id: `user:${user.id}`,
      name: user.userName,
      address: where.address,
      confirmRights: (tx) => confirmGrantsHeld(ctx.store, tx, user.id, access.grants),
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
    const row = await ctx.store.db
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

  async function openSession(userId: number, secondFactorPending: boolean, where: Where, now: string) {
    const token = randomBytes(32).toString('base64url')
    await ctx.store.db
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

  return { session, liveRow, requireRow, openSession }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
