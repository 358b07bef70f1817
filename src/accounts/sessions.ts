import type { Principal, ServiceContext } from '../content/index.ts'
import { changeOwnPassword } from './change-own-password.ts'
import { lockout } from './lockout.ts'
import type { AccountsOptions } from './options.ts'
import { secondFactor } from './second-factor.ts'
import { sessionRows } from './session-rows.ts'
import { signIn } from './sign-in.ts'
import type { User } from './user.ts'

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

/**
 * Signing in and staying signed in, from three parts: sign-in.ts (password, session, sign-out),
 * lockout.ts (failures counted, accounts locked, addresses throttled) and second-factor.ts
 * (TOTP); change-own-password.ts asks for the current password through the lockout too.
 */
export function sessionService(ctx: ServiceContext, options: AccountsOptions): SessionService {
  const rows = sessionRows(ctx, options)
  const guard = lockout(ctx, options)
  return {
    ...signIn(ctx, rows, guard),
    ...secondFactor(ctx, rows, guard),
    ...changeOwnPassword(ctx, options, rows, guard),
  }
}
