export {
  type Access,
  accessOf,
  type ContentPlace,
  canAdministerSecurity,
  canAdministerSystem,
  canBackdate,
  canManageSite,
  canReadAudit,
  canReadSite,
  canReview,
  canWrite,
  columnRoles,
  type Grant,
  installationRoles,
  operatorAccess,
  type Principal,
  type Role,
  roleLabels,
  roles,
} from './access.ts'
export { type Actor, systemActor } from './actor.ts'
export type { Article, ArticleSnapshot, ArticleStatus, Disclosure } from './article.ts'
export { articleStatuses } from './article.ts'
export {
  type ArticleInput,
  type ArticlePatch,
  type Attachment,
  articleInputSchema,
  articlePatchSchema,
} from './article-inputs.ts'
export { inColumns, quotesOfSite } from './article-membership.ts'
export { type ArticleQuery, type ArticleTextIndex, articleQuerySchema } from './article-query.ts'
export type { ImportedFrom, RevisionSummary } from './article-service.ts'
export { applyArticleUrlPattern } from './article-url-pattern.ts'
export { type ArticleViews, createArticleViews } from './article-views.ts'
export {
  type AuditChainSettings,
  attachAuditChain,
  checkpointAudit,
  closeAuditChain,
} from './audit-chain.ts'
export {
  type AuditEntry,
  type AuditQuery,
  type AuditRecord,
  appendAudit,
  recordAudit,
  recordRefusal,
} from './audit-log.ts'
export type { AuditVerification } from './audit-verify.ts'
export {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  IFRAME_SANDBOX,
  isAllowedImageSource,
  VALID_VALUES,
} from './body-policy.ts'
export { isCalendarDate } from './calendar-date.ts'
export { type OutboxChange, recordChange } from './change-log.ts'
export {
  type ColumnInput,
  type ColumnKind,
  type ColumnMove,
  type ColumnPatch,
  type ColumnUpdateType,
  columnInputSchema,
  columnMoveSchema,
  columnPatchSchema,
  columnUpdateTypes,
} from './column-inputs.ts'
export { loadColumnTree } from './column-service.ts'
export type { Column, ColumnNode, ColumnTree } from './column-tree.ts'
export { type Content, createContent } from './content.ts'
export type { CopyTarget } from './copy-article.ts'
export { FIELD_NAME, type FieldDefinition } from './custom-fields.ts'
export { charsetOf, decodeText, TEXT_CHARSETS } from './decode-text.ts'
export { htmlToText, storedBodyText } from './html-to-text.ts'
export {
  type BodyElement,
  type BodyNode,
  type BodyParent,
  isElement,
  parseBodyFragment,
  serializeBodyFragment,
} from './parse-body-fragment.ts'
export type { PurgeResult } from './recycle-bin.ts'
export type { FieldChange, RevisionDiff, TextChange } from './revision-diff.ts'
export { sanitizeBody } from './sanitize-body.ts'
export { type ContentOptions, createServiceContext, perform, type ServiceContext } from './service-context.ts'
export { type SiteInput, type SitePatch, siteInputSchema, sitePatchSchema } from './site-inputs.ts'
export type { Site, SiteRef } from './site-service.ts'
export { validateInput } from './validate-input.ts'
export {
  articleTexts,
  type CheckedText,
  type SavedArticle,
  type WordingGate,
  type WordingHit,
  type WordingOverride,
} from './wording-gate.ts'
export { createWorkspace, type Workspace } from './workspace.ts'
export { formatZonedMinute, parseZonedMinute } from './zoned-time.ts'
