import type { Article, Grant, Site } from '../types.ts'

/** The administration API's answers (src/server/routes/account-routes.ts, content-routes.ts). */
export interface UserAccount {
  readonly id: number
  readonly userName: string
  readonly displayName: string
  readonly disabled: boolean
  /** Set while too many failed sign-ins lock the account out. */
  readonly lockedUntil: string | null
  readonly mustChangePassword: boolean
  readonly hasSecondFactor: boolean
  readonly lastSignInAt: string | null
  readonly createdAt: string
  readonly grants: readonly Grant[]
}

/** A site with the settings its pages show in the footer (网站标识码, 备案号, 主办单位…). */
export interface SiteSettings extends Site {
  readonly baseUrl: string
  readonly orgCode: string
  readonly siteIdCode: string
  readonly icp: string
  readonly policeRecord: string
  readonly sponsor: string
  readonly contact: string
  /** Where an article's page goes when first published, `{column}/{yyyy}/{mm}/{dd}/{id}.html`. */
  readonly articleUrlPattern: string
  /** The other sites of the installation find its pages in their search (站群). */
  readonly sharesSearch: boolean
  /** Drawn on the pictures uploaded into the site; empty: none. */
  readonly watermark: string
}

export interface AuditRecord {
  readonly id: number
  readonly at: string
  readonly actor: string
  readonly address: string
  readonly action: string
  readonly targetType: string
  readonly targetId: string
  readonly outcome: string
  readonly errorCode: string | null
  readonly detail: Readonly<Record<string, unknown>>
}

export interface AuditVerification {
  readonly isIntact: boolean
  readonly checked: number
  /** The first record whose hash or link does not match. */
  readonly brokenAt?: number
  readonly reason?: string
}

export interface DeletedArticle extends Article {
  readonly deletedAt: string | null
  readonly deletedBy: string | null
}
