import type { SessionView } from '../types.ts'

/** The roles of docs/server.md; the first four hold for the whole installation (三员分立). */
export const ROLES = [
  'admin',
  'system_admin',
  'security_admin',
  'audit_admin',
  'site_admin',
  'editor',
  'reviewer',
] as const
export type Role = (typeof ROLES)[number]

export const INSTALLATION_ROLES: readonly Role[] = ['admin', 'system_admin', 'security_admin', 'audit_admin']

/**
 * Whether the signed-in user holds one of the roles anywhere. The screen only decides what to
 * offer; the server decides what is allowed and says why when it refuses.
 */
export function holdsRole(session: SessionView, ...roles: readonly Role[]): boolean {
  return session.user.grants.some((grant) => (roles as readonly string[]).includes(grant.role))
}

/** Creates and changes sites and accounts (as the server says: session.allowedActions). */
export const administersSystem = (session: SessionView) => session.allowedActions.includes('administerSystem')

/** Grants roles, unlocks accounts, resets passwords. */
export const administersSecurity = (session: SessionView) =>
  session.allowedActions.includes('administerSecurity')

/** Reads the audit log: the audit administrator alone (三员分立). */
export const readsAudit = (session: SessionView) => session.allowedActions.includes('readAudit')

/** Reads the site's content and column tree: any site or content role in it. */
export function readsSite(session: SessionView, siteId: number): boolean {
  return session.user.grants.some(
    (grant) =>
      grant.role === 'admin' ||
      (['site_admin', 'editor', 'reviewer'].includes(grant.role) &&
        (grant.siteId === null || grant.siteId === siteId)),
  )
}
