import { createServiceContext, type ServiceContext } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { type AccountsOptions, defaultAccountsOptions } from './options.ts'
import { type SessionService, sessionService } from './sessions.ts'
import { type UserService, userService } from './users.ts'

/** Users, their roles and sessions: who may sign in, and what they may do once they have. */
export interface Accounts {
  readonly users: UserService
  readonly sessions: SessionService
  readonly options: AccountsOptions
}

export function createAccounts(
  store: Store,
  options: Partial<AccountsOptions> & { readonly now?: () => Date } = {},
): Accounts {
  const { now, ...settings } = options
  const resolved = Object.freeze({ ...defaultAccountsOptions, ...settings })
  const ctx: ServiceContext = createServiceContext(store, now ? { now } : {})
  return Object.freeze({
    users: userService(ctx, resolved),
    sessions: sessionService(ctx, resolved),
    options: resolved,
  })
}
