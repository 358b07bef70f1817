/** The shapes the API answers with (see /api/openapi.json). */
export interface Grant {
  readonly id: number
  readonly role: string
  readonly siteId: number | null
  readonly columnId: number | null
  readonly reviewLevel: number | null
}

export interface SessionView {
  readonly user: {
    readonly id: number
    readonly userName: string
    readonly displayName: string
    readonly grants: readonly Grant[]
  }
  readonly csrfToken: string
  readonly secondFactorPending: boolean
  readonly mustChangePassword: boolean
}

export interface Site {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly timeZone: string
}

export interface ColumnNode {
  readonly id: number
  readonly name: string
  readonly path: string
  readonly kind: string
  readonly reviewLevels: number
  readonly children: readonly ColumnNode[]
}

export type ArticleStatus = 'draft' | 'submitted' | 'rejected' | 'scheduled' | 'published' | 'withdrawn'

export interface Article {
  readonly id: number
  readonly siteId: number
  readonly columnId: number
  readonly title: string
  readonly status: ArticleStatus
  readonly createdBy: string
  readonly publishAt: string | null
  readonly updatedAt: string
  readonly revision: number
  /** Above 0: pinned (置顶), higher first. */
  readonly weight: number
}
