import {
  type Access,
  type ContentPlace,
  canAdministerSecurity,
  canAdministerSystem,
  canManageSite,
  canReadAudit,
  canReadSite,
  canReview,
  canUpload,
  canWrite,
} from './access.ts'
import type { Article } from './article.ts'
import type { ColumnNode } from './column-tree.ts'

/**
 * What the signed-in user may do, worked out from the same rules that check each action
 * (access.ts and the workflow's states), so the admin offers only what will be accepted and
 * never mirrors the rules itself. The checks still run on every call: these only tell.
 */
export const articleActions = [
  'edit',
  'submit',
  'recall',
  'approve',
  'reject',
  'publish',
  'withdraw',
  'scheduleUnpublish',
  'delete',
  'restore',
  'copy',
  'pin',
] as const
export type ArticleAction = (typeof articleActions)[number]

export const siteActions = [
  'read',
  'write',
  'review',
  'upload',
  'publish',
  'manageColumns',
  'manageTemplates',
  'manageSettings',
  'import',
  'inspection',
  'manageInteraction',
] as const
export type SiteAction = (typeof siteActions)[number]

/** What the user may do in a column: write (or copy into it) and review at some level there. */
export const columnActions = ['write', 'review'] as const
export type ColumnAction = (typeof columnActions)[number]

/** A column of the tree with what the signed-in user may do in it. */
export interface ColumnNodeWithActions extends Omit<ColumnNode, 'children'> {
  readonly allowedActions: readonly ColumnAction[]
  readonly children: readonly ColumnNodeWithActions[]
}

/**
 * The tree with each column's allowed actions, from the grants that cover the column or an
 * ancestor (as access.ts decides), so the editor's column choices and the copy dialog offer
 * exactly the columns the server would accept.
 */
export function withColumnActions(
  access: Access,
  nodes: readonly ColumnNode[],
  ancestors: readonly number[] = [],
): readonly ColumnNodeWithActions[] {
  return nodes.map((node) => {
    const place = { siteId: node.siteId, columnPath: [node.id, ...ancestors] }
    const levels = Array.from({ length: Math.max(1, node.reviewLevels) }, (_, index) => index + 1)
    const allowed: Record<ColumnAction, boolean> = {
      write: canWrite(access, place),
      review: levels.some((level) => canReview(access, place, level)),
    }
    return {
      ...node,
      allowedActions: columnActions.filter((action) => allowed[action]),
      children: withColumnActions(access, node.children, place.columnPath),
    }
  })
}

export const installationActions = ['administerSystem', 'administerSecurity', 'readAudit'] as const
export type InstallationAction = (typeof installationActions)[number]

/** What the article's workflow and its columns say, beside the article itself. */
export interface ArticleSituation {
  readonly place: ContentPlace
  /** The most review any of its columns asks for. */
  readonly reviewLevels: number
  /** User ids (`user:1`) that submitted or approved it in the current round of review. */
  readonly reviewedBy: readonly string[]
}

/** The user's allowed actions on one article, in the order of `articleActions`. */
export function allowedArticleActions(
  access: Access,
  actor: { readonly id: string; readonly name: string },
  article: Article,
  situation: ArticleSituation,
): readonly ArticleAction[] {
  const { place, reviewLevels, reviewedBy } = situation
  const manages = canManageSite(access, article.siteId)
  const writes = canWrite(access, place)
  if (article.deletedAt !== null) return writes ? ['restore'] : []
  const isReviewed = ['submitted', 'scheduled', 'published'].includes(article.status) && reviewLevels > 0
  const edits = writes && (!isReviewed || manages)
  const awaited = article.reviewStage + 1
  const reviews =
    article.status === 'submitted' && canReview(access, place, awaited) && !reviewedBy.includes(actor.id)
  const allowed: Record<ArticleAction, boolean> = {
    edit: edits,
    submit: writes && ['draft', 'rejected', 'withdrawn'].includes(article.status),
    recall: isRecallable(article) && writes && (article.submittedBy === actor.name || manages),
    approve: reviews,
    reject: article.status === 'submitted' && canReview(access, place, awaited),
    publish: manages && article.status !== 'published',
    withdraw: writes && article.status === 'published',
    scheduleUnpublish: writes && article.status === 'published',
    delete: writes,
    restore: false,
    copy: canReadSite(access, article.siteId) && canUpload(access, article.siteId),
    pin: edits,
  }
  return articleActions.filter((action) => allowed[action])
}

/** Waiting for its first review: recalling it (撤回) takes nothing a reviewer decided away. */
export function isRecallable(article: Article): boolean {
  return article.status === 'submitted' && article.reviewStage === 0
}

/** The user's allowed actions in a site. */
export function allowedSiteActions(access: Access, siteId: number): readonly SiteAction[] {
  const manages = canManageSite(access, siteId)
  const allowed: Record<SiteAction, boolean> = {
    read: canReadSite(access, siteId),
    write: canUpload(access, siteId),
    review:
      manages ||
      access.grants.some(
        (grant) => grant.role === 'reviewer' && (grant.siteId === null || grant.siteId === siteId),
      ),
    upload: canUpload(access, siteId),
    publish: manages,
    manageColumns: manages,
    manageTemplates: manages,
    manageSettings: manages || canAdministerSystem(access),
    import: manages,
    inspection: manages,
    manageInteraction: manages,
  }
  return siteActions.filter((action) => allowed[action])
}

/** The user's installation-wide actions (三员分立: each administrator holds one part). */
export function allowedInstallationActions(access: Access): readonly InstallationAction[] {
  const allowed: Record<InstallationAction, boolean> = {
    administerSystem: canAdministerSystem(access),
    administerSecurity: canAdministerSecurity(access),
    readAudit: canReadAudit(access),
  }
  return installationActions.filter((action) => allowed[action])
}
