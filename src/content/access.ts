import type { Actor } from './actor.ts'

/**
 * Who may do what, from a user's role grants. Roles follow 等保2.0's 三员分立: the system,
 * security and audit administrators each hold one part of the administration and none can
 * do another's. Content roles are scoped to a site or to a column subtree.
 */
export const roles = [
  'admin',
  'system_admin',
  'security_admin',
  'audit_admin',
  'site_admin',
  'editor',
  'reviewer',
] as const
export type Role = (typeof roles)[number]

/** Roles that exist only installation-wide; the others take a site and, for content roles, a column. */
export const installationRoles: readonly Role[] = ['admin', 'system_admin', 'security_admin', 'audit_admin']
export const columnRoles: readonly Role[] = ['editor', 'reviewer']

export const roleLabels: Readonly<Record<Role, { zh: string; en: string }>> = {
  admin: { zh: '管理员', en: 'administrator' },
  system_admin: { zh: '系统管理员', en: 'system administrator' },
  security_admin: { zh: '安全管理员', en: 'security administrator' },
  audit_admin: { zh: '审计管理员', en: 'audit administrator' },
  site_admin: { zh: '站点管理员', en: 'site administrator' },
  editor: { zh: '编辑', en: 'editor' },
  reviewer: { zh: '审核员', en: 'reviewer' },
}

export interface Grant {
  readonly id: number
  readonly role: Role
  /** null: every site. */
  readonly siteId: number | null
  /** null: the whole site; else this column and its descendants. */
  readonly columnId: number | null
  /** Reviewers: the one level (1 初审, 2 复审, 3 终审) they approve at; null: every level. */
  readonly reviewLevel: number | null
}

/** A signed-in user's grants, or the operator at the machine (CLI), who may do everything. */
export interface Access {
  readonly userId: number | null
  readonly grants: readonly Grant[]
  readonly isOperator: boolean
}

export const operatorAccess: Access = Object.freeze({ userId: null, grants: [], isOperator: true })

export function accessOf(userId: number, grants: readonly Grant[]): Access {
  return Object.freeze({ userId, grants: Object.freeze([...grants]), isOperator: false })
}

/** Where a piece of content sits: its site and its column with the column's ancestors. */
export interface ContentPlace {
  readonly siteId: number
  /** The column and its ancestors, nearest first; empty for site-level things. */
  readonly columnPath: readonly number[]
}

const holds = (access: Access, role: Role) => access.grants.some((grant) => grant.role === role)

function inSite(grant: Grant, siteId: number) {
  return grant.siteId === null || grant.siteId === siteId
}

function covers(grant: Grant, place: ContentPlace) {
  return inSite(grant, place.siteId) && (grant.columnId === null || place.columnPath.includes(grant.columnId))
}

/** Administers the site: its columns, templates, settings, and all of its content. */
export function canManageSite(access: Access, siteId: number): boolean {
  return (
    access.isOperator ||
    holds(access, 'admin') ||
    access.grants.some((grant) => grant.role === 'site_admin' && inSite(grant, siteId))
  )
}

/** Sees the site's content at all: anyone holding a content role in it. */
export function canReadSite(access: Access, siteId: number): boolean {
  return (
    canManageSite(access, siteId) ||
    access.grants.some((grant) => columnRoles.includes(grant.role) && inSite(grant, siteId))
  )
}

export function canWrite(access: Access, place: ContentPlace): boolean {
  return (
    canManageSite(access, place.siteId) ||
    access.grants.some((grant) => grant.role === 'editor' && covers(grant, place))
  )
}

/** Approves at `level` (1–3) in the place's column. */
export function canReview(access: Access, place: ContentPlace, level: number): boolean {
  return (
    canManageSite(access, place.siteId) ||
    access.grants.some(
      (grant) =>
        grant.role === 'reviewer' &&
        covers(grant, place) &&
        (grant.reviewLevel === null || grant.reviewLevel === level),
    )
  )
}

/** Uploads images and attachments into the site: anyone who may write somewhere in it. */
export function canUpload(access: Access, siteId: number): boolean {
  return (
    canManageSite(access, siteId) ||
    access.grants.some((grant) => grant.role === 'editor' && inSite(grant, siteId))
  )
}

/** Sets a publish time in the past (back-dating): site administrators only, and audited. */
export function canBackdate(access: Access, siteId: number): boolean {
  return canManageSite(access, siteId)
}

/** Creates and changes sites and user accounts (not their grants). */
export function canAdministerSystem(access: Access): boolean {
  return access.isOperator || holds(access, 'admin') || holds(access, 'system_admin')
}

/** Grants and revokes roles, locks, unlocks and resets accounts. */
export function canAdministerSecurity(access: Access): boolean {
  return access.isOperator || holds(access, 'admin') || holds(access, 'security_admin')
}

/** Reads the audit log. Only the audit administrator: no one else, not even `admin`. */
export function canReadAudit(access: Access): boolean {
  return access.isOperator || holds(access, 'audit_admin')
}

/** The one who acts and what they may do: a signed-in user, or the operator at the CLI. */
export interface Principal {
  readonly actor: Actor
  readonly access: Access
}
