import type { PasswordProfile } from './password-policy.ts'

export interface AccountsOptions {
  /** 'dengbao' (等保2.0, the default) or 'asvs' (OWASP ASVS): see docs/accounts.md. */
  readonly passwordProfile: PasswordProfile
  /** Failed sign-ins in a row that lock an account. */
  readonly lockoutThreshold: number
  readonly lockoutMinutes: number
  /** Failed sign-ins for one user name from one address before that pair must wait. */
  readonly userAddressFailureLimit: number
  /**
   * Failed sign-ins from one address, over all user names, past which only users who signed
   * in from there before may try (a brake on password spraying, not a lockout of an office).
   */
  readonly addressFailureLimit: number
  /** The window both counts look back over; a throttled pair or address waits this long. */
  readonly addressWindowMinutes: number
  /** How far back a sign-in from an address makes its user known there (for the brake above). */
  readonly knownAddressDays: number
  /** A session unused this long ends. */
  readonly idleMinutes: number
  /** A session ends this long after sign-in, however busy. */
  readonly absoluteHours: number
}

export const defaultAccountsOptions: AccountsOptions = Object.freeze({
  passwordProfile: 'dengbao',
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  // Why these numbers: docs/server.md, Accounts.
  userAddressFailureLimit: 10,
  addressFailureLimit: 300,
  addressWindowMinutes: 15,
  knownAddressDays: 90,
  idleMinutes: 30,
  absoluteHours: 12,
})
