export {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  type BodyElement,
  type BodyNode,
  type BodyParent,
  DROPPED_WITH_CONTENT,
  FIELD_NAME,
  formatZonedMinute,
  IFRAME_SANDBOX,
  isAllowedImageSource,
  isElement,
  parseBodyFragment,
  parseZonedMinute,
  serializeBodyFragment,
  VALID_VALUES,
} from '../markup/index.ts'
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
export {
  type ArticleAction,
  allowedArticleActions,
  allowedInstallationActions,
  allowedSiteActions,
  articleActions,
  type ColumnAction,
  type ColumnNodeWithActions,
  columnActions,
  type InstallationAction,
  installationActions,
  type SiteAction,
  siteActions,
} from './allowed-actions.ts'
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
export {
  type ArticleQuery,
  type ArticleTextIndex,
  articleQuerySchema,
  listArticlesOf,
} from './article-query.ts'
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
export { isCalendarDate } from './calendar-date.ts'
export { type OutboxChange, recordChange } from './change-log.ts'
export {
  type ColumnInput,
  type ColumnKind,
  type ColumnMove,
  type ColumnPatch,
  type ColumnUpdateType,
  columnInputSchema,
  columnKinds,
  columnMoveSchema,
  columnPatchSchema,
  columnUpdateTypes,
} from './column-inputs.ts'
export { loadColumnTree } from './column-service.ts'
export type { Column, ColumnNode, ColumnTree } from './column-tree.ts'
export { type Content, createContent } from './content.ts'
export { type CopyChanges, type CopyTarget, copyArticleInto } from './copy-article.ts'
export { type FieldDefinition, fieldDefinitionSchema } from './custom-fields.ts'
export { charsetOf, decodeText, TEXT_CHARSETS } from './decode-text.ts'
export type { ArticleView } from './describe-articles.ts'
export { htmlToText, storedBodyText } from './html-to-text.ts'
export { nameSchema } from './name-schema.ts'
export type { PurgeResult } from './recycle-bin.ts'
export type { FieldChange, RevisionDiff, TextChange } from './revision-diff.ts'
export {
  type ContentOptions,
  createServiceContext,
  lockSite,
  perform,
  type ServiceContext,
} from './service-context.ts'
export { type SiteInput, type SitePatch, siteInputSchema, sitePatchSchema } from './site-inputs.ts'
export { findSite, type Site, type SiteRef } from './site-service.ts'
export {
  bannerSchema,
  DEFAULT_TOPIC_SETTINGS,
  type TopicSettings,
  templateSetSchema,
} from './topic-settings.ts'
export { validateInput } from './validate-input.ts'
export {
  articleTexts,
  type CheckedText,
  type SavedArticle,
  type WordingGate,
  type WordingHit,
  type WordingOverride,
} from './wording-gate.ts'
export { createWorkspace, type SiteView, type Workspace } from './workspace.ts'
