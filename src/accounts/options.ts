import type { PasswordProfile } from './password-policy.ts'

export interface AccountsOptions {
  /** 'dengbao' (等保2.0, the default) or 'asvs' (OWASP ASVS): see docs/accounts.md. */
  readonly passwordProfile: PasswordProfile
  /** Failed sign-ins in a row that lock an account. */
  readonly lockoutThreshold: number
  readonly lockoutMinutes: number
  /** Failed sign-ins from one address, over all user names, before that address must wait. */
  readonly addressFailureLimit: number
  readonly addressWindowMinutes: number
  /** A session unused this long ends. */
  readonly idleMinutes: number
  /** A session ends this long after sign-in, however busy. */
  readonly absoluteHours: number
}

export const defaultAccountsOptions: AccountsOptions = Object.freeze({
  passwordProfile: 'dengbao',
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  addressFailureLimit: 30,
  addressWindowMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
})
