import { type Grant, type Role, roles } from '../content/index.ts'
import type { GrantRow, UserRow } from '../store/index.ts'

export interface User {
  readonly id: number
  readonly userName: string
  readonly displayName: string
  readonly disabled: boolean
  /** Set while too many failed sign-ins lock the account out. */
  readonly lockedUntil: string | null
  readonly mustChangePassword: boolean
  readonly passwordChangedAt: string
  readonly hasSecondFactor: boolean
  readonly lastSignInAt: string | null
  readonly createdAt: string
  readonly grants: readonly Grant[]
}

export function toUser(row: UserRow, grants: readonly GrantRow[]): User {
  return {
    id: row.id,
    userName: row.user_name,
    displayName: row.display_name,
    disabled: Boolean(row.disabled),
    lockedUntil: row.locked_until,
    mustChangePassword: Boolean(row.must_change_password),
    passwordChangedAt: row.password_changed_at,
    hasSecondFactor: row.totp_secret !== null,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    grants: grants.map(toGrant),
  }
}

export function toGrant(row: GrantRow): Grant {
  return {
    id: row.id,
    role: (roles as readonly string[]).includes(row.role) ? (row.role as Role) : 'editor',
    siteId: row.site_id,
    columnId: row.column_id,
    reviewLevel: row.review_level,
  }
}

/** User names compare case- and width-insensitively: `ZhangSan` and `ｚｈａｎｇｓａｎ` are one. */
export function normalizeUserName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase()
}
