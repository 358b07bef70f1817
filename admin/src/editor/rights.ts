import type { Grant } from '../types.ts'

/** What the signed-in user may do with an article in a column: the server's rules, for showing buttons. */
export interface Rights {
  readonly isSiteAdmin: boolean
  readonly canWrite: boolean
  canReviewAt(level: number): boolean
}

/**
 * Mirrors src/content/access.ts: a grant covers its site (or all) and, when it names a column,
 * that column's subtree. The server checks again; this only decides which buttons to offer.
 */
export function rightsIn(grants: readonly Grant[], siteId: number, columnIds: readonly number[]): Rights {
  const inSite = (grant: Grant) => grant.siteId === null || grant.siteId === siteId
  const covers = (grant: Grant) =>
    inSite(grant) && (grant.columnId === null || columnIds.includes(grant.columnId))
  const isSiteAdmin = grants.some(
    (grant) => grant.role === 'admin' || (grant.role === 'site_admin' && inSite(grant)),
  )
  return {
    isSiteAdmin,
    canWrite: isSiteAdmin || grants.some((grant) => grant.role === 'editor' && covers(grant)),
    canReviewAt: (level) =>
      isSiteAdmin ||
      grants.some(
        (grant) =>
          grant.role === 'reviewer' &&
          covers(grant) &&
          (grant.reviewLevel === null || grant.reviewLevel === level),
      ),
  }
}
