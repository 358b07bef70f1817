// Written by `npm run api:types` from the API’s OpenAPI document (scripts/write-api-types.ts).
// Do not edit: change the route schemas in src/server and write it again.

/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "EvidenceRef".
 */
export type EvidenceRef =
  | {
      kind: 'article'
      id: number
      path: string | null
    }
  | {
      kind: 'column'
      id: number
      path: string
    }
  | {
      kind: 'page'
      path: string
    }
  | {
      kind: 'case'
      id: number
    }
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "MailboxList".
 */
export type MailboxList = Mailbox[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "MailboxHandlerList".
 */
export type MailboxHandlerList = {
  userId: number
  userName: string
  displayName: string
  reviewLevel: number | null
  [k: string]: unknown
}[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "CalendarDayList".
 */
export type CalendarDayList = {
  day: string
  kind: 'holiday' | 'workday'
  note: string
}[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "CaseList".
 */
export type CaseList = Case[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ConsultationList".
 */
export type ConsultationList = {
  id: number
  siteId: number
  title: string
  draft: string
  startsDay: string
  endsDay: string
  state: 'upcoming' | 'open' | 'closed'
  summary: string | null
  summaryAt: string | null
  opinionCount: number
  questionnaire: Questionnaire | null
  feedbackArticleId: number | null
  [k: string]: unknown
}[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "OpinionList".
 */
export type OpinionList = {
  id: number
  content: string
  nameMasked: string
  receivedAt: string
  answers: {
    [k: string]: number | number[] | string
  } | null
  [k: string]: unknown
}[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SubmissionList".
 */
export type SubmissionList = Submission[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SubmissionTargetList".
 */
export type SubmissionTargetList = SubmissionTarget[]
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SubmissionSourceChoices".
 */
export type SubmissionSourceChoices = {
  id: number
  name: string
}[]

/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Grant".
 */
export interface Grant {
  id: number
  role: 'admin' | 'system_admin' | 'security_admin' | 'audit_admin' | 'site_admin' | 'editor' | 'reviewer'
  siteId: number | null
  columnId: number | null
  reviewLevel: number | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SessionView".
 */
export interface SessionView {
  user: {
    id: number
    userName: string
    displayName: string
    grants: Grant[]
    hasSecondFactor: boolean
    [k: string]: unknown
  }
  csrfToken: string
  secondFactorPending: boolean
  mustChangePassword: boolean
  expiresAt: string
  allowedActions: string[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SessionState".
 */
export interface SessionState {
  session: SessionView | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SiteSettings".
 */
export interface SiteSettings {
  id: number
  slug: string
  name: string
  baseUrl: string
  timeZone: string
  theme: string
  orgCode: string
  siteIdCode: string
  icp: string
  policeRecord: string
  sponsor: string
  contact: string
  articleUrlPattern: string
  sharesSearch: boolean
  watermark: string
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Site".
 */
export interface Site {
  id: number
  slug: string
  name: string
  baseUrl: string
  timeZone: string
  theme: string
  orgCode: string
  siteIdCode: string
  icp: string
  policeRecord: string
  sponsor: string
  contact: string
  articleUrlPattern: string
  sharesSearch: boolean
  watermark: string
  allowedActions: string[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SiteList".
 */
export interface SiteList {
  items: Site[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "FieldDefinition".
 */
export interface FieldDefinition {
  name: string
  label: string
  type: 'text' | 'number' | 'date' | 'select' | 'boolean' | 'url'
  isRequired: boolean
  /**
   * @maxItems 200
   */
  options?: string[]
  maxLength?: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Column".
 */
export interface Column {
  id: number
  siteId: number
  parentId: number | null
  name: string
  slug: string
  path: string
  kind: 'list' | 'page' | 'link' | 'topic'
  pageSize: number
  includesDescendants: boolean
  isDisclosure: boolean
  reviewLevels: number
  updateType: 'news' | 'notice' | 'policy' | 'other'
  linkUrl: string | null
  fieldSchema: FieldDefinition[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ColumnNode".
 */
export interface ColumnNode {
  id: number
  siteId: number
  parentId: number | null
  name: string
  slug: string
  path: string
  kind: 'list' | 'page' | 'link' | 'topic'
  pageSize: number
  includesDescendants: boolean
  isDisclosure: boolean
  reviewLevels: number
  updateType: 'news' | 'notice' | 'policy' | 'other'
  linkUrl: string | null
  fieldSchema: FieldDefinition[]
  allowedActions: ('write' | 'review')[]
  children: ColumnNode[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ColumnTree".
 */
export interface ColumnTree {
  roots: ColumnNode[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ArticleSummary".
 */
export interface ArticleSummary {
  id: number
  siteId: number
  columnId: number
  title: string
  status: 'draft' | 'submitted' | 'rejected' | 'scheduled' | 'published' | 'withdrawn'
  createdBy: string
  publishAt: string | null
  updatedAt: string
  revision: number
  weight: number
  reviewStage: number
  reviewComment: string | null
  deletedAt: string | null
  deletedBy: string | null
  allowedActions: string[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ArticleList".
 */
export interface ArticleList {
  items: ArticleSummary[]
  total: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "UserAccount".
 */
export interface UserAccount {
  id: number
  userName: string
  displayName: string
  disabled: boolean
  lockedUntil: string | null
  mustChangePassword: boolean
  hasSecondFactor: boolean
  lastSignInAt: string | null
  createdAt: string
  grants: Grant[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "UserList".
 */
export interface UserList {
  items: UserAccount[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "AuditRecord".
 */
export interface AuditRecord {
  id: number
  at: string
  actor: string
  address: string
  action: string
  targetType: string
  targetId: string
  outcome: string
  errorCode: string | null
  detail: {
    [k: string]: unknown
  }
  actorName: string
  targetName: string | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "AuditList".
 */
export interface AuditList {
  items: AuditRecord[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "AuditVerification".
 */
export interface AuditVerification {
  isIntact: boolean
  checked: number
  legacy: number
  checkpoints: number
  brokenAt?: number
  reason?: string
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "BrokenLinkList".
 */
export interface BrokenLinkList {
  items: {
    runId: number
    path: string
    articleId: number | null
    title: string | null
    editor: string | null
    element: string
    href: string
    [k: string]: unknown
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "TemplateSource".
 */
export interface TemplateSource {
  name: string
  source: string
  defaultSource: string
  isCustomized: boolean
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "TemplateList".
 */
export interface TemplateList {
  items: {
    name: string
    isCustomized: boolean
    updatedAt: string | null
    [k: string]: unknown
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SearchTop".
 */
export interface SearchTop {
  popular: {
    query: string
    searches: number
    hits: number
  }[]
  foundNothing: {
    query: string
    searches: number
    hits: number
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SynonymGroups".
 */
export interface SynonymGroups {
  groups: string[][]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "WordingHit".
 */
export interface WordingHit {
  field: string
  start: number
  end: number
  found: string
  word: string
  kind: string
  level: 'block' | 'warn'
  suggestion: string | null
  isNearMiss: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "WordingCheck".
 */
export interface WordingCheck {
  hits: WordingHit[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PasswordPolicy".
 */
export interface PasswordPolicy {
  profile: string
  minLength: number
  description: {
    zh: string
    en: string
  }
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PasswordReset".
 */
export interface PasswordReset {
  password: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PurgeResult".
 */
export interface PurgeResult {
  articles: number
  columns: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Attachment".
 */
export interface Attachment {
  name: string
  url: string
  size?: number
  mimeType?: string
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Disclosure".
 */
export interface Disclosure {
  indexNo: string | null
  topicCategory: string
  issuingAgency: string
  writtenDate: string | null
  documentNo: string
  subjectWords: string[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Article".
 */
export interface Article {
  id: number
  siteId: number
  columnId: number
  alsoInColumnIds: number[]
  title: string
  subtitle: string
  source: string
  author: string
  summary: string
  keywords: string[]
  bodyHtml: string
  coverImage: string | null
  attachments: Attachment[]
  customFields: {
    [k: string]: string | number | boolean
  }
  weight: number
  pinnedUntil: string | null
  publishAt: string | null
  status: 'draft' | 'submitted' | 'rejected' | 'scheduled' | 'published' | 'withdrawn'
  urlPath: string | null
  revision: number
  disclosure: Disclosure | null
  createdBy: string
  updatedBy: string
  updatedAt: string
  reviewStage: number
  reviewComment: string | null
  unpublishAt: string | null
  submittedBy: string | null
  copiedFromId: number | null
  allowedActions: string[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "LinkingPageList".
 */
export interface LinkingPageList {
  items: {
    path: string
    url: string
    kind: string
    articleId: number | null
    title: string | null
    [k: string]: unknown
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "RevisionList".
 */
export interface RevisionList {
  items: {
    revision: number
    actor: string
    actorName: string
    createdAt: string
    [k: string]: unknown
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "RevisionDiff".
 */
export interface RevisionDiff {
  articleId: number
  from: number
  to: number
  fields: {
    field: string
    before: unknown
    after: unknown
  }[]
  body: {
    kind: 'same' | 'added' | 'removed'
    text: string
  }[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "UploadResult".
 */
export interface UploadResult {
  name: string
  mimeType: string
  size: number
  url: string
  width: number | null
  height: number | null
  kind: 'image' | 'attachment'
  sha256: string
  thumbnailUrl: string | null
  original: {
    name: string
    mimeType: string
    size: number
    url: string
    width: number | null
    height: number | null
    [k: string]: unknown
  } | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "FailedPage".
 */
export interface FailedPage {
  path: string
  error: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PublishPlan".
 */
export interface PublishPlan {
  mode: 'incremental' | 'full'
  pages: string[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PublishJob".
 */
export interface PublishJob {
  id: string
  siteId: number
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  done: number
  createdAt: string
  finishedAt: string | null
  result: {
    written: number
    unchanged: number
    removed: number
    failed: FailedPage[]
    runId: number | null
    [k: string]: unknown
  } | null
  error: {
    code: string
    message: string
  } | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PublishRun".
 */
export interface PublishRun {
  id: number
  mode: string
  started_at: string
  finished_at: string
  written: number
  unchanged: number
  removed: number
  errors: number
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PublishRunList".
 */
export interface PublishRunList {
  items: PublishRun[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PublishRunDetail".
 */
export interface PublishRunDetail {
  id: number
  mode: string
  started_at: string
  finished_at: string
  written: number
  unchanged: number
  removed: number
  errors: number
  site_id: number
  manifest: {
    added: string[]
    changed: string[]
    removed: string[]
    failed: FailedPage[]
    [k: string]: unknown
  }
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ImportJob".
 */
export interface ImportJob {
  id: number
  siteId: number
  startedBy: {
    id: string
    name: string
  }
  state: 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted'
  options: {
    url: string
    isDryRun: boolean
    since: string | null
    concurrency: number
    assetHosts: string[]
    resumes: boolean
  }
  counts: {
    [k: string]: number
  }
  createdAt: string
  finishedAt: string | null
  error: {
    code: string
    message: string
  } | null
  result: {
    runId: number | null
    isComplete: boolean
    rows: number
  } | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ImportJobList".
 */
export interface ImportJobList {
  items: ImportJob[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "ImportReportRows".
 */
export interface ImportReportRows {
  total: number
  items: {
    url: string
    kind: string
    outcome: string
    title: string
    reason?: string
    articleId?: number | null
    [k: string]: unknown
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DashboardArticle".
 */
export interface DashboardArticle {
  id: number
  siteId: number
  columnId: number
  title: string
  status: 'draft' | 'submitted' | 'rejected' | 'scheduled' | 'published' | 'withdrawn'
  createdBy: string
  publishAt: string | null
  updatedAt: string
  revision: number
  weight: number
  reviewStage: number
  reviewComment: string | null
  deletedAt: string | null
  deletedBy: string | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Dashboard".
 */
export interface Dashboard {
  waitingForMe: DashboardArticle[]
  rejected: DashboardArticle[]
  scheduled: DashboardArticle[]
  recentRuns: PublishRun[]
  viewsPerDay: {
    day: string
    views: number
  }[]
  topArticles: {
    id: number
    title: string
    views: number
    urlPath: string | null
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "InspectionItem".
 */
export interface InspectionItem {
  rule: string
  title: {
    zh: string
    en: string
  }
  isSingleVeto: boolean
  status: 'pass' | 'fail' | 'warn' | 'skip'
  evidence: string[]
  refs?: (EvidenceRef | null)[]
  fix: {
    zh: string
    en: string
  }
  note?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "InspectionReport".
 */
export interface InspectionReport {
  site: string
  siteName: string
  baseUrl: string
  checkedAt: string
  items: InspectionItem[]
  failed: number
  changes: {
    since: string
    newlyFailed: {
      rule: string
      title: {
        zh: string
        en: string
      }
      was: 'pass' | 'fail' | 'warn' | 'skip'
      now: 'pass' | 'fail' | 'warn' | 'skip'
    }[]
    newlyFixed: {
      rule: string
      title: {
        zh: string
        en: string
      }
      was: 'pass' | 'fail' | 'warn' | 'skip'
      now: 'pass' | 'fail' | 'warn' | 'skip'
    }[]
  } | null
  runId?: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "InspectionRunList".
 */
export interface InspectionRunList {
  items: {
    id: number
    checkedAt: string
    startedBy: string
    failed: number
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Mailbox".
 */
export interface Mailbox {
  id: number
  siteId: number
  slug: string
  name: string
  kind: 'consultation' | 'complaint' | 'suggestion' | 'disclosure'
  categories: string[]
  departments: string[]
  deadlineDays: number
  reviewLevels: number
  publishesAnswers: boolean
  retentionDays: number
  notifyAddresses: string[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Case".
 */
export interface Case {
  id: number
  siteId: number
  mailboxId: number
  queryCode: string
  subject: string
  content: string
  category: string | null
  details: {
    [k: string]: string
  }
  mayPublish: boolean
  nameMasked: string
  status: 'received' | 'handling' | 'awaiting_applicant' | 'answered' | 'invalid'
  receivedAt: string
  receivedDay: string
  deadlineDays: number
  extensionDays: number
  extensionReason: string | null
  pauses: {
    from: string
    to: string | null
  }[]
  deadline:
    | {
        state: 'running'
        dueDay: string
      }
    | {
        state: 'paused'
        since: string
        daysLeft: number
      }
  urgency: ('overdue' | 'due-soon' | 'on-time' | 'paused') | null
  assigneeUserId: number | null
  department: string | null
  answerType: string | null
  answerReason: string | null
  reply: string | null
  replyState: 'none' | 'draft' | 'in_review' | 'approved'
  replyStage: number
  repliedAt: string | null
  invalidReason: string | null
  showsAnswer: boolean
  duplicateOf: number | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DueCases".
 */
export interface DueCases {
  overdue: CaseList
  dueSoon: CaseList
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PersonalData".
 */
export interface PersonalData {
  name: string | null
  phone: string | null
  email: string | null
  idNumber: string | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Questionnaire".
 */
export interface Questionnaire {
  questions: {
    text: string
    type: 'single' | 'multiple' | 'text'
    required: boolean
    options: string[]
  }[]
  takesOpinion: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "QuestionnaireResults".
 */
export interface QuestionnaireResults {
  consultationId: number
  responses: number
  questions: {
    text: string
    type: 'single' | 'multiple' | 'text'
    required: boolean
    answered: number
    options: {
      text: string
      count: number
    }[]
    texts: string[]
    [k: string]: unknown
  }[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Submission".
 */
export interface Submission {
  id: number
  sourceSiteId: number
  sourceSiteName: string
  articleId: number
  title: string
  sourceUrl: string | null
  targetSiteId: number
  targetSiteName: string
  targetColumnId: number
  targetColumnName: string
  note: string
  submittedBy: string
  submittedAt: string
  status: 'pending' | 'adopted' | 'returned' | 'ignored'
  decidedBy: string | null
  decidedAt: string | null
  reason: string | null
  adoptedArticleId: number | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SubmissionTarget".
 */
export interface SubmissionTarget {
  siteId: number
  siteName: string
  columnId: number
  columnName: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "AdoptionReport".
 */
export interface AdoptionReport {
  siteId: number
  siteName: string
  year: number
  units: {
    sourceSiteId: number
    sourceSiteName: string
    perMonth: number[]
    total: number
  }[]
  perMonth: number[]
  total: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "StatisticsReport".
 */
export interface StatisticsReport {
  site: {
    id: number
    slug: string
    name: string
    timeZone: string
  }
  period: {
    fromDay: string
    toDay: string
    bucket: 'day' | 'month'
  }
  published: {
    total: number
    byColumn: {
      columnId: number
      column: string
      count: number
    }[]
    byEditor: {
      editor: string
      count: number
    }[]
    byBucket: {
      bucket: string
      count: number
    }[]
  }
  views: {
    total: number
    byColumn: {
      columnId: number
      column: string
      views: number
    }[]
    byBucket: {
      bucket: string
      views: number
    }[]
  }
  annual: {
    totalViews: number
    published: number
    publishedByType: {
      type: 'disclosure' | 'news' | 'policy' | 'other'
      count: number
    }[]
    specialTopics: number | null
    interpretations: number | null
    interaction: {
      letters: {
        received: number
        answered: number
      }
      applications: {
        received: number
        answered: number
      }
      consultations: {
        opened: number
        resultsPublished: number
        opinions: number
      }
    } | null
  }
  adoptions:
    | {
        unit: string
        submitted: number
        adopted: number
      }[]
    | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SiteGroupReport".
 */
export interface SiteGroupReport {
  timeZone: string
  period: {
    fromDay: string
    toDay: string
    bucket: 'day' | 'month'
  }
  buckets: string[]
  sites: {
    siteId: number
    slug: string
    name: string
    published: number
    byBucket: number[]
  }[]
  published: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "SubmissionSources".
 */
export interface SubmissionSources {
  siteIds: number[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "Topic".
 */
export interface Topic {
  id: number
  siteId: number
  parentId: number | null
  name: string
  slug: string
  path: string
  banner: string | null
  templateSet: string
  subColumns: {
    id: number
    name: string
    path: string
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "TopicList".
 */
export interface TopicList {
  items: Topic[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "TopicStarterList".
 */
export interface TopicStarterList {
  items: {
    id: string
    label: {
      zh: string
      en: string
    }
    templateSet: string
    columns: {
      name: string
      slug: string
      updateType: string
    }[]
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesQuery".
 */
export interface GetApiArticlesQuery {
  site: string
  columnId?: number
  includesDescendants?: '0' | '1' | 'true' | 'false'
  status?: 'draft' | 'submitted' | 'rejected' | 'scheduled' | 'published' | 'withdrawn'
  text?: string
  createdBy?: string
  from?: string
  to?: string
  sort?: 'default' | 'publishAt' | 'updatedAt' | 'createdAt' | 'title' | 'id'
  order?: 'asc' | 'desc'
  deleted?: '0' | '1' | 'true' | 'false'
  limit?: number
  offset?: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesBody".
 */
export interface PostApiArticlesBody {
  columnId: number
  title: string
  subtitle?: string
  source?: string
  author?: string
  summary?: string
  /**
   * @maxItems 30
   */
  keywords?: string[]
  bodyHtml?: string
  coverImage?: string | null
  /**
   * @maxItems 100
   */
  attachments?: {
    name: string
    url: string
    size?: number
    mimeType?: string
  }[]
  customFields?: {
    [k: string]: unknown
  }
  weight?: number
  pinnedUntil?: string | null
  publishAt?: string | null
  externalUrl?: string | null
  /**
   * @maxItems 50
   */
  alsoInColumnIds?: number[]
  disclosure?: {
    topicCategory: string
    issuingAgency: string
    writtenDate?: string | null
    documentNo?: string
    /**
     * @maxItems 30
     */
    subjectWords?: string[]
  } | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdParams".
 */
export interface GetApiArticlesIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiArticlesIdParams".
 */
export interface PatchApiArticlesIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiArticlesIdBody".
 */
export interface PatchApiArticlesIdBody {
  columnId?: number
  title?: string
  subtitle?: string
  source?: string
  author?: string
  summary?: string
  /**
   * @maxItems 30
   */
  keywords?: string[]
  bodyHtml?: string
  coverImage?: string | null
  /**
   * @maxItems 100
   */
  attachments?: {
    name: string
    url: string
    size?: number
    mimeType?: string
  }[]
  customFields?: {
    [k: string]: unknown
  }
  weight?: number
  pinnedUntil?: string | null
  publishAt?: string | null
  externalUrl?: string | null
  /**
   * @maxItems 50
   */
  alsoInColumnIds?: number[]
  disclosure?: {
    topicCategory: string
    issuingAgency: string
    writtenDate?: string | null
    documentNo?: string
    /**
     * @maxItems 30
     */
    subjectWords?: string[]
  } | null
  baseRevision: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DeleteApiArticlesIdParams".
 */
export interface DeleteApiArticlesIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdApproveParams".
 */
export interface PostApiArticlesIdApproveParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdApproveBody".
 */
export interface PostApiArticlesIdApproveBody {
  level: number
  overrideReason?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdCopyParams".
 */
export interface PostApiArticlesIdCopyParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdCopyBody".
 */
export interface PostApiArticlesIdCopyBody {
  columnId: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdDiffParams".
 */
export interface GetApiArticlesIdDiffParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdDiffQuery".
 */
export interface GetApiArticlesIdDiffQuery {
  from: number
  to: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdLinkedFromParams".
 */
export interface GetApiArticlesIdLinkedFromParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdLiveParams".
 */
export interface GetApiArticlesIdLiveParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdPreviewParams".
 */
export interface GetApiArticlesIdPreviewParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdPublishParams".
 */
export interface PostApiArticlesIdPublishParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdPublishBody".
 */
export interface PostApiArticlesIdPublishBody {
  overrideReason?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdRecallParams".
 */
export interface PostApiArticlesIdRecallParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdRejectParams".
 */
export interface PostApiArticlesIdRejectParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdRejectBody".
 */
export interface PostApiArticlesIdRejectBody {
  comment: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdRestoreParams".
 */
export interface PostApiArticlesIdRestoreParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdRevisionsParams".
 */
export interface GetApiArticlesIdRevisionsParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiArticlesIdRevisionsRevisionParams".
 */
export interface GetApiArticlesIdRevisionsRevisionParams {
  id: number
  revision: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdRevisionsRevisionRestoreParams".
 */
export interface PostApiArticlesIdRevisionsRevisionRestoreParams {
  id: number
  revision: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdRevisionsRevisionRestoreBody".
 */
export interface PostApiArticlesIdRevisionsRevisionRestoreBody {
  baseRevision: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdSubmitParams".
 */
export interface PostApiArticlesIdSubmitParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdSubmitBody".
 */
export interface PostApiArticlesIdSubmitBody {
  overrideReason?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiArticlesIdUnpublishAtParams".
 */
export interface PutApiArticlesIdUnpublishAtParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiArticlesIdUnpublishAtBody".
 */
export interface PutApiArticlesIdUnpublishAtBody {
  at: string | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdWithdrawParams".
 */
export interface PostApiArticlesIdWithdrawParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiArticlesIdWithdrawBody".
 */
export interface PostApiArticlesIdWithdrawBody {
  reason: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiAuditQuery".
 */
export interface GetApiAuditQuery {
  limit?: number
  beforeId?: number
  action?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiAuditExportCsvQuery".
 */
export interface GetApiAuditExportCsvQuery {
  limit?: number
  beforeId?: number
  action?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiCasesQuery".
 */
export interface GetApiCasesQuery {
  site?: string
  mailbox?: number
  status?: 'received' | 'handling' | 'awaiting_applicant' | 'answered' | 'invalid'
  overdue?: '0' | '1' | 'true' | 'false'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiCasesIdParams".
 */
export interface GetApiCasesIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdAnswerPublicParams".
 */
export interface PostApiCasesIdAnswerPublicParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdAnswerPublicBody".
 */
export interface PostApiCasesIdAnswerPublicBody {
  isShown: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdAssignParams".
 */
export interface PostApiCasesIdAssignParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdAssignBody".
 */
export interface PostApiCasesIdAssignBody {
  userId?: number
  department?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdCorrectionParams".
 */
export interface PostApiCasesIdCorrectionParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdCorrectionBody".
 */
export interface PostApiCasesIdCorrectionBody {
  reason: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdCorrectionReceivedParams".
 */
export interface PostApiCasesIdCorrectionReceivedParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiCasesIdDuplicatesParams".
 */
export interface GetApiCasesIdDuplicatesParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdExtensionParams".
 */
export interface PostApiCasesIdExtensionParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdExtensionBody".
 */
export interface PostApiCasesIdExtensionBody {
  reason: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdInvalidParams".
 */
export interface PostApiCasesIdInvalidParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdInvalidBody".
 */
export interface PostApiCasesIdInvalidBody {
  reason: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdMergeParams".
 */
export interface PostApiCasesIdMergeParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdMergeBody".
 */
export interface PostApiCasesIdMergeBody {
  intoId: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiCasesIdPersonalParams".
 */
export interface GetApiCasesIdPersonalParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiCasesIdReplyParams".
 */
export interface PutApiCasesIdReplyParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiCasesIdReplyBody".
 */
export interface PutApiCasesIdReplyBody {
  answerType?: 'reply' | 'disclose' | 'partial' | 'withhold' | 'not_exist' | 'not_ours' | 'duplicate'
  text: string
  reason?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdReplyApproveParams".
 */
export interface PostApiCasesIdReplyApproveParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdReplyApproveBody".
 */
export interface PostApiCasesIdReplyApproveBody {
  level: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdReplyRejectParams".
 */
export interface PostApiCasesIdReplyRejectParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdReplyRejectBody".
 */
export interface PostApiCasesIdReplyRejectBody {
  comment: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiCasesIdReplySubmitParams".
 */
export interface PostApiCasesIdReplySubmitParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiColumnsBody".
 */
export interface PostApiColumnsBody {
  siteId: number
  parentId?: number | null
  position?: number
  name: string
  slug: string
  kind?: 'list' | 'page' | 'link' | 'topic'
  pageSize?: number
  includesDescendants?: boolean
  isDisclosure?: boolean
  reviewLevels?: number
  updateType?: 'news' | 'notice' | 'policy' | 'other'
  linkUrl?: string | null
  pageBodyHtml?: string
  listTemplate?: string | null
  articleTemplate?: string | null
  /**
   * @maxItems 50
   */
  fieldSchema?: {
    name: string
    label: string
    type: 'text' | 'number' | 'date' | 'select' | 'boolean' | 'url'
    isRequired?: boolean
    /**
     * @maxItems 200
     */
    options?: string[]
    maxLength?: number
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiColumnsIdParams".
 */
export interface GetApiColumnsIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiColumnsIdParams".
 */
export interface PatchApiColumnsIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiColumnsIdBody".
 */
export interface PatchApiColumnsIdBody {
  name?: string
  slug?: string
  kind?: 'list' | 'page' | 'link' | 'topic'
  pageSize?: number
  includesDescendants?: boolean
  isDisclosure?: boolean
  reviewLevels?: number
  updateType?: 'news' | 'notice' | 'policy' | 'other'
  linkUrl?: string | null
  pageBodyHtml?: string
  listTemplate?: string | null
  articleTemplate?: string | null
  /**
   * @maxItems 50
   */
  fieldSchema?: {
    name: string
    label: string
    type: 'text' | 'number' | 'date' | 'select' | 'boolean' | 'url'
    isRequired?: boolean
    /**
     * @maxItems 200
     */
    options?: string[]
    maxLength?: number
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DeleteApiColumnsIdParams".
 */
export interface DeleteApiColumnsIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiColumnsIdMoveParams".
 */
export interface PostApiColumnsIdMoveParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiColumnsIdMoveBody".
 */
export interface PostApiColumnsIdMoveBody {
  parentId: number | null
  position?: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiColumnsIdOrderParams".
 */
export interface GetApiColumnsIdOrderParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiColumnsIdOrderParams".
 */
export interface PutApiColumnsIdOrderParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiColumnsIdOrderBody".
 */
export interface PutApiColumnsIdOrderBody {
  /**
   * @maxItems 200
   */
  articleIds: number[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiColumnsIdPinnedOrderParams".
 */
export interface PutApiColumnsIdPinnedOrderParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiColumnsIdPinnedOrderBody".
 */
export interface PutApiColumnsIdPinnedOrderBody {
  /**
   * @maxItems 500
   */
  articleIds: number[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiColumnsIdRestoreParams".
 */
export interface PostApiColumnsIdRestoreParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiColumnsIdSubmissionSourceChoicesParams".
 */
export interface GetApiColumnsIdSubmissionSourceChoicesParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiColumnsIdSubmissionSourcesParams".
 */
export interface GetApiColumnsIdSubmissionSourcesParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiColumnsIdSubmissionSourcesParams".
 */
export interface PutApiColumnsIdSubmissionSourcesParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiColumnsIdSubmissionSourcesBody".
 */
export interface PutApiColumnsIdSubmissionSourcesBody {
  /**
   * @maxItems 500
   */
  siteIds: number[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiConsultationsIdFeedbackParams".
 */
export interface PutApiConsultationsIdFeedbackParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiConsultationsIdFeedbackBody".
 */
export interface PutApiConsultationsIdFeedbackBody {
  articleId: number | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiConsultationsIdOpinionsParams".
 */
export interface GetApiConsultationsIdOpinionsParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiConsultationsIdOpinionsCsvParams".
 */
export interface GetApiConsultationsIdOpinionsCsvParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiConsultationsIdQuestionnaireParams".
 */
export interface PutApiConsultationsIdQuestionnaireParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiConsultationsIdQuestionnaireBody".
 */
export interface PutApiConsultationsIdQuestionnaireBody {
  questionnaire: {
    /**
     * @minItems 1
     * @maxItems 50
     */
    questions: [
      {
        text: string
        type: 'single' | 'multiple' | 'text'
        required?: boolean
        /**
         * @maxItems 20
         */
        options?:
          | []
          | [string]
          | [string, string]
          | [string, string, string]
          | [string, string, string, string]
          | [string, string, string, string, string]
          | [string, string, string, string, string, string]
          | [string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string, string]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
      },
      ...{
        text: string
        type: 'single' | 'multiple' | 'text'
        required?: boolean
        /**
         * @maxItems 20
         */
        options?:
          | []
          | [string]
          | [string, string]
          | [string, string, string]
          | [string, string, string, string]
          | [string, string, string, string, string]
          | [string, string, string, string, string, string]
          | [string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string]
          | [string, string, string, string, string, string, string, string, string, string, string, string]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
          | [
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string,
              string
            ]
      }[]
    ]
    takesOpinion?: boolean
  } | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiConsultationsIdResponsesCsvParams".
 */
export interface GetApiConsultationsIdResponsesCsvParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiConsultationsIdResponsesCsvQuery".
 */
export interface GetApiConsultationsIdResponsesCsvQuery {
  personal?: 'true' | 'false'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiConsultationsIdResultsParams".
 */
export interface GetApiConsultationsIdResultsParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiConsultationsIdSummaryParams".
 */
export interface PutApiConsultationsIdSummaryParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiConsultationsIdSummaryBody".
 */
export interface PutApiConsultationsIdSummaryBody {
  summary: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DeleteApiGrantsIdParams".
 */
export interface DeleteApiGrantsIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiJobsIdParams".
 */
export interface GetApiJobsIdParams {
  id: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiMailboxesIdParams".
 */
export interface PatchApiMailboxesIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiMailboxesIdBody".
 */
export interface PatchApiMailboxesIdBody {
  name?: string
  /**
   * @maxItems 50
   */
  categories?: string[]
  /**
   * @maxItems 200
   */
  departments?: string[]
  deadlineDays?: number
  reviewLevels?: number
  publishesAnswers?: boolean
  /**
   * @maxItems 20
   */
  notifyAddresses?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiMailboxesIdHandlersParams".
 */
export interface GetApiMailboxesIdHandlersParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiMailboxesIdHandlersUserIdParams".
 */
export interface PutApiMailboxesIdHandlersUserIdParams {
  id: number
  userId: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiMailboxesIdHandlersUserIdBody".
 */
export interface PutApiMailboxesIdHandlersUserIdBody {
  reviewLevel?: number | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DeleteApiMailboxesIdHandlersUserIdParams".
 */
export interface DeleteApiMailboxesIdHandlersUserIdParams {
  id: number
  userId: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiOpinionsIdPersonalParams".
 */
export interface GetApiOpinionsIdPersonalParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiPublishRunsIdParams".
 */
export interface GetApiPublishRunsIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiPublishRunsIdBrokenLinksParams".
 */
export interface GetApiPublishRunsIdBrokenLinksParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiRecycleBinPurgeBody".
 */
export interface PostApiRecycleBinPurgeBody {
  olderThanDays?: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSessionBody".
 */
export interface PostApiSessionBody {
  userName: string
  password: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSessionPasswordBody".
 */
export interface PostApiSessionPasswordBody {
  currentPassword: string
  newPassword: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSessionSecondFactorBody".
 */
export interface PostApiSessionSecondFactorBody {
  code: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiSessionTotpBody".
 */
export interface PutApiSessionTotpBody {
  currentPassword: string
  secret: string
  code: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesBody".
 */
export interface PostApiSitesBody {
  slug: string
  name: string
  baseUrl: string
  language?: 'zh-CN' | 'en'
  timeZone?: string
  outputPrefix?: string
  theme?: string
  orgCode?: string
  siteIdCode?: string
  icp?: string
  policeRecord?: string
  sponsor?: string
  contact?: string
  articleUrlPattern?: string
  sharesSearch?: boolean
  watermark?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteParams".
 */
export interface GetApiSitesSiteParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiSitesSiteParams".
 */
export interface PatchApiSitesSiteParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiSitesSiteBody".
 */
export interface PatchApiSitesSiteBody {
  slug?: string
  name?: string
  baseUrl?: string
  language?: 'zh-CN' | 'en'
  timeZone?: string
  outputPrefix?: string
  theme?: string
  orgCode?: string
  siteIdCode?: string
  icp?: string
  policeRecord?: string
  sponsor?: string
  contact?: string
  articleUrlPattern?: string
  sharesSearch?: boolean
  watermark?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteAdoptionReportParams".
 */
export interface GetApiSitesSiteAdoptionReportParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteAdoptionReportQuery".
 */
export interface GetApiSitesSiteAdoptionReportQuery {
  year: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteAdoptionReportExportParams".
 */
export interface GetApiSitesSiteAdoptionReportExportParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteAdoptionReportExportQuery".
 */
export interface GetApiSitesSiteAdoptionReportExportQuery {
  year: number
  format: 'xlsx' | 'csv'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteCasesDueParams".
 */
export interface GetApiSitesSiteCasesDueParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteCasesExportParams".
 */
export interface GetApiSitesSiteCasesExportParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteCasesExportQuery".
 */
export interface GetApiSitesSiteCasesExportQuery {
  mailbox?: number
  personal?: 'true' | 'false'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteColumnsParams".
 */
export interface GetApiSitesSiteColumnsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteColumnsOrderParams".
 */
export interface PostApiSitesSiteColumnsOrderParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteColumnsOrderBody".
 */
export interface PostApiSitesSiteColumnsOrderBody {
  parentId: number | null
  /**
   * @maxItems 1000
   */
  orderedIds: number[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteConsultationsParams".
 */
export interface GetApiSitesSiteConsultationsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteConsultationsParams".
 */
export interface PostApiSitesSiteConsultationsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteConsultationsBody".
 */
export interface PostApiSitesSiteConsultationsBody {
  title: string
  draft: string
  startsDay: string
  endsDay: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteDashboardParams".
 */
export interface GetApiSitesSiteDashboardParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteDisclosureReportParams".
 */
export interface GetApiSitesSiteDisclosureReportParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteDisclosureReportQuery".
 */
export interface GetApiSitesSiteDisclosureReportQuery {
  year: number
  format?: 'json' | 'csv'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteImportJobsParams".
 */
export interface GetApiSitesSiteImportJobsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteImportJobsParams".
 */
export interface PostApiSitesSiteImportJobsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteImportJobsBody".
 */
export interface PostApiSitesSiteImportJobsBody {
  url: string
  isDryRun?: boolean
  since?: string | null
  concurrency?: number
  /**
   * @maxItems 20
   */
  assetHosts?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
  resumes?: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteImportJobsIdParams".
 */
export interface GetApiSitesSiteImportJobsIdParams {
  site: string
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteImportJobsIdCancelParams".
 */
export interface PostApiSitesSiteImportJobsIdCancelParams {
  site: string
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteImportJobsIdReportCsvParams".
 */
export interface GetApiSitesSiteImportJobsIdReportCsvParams {
  site: string
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteImportJobsIdResumeParams".
 */
export interface PostApiSitesSiteImportJobsIdResumeParams {
  site: string
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteImportJobsIdRowsParams".
 */
export interface GetApiSitesSiteImportJobsIdRowsParams {
  site: string
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteImportJobsIdRowsQuery".
 */
export interface GetApiSitesSiteImportJobsIdRowsQuery {
  outcome?: string
  offset?: number
  limit?: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteInspectionParams".
 */
export interface GetApiSitesSiteInspectionParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteInspectionExportFormatParams".
 */
export interface GetApiSitesSiteInspectionExportFormatParams {
  site: string
  format: 'html' | 'xlsx' | 'pdf'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteInspectionLatestParams".
 */
export interface GetApiSitesSiteInspectionLatestParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteInspectionRunsParams".
 */
export interface GetApiSitesSiteInspectionRunsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteInspectionRunsParams".
 */
export interface PostApiSitesSiteInspectionRunsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteLinksExternalParams".
 */
export interface GetApiSitesSiteLinksExternalParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteMailboxesParams".
 */
export interface GetApiSitesSiteMailboxesParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteMailboxesParams".
 */
export interface PostApiSitesSiteMailboxesParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteMailboxesBody".
 */
export interface PostApiSitesSiteMailboxesBody {
  slug: string
  name: string
  kind: 'consultation' | 'complaint' | 'suggestion' | 'disclosure'
  /**
   * @maxItems 50
   */
  categories?: string[]
  /**
   * @maxItems 200
   */
  departments?: string[]
  deadlineDays?: number
  reviewLevels?: number
  publishesAnswers?: boolean
  retentionDays?: number
  /**
   * @maxItems 20
   */
  notifyAddresses?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSitePublishParams".
 */
export interface PostApiSitesSitePublishParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSitePublishBody".
 */
export interface PostApiSitesSitePublishBody {
  mode?: 'incremental' | 'full'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSitePublishPlanParams".
 */
export interface GetApiSitesSitePublishPlanParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSitePublishPlanQuery".
 */
export interface GetApiSitesSitePublishPlanQuery {
  mode?: 'incremental' | 'full'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSitePublishRunsParams".
 */
export interface GetApiSitesSitePublishRunsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSearchParams".
 */
export interface GetApiSitesSiteSearchParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSearchQuery".
 */
export interface GetApiSitesSiteSearchQuery {
  q: string
  column?: number
  from?: string
  to?: string
  in?: 'all' | 'title'
  sort?: 'relevance' | 'time'
  page?: number
  issuingAgency?: string
  documentNo?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSearchSynonymsParams".
 */
export interface GetApiSitesSiteSearchSynonymsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiSitesSiteSearchSynonymsParams".
 */
export interface PutApiSitesSiteSearchSynonymsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiSitesSiteSearchSynonymsBody".
 */
export interface PutApiSitesSiteSearchSynonymsBody {
  /**
   * @maxItems 5000
   */
  groups: string[][]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSearchTopParams".
 */
export interface GetApiSitesSiteSearchTopParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteStatisticsParams".
 */
export interface GetApiSitesSiteStatisticsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteStatisticsQuery".
 */
export interface GetApiSitesSiteStatisticsQuery {
  preset?: 'this-month' | 'last-month' | 'this-year' | 'last-year'
  from?: string
  to?: string
  bucket?: 'day' | 'month'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteStatisticsExportFormatParams".
 */
export interface GetApiSitesSiteStatisticsExportFormatParams {
  site: string
  format: 'csv' | 'xlsx'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteStatisticsExportFormatQuery".
 */
export interface GetApiSitesSiteStatisticsExportFormatQuery {
  preset?: 'this-month' | 'last-month' | 'this-year' | 'last-year'
  from?: string
  to?: string
  bucket?: 'day' | 'month'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSubmissionTargetsParams".
 */
export interface GetApiSitesSiteSubmissionTargetsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSubmissionsInboxParams".
 */
export interface GetApiSitesSiteSubmissionsInboxParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSubmissionsInboxQuery".
 */
export interface GetApiSitesSiteSubmissionsInboxQuery {
  status?: 'pending' | 'adopted' | 'returned' | 'ignored'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteSubmissionsOutboxParams".
 */
export interface GetApiSitesSiteSubmissionsOutboxParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteTemplatesParams".
 */
export interface GetApiSitesSiteTemplatesParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteTemplatesNameParams".
 */
export interface GetApiSitesSiteTemplatesNameParams {
  site: string
  name: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiSitesSiteTemplatesNameParams".
 */
export interface PutApiSitesSiteTemplatesNameParams {
  site: string
  name: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiSitesSiteTemplatesNameBody".
 */
export interface PutApiSitesSiteTemplatesNameBody {
  source: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "DeleteApiSitesSiteTemplatesNameParams".
 */
export interface DeleteApiSitesSiteTemplatesNameParams {
  site: string
  name: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteTemplatesNamePreviewParams".
 */
export interface PostApiSitesSiteTemplatesNamePreviewParams {
  site: string
  name: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteTemplatesNamePreviewBody".
 */
export interface PostApiSitesSiteTemplatesNamePreviewBody {
  source: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteTopicsParams".
 */
export interface GetApiSitesSiteTopicsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteUploadsParams".
 */
export interface PostApiSitesSiteUploadsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteUploadsQuery".
 */
export interface PostApiSitesSiteUploadsQuery {
  keepOriginal?: '0' | '1' | 'true' | 'false'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiSitesSiteWordsParams".
 */
export interface GetApiSitesSiteWordsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsParams".
 */
export interface PostApiSitesSiteWordsParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsBody".
 */
export interface PostApiSitesSiteWordsBody {
  word: string
  kind: 'sensitive' | 'political' | 'advertising' | 'protected'
  level: 'block' | 'warn'
  suggestion?: string | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsCheckParams".
 */
export interface PostApiSitesSiteWordsCheckParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsCheckBody".
 */
export interface PostApiSitesSiteWordsCheckBody {
  title?: string
  subtitle?: string
  summary?: string
  bodyHtml?: string
  /**
   * @maxItems 100
   */
  attachments?: {
    name: string
    url: string
    size?: number
    mimeType?: string
  }[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsImportParams".
 */
export interface PostApiSitesSiteWordsImportParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsImportBody".
 */
export interface PostApiSitesSiteWordsImportBody {
  /**
   * @maxItems 100000
   */
  entries: unknown[]
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsRemoveParams".
 */
export interface PostApiSitesSiteWordsRemoveParams {
  site: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSitesSiteWordsRemoveBody".
 */
export interface PostApiSitesSiteWordsRemoveBody {
  word: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiStatisticsSitesQuery".
 */
export interface GetApiStatisticsSitesQuery {
  preset?: 'this-month' | 'last-month' | 'this-year' | 'last-year'
  from?: string
  to?: string
  bucket?: 'day' | 'month'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiStatisticsSitesExportFormatParams".
 */
export interface GetApiStatisticsSitesExportFormatParams {
  format: 'csv' | 'xlsx'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiStatisticsSitesExportFormatQuery".
 */
export interface GetApiStatisticsSitesExportFormatQuery {
  preset?: 'this-month' | 'last-month' | 'this-year' | 'last-year'
  from?: string
  to?: string
  bucket?: 'day' | 'month'
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSubmissionsBody".
 */
export interface PostApiSubmissionsBody {
  articleId: number
  columnId: number
  note?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSubmissionsIdAdoptParams".
 */
export interface PostApiSubmissionsIdAdoptParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSubmissionsIdAdoptBody".
 */
export interface PostApiSubmissionsIdAdoptBody {
  submitForReview?: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSubmissionsIdIgnoreParams".
 */
export interface PostApiSubmissionsIdIgnoreParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSubmissionsIdReturnParams".
 */
export interface PostApiSubmissionsIdReturnParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiSubmissionsIdReturnBody".
 */
export interface PostApiSubmissionsIdReturnBody {
  reason: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiTopicsBody".
 */
export interface PostApiTopicsBody {
  siteId: number
  parentId?: number | null
  starter: 'standard' | 'brief'
  name: string
  slug: string
  banner?: string | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiTopicsIdParams".
 */
export interface PatchApiTopicsIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiTopicsIdBody".
 */
export interface PatchApiTopicsIdBody {
  banner?: string | null
  templateSet?: string
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiUsersBody".
 */
export interface PostApiUsersBody {
  userName: string
  displayName: string
  password: string
  mustChangePassword?: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiUsersIdParams".
 */
export interface GetApiUsersIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiUsersIdParams".
 */
export interface PatchApiUsersIdParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PatchApiUsersIdBody".
 */
export interface PatchApiUsersIdBody {
  displayName?: string
  disabled?: boolean
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiUsersIdGrantsParams".
 */
export interface PostApiUsersIdGrantsParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiUsersIdGrantsBody".
 */
export interface PostApiUsersIdGrantsBody {
  role: 'admin' | 'system_admin' | 'security_admin' | 'audit_admin' | 'site_admin' | 'editor' | 'reviewer'
  siteId?: number | null
  columnId?: number | null
  reviewLevel?: number | null
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiUsersIdPasswordParams".
 */
export interface PostApiUsersIdPasswordParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiUsersIdPasswordBody".
 */
export interface PostApiUsersIdPasswordBody {}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PostApiUsersIdUnlockParams".
 */
export interface PostApiUsersIdUnlockParams {
  id: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "GetApiWorkCalendarYearParams".
 */
export interface GetApiWorkCalendarYearParams {
  year: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiWorkCalendarYearParams".
 */
export interface PutApiWorkCalendarYearParams {
  year: number
}
/**
 * This interface was referenced by `ApiSchemas`'s JSON-Schema
 * via the `definition` "PutApiWorkCalendarYearBody".
 */
export interface PutApiWorkCalendarYearBody {
  /**
   * @maxItems 2000
   */
  days: {
    day: string
    kind: 'holiday' | 'workday'
    note?: string
  }[]
}

/** Every operation of the API by `METHOD /path`: what it takes and what it answers. */
export interface ApiOperations {
  'GET /api/articles': { query: GetApiArticlesQuery; response: ArticleList }
  'POST /api/articles': { body: PostApiArticlesBody; response: unknown }
  'GET /api/articles/{id}': { params: GetApiArticlesIdParams; response: Article }
  'PATCH /api/articles/{id}': { params: PatchApiArticlesIdParams; body: PatchApiArticlesIdBody; response: unknown }
  'DELETE /api/articles/{id}': { params: DeleteApiArticlesIdParams; response: unknown }
  'POST /api/articles/{id}/approve': { params: PostApiArticlesIdApproveParams; body: PostApiArticlesIdApproveBody; response: unknown }
  'POST /api/articles/{id}/copy': { params: PostApiArticlesIdCopyParams; body: PostApiArticlesIdCopyBody; response: unknown }
  'GET /api/articles/{id}/diff': { params: GetApiArticlesIdDiffParams; query: GetApiArticlesIdDiffQuery; response: RevisionDiff }
  'GET /api/articles/{id}/linked-from': { params: GetApiArticlesIdLinkedFromParams; response: LinkingPageList }
  'GET /api/articles/{id}/live': { params: GetApiArticlesIdLiveParams; response: unknown }
  'GET /api/articles/{id}/preview': { params: GetApiArticlesIdPreviewParams; response: unknown }
  'POST /api/articles/{id}/publish': { params: PostApiArticlesIdPublishParams; body: PostApiArticlesIdPublishBody; response: unknown }
  'POST /api/articles/{id}/recall': { params: PostApiArticlesIdRecallParams; response: unknown }
  'POST /api/articles/{id}/reject': { params: PostApiArticlesIdRejectParams; body: PostApiArticlesIdRejectBody; response: unknown }
  'POST /api/articles/{id}/restore': { params: PostApiArticlesIdRestoreParams; response: unknown }
  'GET /api/articles/{id}/revisions': { params: GetApiArticlesIdRevisionsParams; response: RevisionList }
  'GET /api/articles/{id}/revisions/{revision}': { params: GetApiArticlesIdRevisionsRevisionParams; response: unknown }
  'POST /api/articles/{id}/revisions/{revision}/restore': { params: PostApiArticlesIdRevisionsRevisionRestoreParams; body: PostApiArticlesIdRevisionsRevisionRestoreBody; response: unknown }
  'POST /api/articles/{id}/submit': { params: PostApiArticlesIdSubmitParams; body: PostApiArticlesIdSubmitBody; response: unknown }
  'PUT /api/articles/{id}/unpublish-at': { params: PutApiArticlesIdUnpublishAtParams; body: PutApiArticlesIdUnpublishAtBody; response: unknown }
  'POST /api/articles/{id}/withdraw': { params: PostApiArticlesIdWithdrawParams; body: PostApiArticlesIdWithdrawBody; response: unknown }
  'GET /api/audit': { query: GetApiAuditQuery; response: AuditList }
  'GET /api/audit/export.csv': { query: GetApiAuditExportCsvQuery; response: unknown }
  'GET /api/audit/verify': { response: AuditVerification }
  'GET /api/cases': { query: GetApiCasesQuery; response: CaseList }
  'GET /api/cases/{id}': { params: GetApiCasesIdParams; response: Case }
  'POST /api/cases/{id}/answer/public': { params: PostApiCasesIdAnswerPublicParams; body: PostApiCasesIdAnswerPublicBody; response: unknown }
  'POST /api/cases/{id}/assign': { params: PostApiCasesIdAssignParams; body: PostApiCasesIdAssignBody; response: unknown }
  'POST /api/cases/{id}/correction': { params: PostApiCasesIdCorrectionParams; body: PostApiCasesIdCorrectionBody; response: unknown }
  'POST /api/cases/{id}/correction/received': { params: PostApiCasesIdCorrectionReceivedParams; response: unknown }
  'GET /api/cases/{id}/duplicates': { params: GetApiCasesIdDuplicatesParams; response: CaseList }
  'POST /api/cases/{id}/extension': { params: PostApiCasesIdExtensionParams; body: PostApiCasesIdExtensionBody; response: unknown }
  'POST /api/cases/{id}/invalid': { params: PostApiCasesIdInvalidParams; body: PostApiCasesIdInvalidBody; response: unknown }
  'POST /api/cases/{id}/merge': { params: PostApiCasesIdMergeParams; body: PostApiCasesIdMergeBody; response: unknown }
  'GET /api/cases/{id}/personal': { params: GetApiCasesIdPersonalParams; response: PersonalData }
  'PUT /api/cases/{id}/reply': { params: PutApiCasesIdReplyParams; body: PutApiCasesIdReplyBody; response: unknown }
  'POST /api/cases/{id}/reply/approve': { params: PostApiCasesIdReplyApproveParams; body: PostApiCasesIdReplyApproveBody; response: unknown }
  'POST /api/cases/{id}/reply/reject': { params: PostApiCasesIdReplyRejectParams; body: PostApiCasesIdReplyRejectBody; response: unknown }
  'POST /api/cases/{id}/reply/submit': { params: PostApiCasesIdReplySubmitParams; response: unknown }
  'POST /api/columns': { body: PostApiColumnsBody; response: unknown }
  'GET /api/columns/{id}': { params: GetApiColumnsIdParams; response: Column }
  'PATCH /api/columns/{id}': { params: PatchApiColumnsIdParams; body: PatchApiColumnsIdBody; response: unknown }
  'DELETE /api/columns/{id}': { params: DeleteApiColumnsIdParams; response: unknown }
  'POST /api/columns/{id}/move': { params: PostApiColumnsIdMoveParams; body: PostApiColumnsIdMoveBody; response: unknown }
  'GET /api/columns/{id}/order': { params: GetApiColumnsIdOrderParams; response: unknown }
  'PUT /api/columns/{id}/order': { params: PutApiColumnsIdOrderParams; body: PutApiColumnsIdOrderBody; response: unknown }
  'PUT /api/columns/{id}/pinned-order': { params: PutApiColumnsIdPinnedOrderParams; body: PutApiColumnsIdPinnedOrderBody; response: unknown }
  'POST /api/columns/{id}/restore': { params: PostApiColumnsIdRestoreParams; response: unknown }
  'GET /api/columns/{id}/submission-source-choices': { params: GetApiColumnsIdSubmissionSourceChoicesParams; response: SubmissionSourceChoices }
  'GET /api/columns/{id}/submission-sources': { params: GetApiColumnsIdSubmissionSourcesParams; response: SubmissionSources }
  'PUT /api/columns/{id}/submission-sources': { params: PutApiColumnsIdSubmissionSourcesParams; body: PutApiColumnsIdSubmissionSourcesBody; response: SubmissionSources }
  'PUT /api/consultations/{id}/feedback': { params: PutApiConsultationsIdFeedbackParams; body: PutApiConsultationsIdFeedbackBody; response: unknown }
  'GET /api/consultations/{id}/opinions': { params: GetApiConsultationsIdOpinionsParams; response: OpinionList }
  'GET /api/consultations/{id}/opinions.csv': { params: GetApiConsultationsIdOpinionsCsvParams; response: unknown }
  'PUT /api/consultations/{id}/questionnaire': { params: PutApiConsultationsIdQuestionnaireParams; body: PutApiConsultationsIdQuestionnaireBody; response: unknown }
  'GET /api/consultations/{id}/responses.csv': { params: GetApiConsultationsIdResponsesCsvParams; query: GetApiConsultationsIdResponsesCsvQuery; response: unknown }
  'GET /api/consultations/{id}/results': { params: GetApiConsultationsIdResultsParams; response: QuestionnaireResults }
  'PUT /api/consultations/{id}/summary': { params: PutApiConsultationsIdSummaryParams; body: PutApiConsultationsIdSummaryBody; response: unknown }
  'DELETE /api/grants/{id}': { params: DeleteApiGrantsIdParams; response: unknown }
  'GET /api/jobs/{id}': { params: GetApiJobsIdParams; response: PublishJob }
  'PATCH /api/mailboxes/{id}': { params: PatchApiMailboxesIdParams; body: PatchApiMailboxesIdBody; response: unknown }
  'GET /api/mailboxes/{id}/handlers': { params: GetApiMailboxesIdHandlersParams; response: MailboxHandlerList }
  'PUT /api/mailboxes/{id}/handlers/{userId}': { params: PutApiMailboxesIdHandlersUserIdParams; body: PutApiMailboxesIdHandlersUserIdBody; response: unknown }
  'DELETE /api/mailboxes/{id}/handlers/{userId}': { params: DeleteApiMailboxesIdHandlersUserIdParams; response: unknown }
  'GET /api/opinions/{id}/personal': { params: GetApiOpinionsIdPersonalParams; response: unknown }
  'GET /api/publish-runs/{id}': { params: GetApiPublishRunsIdParams; response: PublishRunDetail }
  'GET /api/publish-runs/{id}/broken-links': { params: GetApiPublishRunsIdBrokenLinksParams; response: BrokenLinkList }
  'POST /api/recycle-bin/purge': { body: PostApiRecycleBinPurgeBody; response: PurgeResult }
  'GET /api/session': { response: SessionView }
  'POST /api/session': { body: PostApiSessionBody; response: SessionView }
  'DELETE /api/session': { response: unknown }
  'POST /api/session/password': { body: PostApiSessionPasswordBody; response: unknown }
  'GET /api/session/policy': { response: PasswordPolicy }
  'POST /api/session/second-factor': { body: PostApiSessionSecondFactorBody; response: unknown }
  'GET /api/session/state': { response: SessionState }
  'POST /api/session/totp': { response: unknown }
  'PUT /api/session/totp': { body: PutApiSessionTotpBody; response: unknown }
  'GET /api/sites': { response: SiteList }
  'POST /api/sites': { body: PostApiSitesBody; response: SiteSettings }
  'GET /api/sites/{site}': { params: GetApiSitesSiteParams; response: Site }
  'PATCH /api/sites/{site}': { params: PatchApiSitesSiteParams; body: PatchApiSitesSiteBody; response: SiteSettings }
  'GET /api/sites/{site}/adoption-report': { params: GetApiSitesSiteAdoptionReportParams; query: GetApiSitesSiteAdoptionReportQuery; response: AdoptionReport }
  'GET /api/sites/{site}/adoption-report/export': { params: GetApiSitesSiteAdoptionReportExportParams; query: GetApiSitesSiteAdoptionReportExportQuery; response: unknown }
  'GET /api/sites/{site}/cases/due': { params: GetApiSitesSiteCasesDueParams; response: DueCases }
  'GET /api/sites/{site}/cases/export': { params: GetApiSitesSiteCasesExportParams; query: GetApiSitesSiteCasesExportQuery; response: unknown }
  'GET /api/sites/{site}/columns': { params: GetApiSitesSiteColumnsParams; response: ColumnTree }
  'POST /api/sites/{site}/columns/order': { params: PostApiSitesSiteColumnsOrderParams; body: PostApiSitesSiteColumnsOrderBody; response: unknown }
  'GET /api/sites/{site}/consultations': { params: GetApiSitesSiteConsultationsParams; response: ConsultationList }
  'POST /api/sites/{site}/consultations': { params: PostApiSitesSiteConsultationsParams; body: PostApiSitesSiteConsultationsBody; response: unknown }
  'GET /api/sites/{site}/dashboard': { params: GetApiSitesSiteDashboardParams; response: Dashboard }
  'GET /api/sites/{site}/disclosure-report': { params: GetApiSitesSiteDisclosureReportParams; query: GetApiSitesSiteDisclosureReportQuery; response: unknown }
  'GET /api/sites/{site}/import-jobs': { params: GetApiSitesSiteImportJobsParams; response: ImportJobList }
  'POST /api/sites/{site}/import-jobs': { params: PostApiSitesSiteImportJobsParams; body: PostApiSitesSiteImportJobsBody; response: unknown }
  'GET /api/sites/{site}/import-jobs/{id}': { params: GetApiSitesSiteImportJobsIdParams; response: ImportJob }
  'POST /api/sites/{site}/import-jobs/{id}/cancel': { params: PostApiSitesSiteImportJobsIdCancelParams; response: unknown }
  'GET /api/sites/{site}/import-jobs/{id}/report.csv': { params: GetApiSitesSiteImportJobsIdReportCsvParams; response: unknown }
  'POST /api/sites/{site}/import-jobs/{id}/resume': { params: PostApiSitesSiteImportJobsIdResumeParams; response: unknown }
  'GET /api/sites/{site}/import-jobs/{id}/rows': { params: GetApiSitesSiteImportJobsIdRowsParams; query: GetApiSitesSiteImportJobsIdRowsQuery; response: ImportReportRows }
  'GET /api/sites/{site}/inspection': { params: GetApiSitesSiteInspectionParams; response: unknown }
  'GET /api/sites/{site}/inspection/export/{format}': { params: GetApiSitesSiteInspectionExportFormatParams; response: unknown }
  'GET /api/sites/{site}/inspection/latest': { params: GetApiSitesSiteInspectionLatestParams; response: InspectionReport }
  'GET /api/sites/{site}/inspection/runs': { params: GetApiSitesSiteInspectionRunsParams; response: InspectionRunList }
  'POST /api/sites/{site}/inspection/runs': { params: PostApiSitesSiteInspectionRunsParams; response: InspectionReport }
  'GET /api/sites/{site}/links/external': { params: GetApiSitesSiteLinksExternalParams; response: unknown }
  'GET /api/sites/{site}/mailboxes': { params: GetApiSitesSiteMailboxesParams; response: MailboxList }
  'POST /api/sites/{site}/mailboxes': { params: PostApiSitesSiteMailboxesParams; body: PostApiSitesSiteMailboxesBody; response: unknown }
  'POST /api/sites/{site}/publish': { params: PostApiSitesSitePublishParams; body: PostApiSitesSitePublishBody; response: unknown }
  'GET /api/sites/{site}/publish/plan': { params: GetApiSitesSitePublishPlanParams; query: GetApiSitesSitePublishPlanQuery; response: PublishPlan }
  'GET /api/sites/{site}/publish/runs': { params: GetApiSitesSitePublishRunsParams; response: PublishRunList }
  'GET /api/sites/{site}/search': { params: GetApiSitesSiteSearchParams; query: GetApiSitesSiteSearchQuery; response: unknown }
  'GET /api/sites/{site}/search/synonyms': { params: GetApiSitesSiteSearchSynonymsParams; response: SynonymGroups }
  'PUT /api/sites/{site}/search/synonyms': { params: PutApiSitesSiteSearchSynonymsParams; body: PutApiSitesSiteSearchSynonymsBody; response: SynonymGroups }
  'GET /api/sites/{site}/search/top': { params: GetApiSitesSiteSearchTopParams; response: SearchTop }
  'GET /api/sites/{site}/statistics': { params: GetApiSitesSiteStatisticsParams; query: GetApiSitesSiteStatisticsQuery; response: StatisticsReport }
  'GET /api/sites/{site}/statistics/export/{format}': { params: GetApiSitesSiteStatisticsExportFormatParams; query: GetApiSitesSiteStatisticsExportFormatQuery; response: unknown }
  'GET /api/sites/{site}/submission-targets': { params: GetApiSitesSiteSubmissionTargetsParams; response: SubmissionTargetList }
  'GET /api/sites/{site}/submissions/inbox': { params: GetApiSitesSiteSubmissionsInboxParams; query: GetApiSitesSiteSubmissionsInboxQuery; response: SubmissionList }
  'GET /api/sites/{site}/submissions/outbox': { params: GetApiSitesSiteSubmissionsOutboxParams; response: SubmissionList }
  'GET /api/sites/{site}/templates': { params: GetApiSitesSiteTemplatesParams; response: TemplateList }
  'GET /api/sites/{site}/templates/{name}': { params: GetApiSitesSiteTemplatesNameParams; response: TemplateSource }
  'PUT /api/sites/{site}/templates/{name}': { params: PutApiSitesSiteTemplatesNameParams; body: PutApiSitesSiteTemplatesNameBody; response: unknown }
  'DELETE /api/sites/{site}/templates/{name}': { params: DeleteApiSitesSiteTemplatesNameParams; response: unknown }
  'POST /api/sites/{site}/templates/{name}/preview': { params: PostApiSitesSiteTemplatesNamePreviewParams; body: PostApiSitesSiteTemplatesNamePreviewBody; response: unknown }
  'GET /api/sites/{site}/topics': { params: GetApiSitesSiteTopicsParams; response: TopicList }
  'POST /api/sites/{site}/uploads': { params: PostApiSitesSiteUploadsParams; query: PostApiSitesSiteUploadsQuery; response: UploadResult }
  'GET /api/sites/{site}/words': { params: GetApiSitesSiteWordsParams; response: unknown }
  'POST /api/sites/{site}/words': { params: PostApiSitesSiteWordsParams; body: PostApiSitesSiteWordsBody; response: unknown }
  'POST /api/sites/{site}/words/check': { params: PostApiSitesSiteWordsCheckParams; body: PostApiSitesSiteWordsCheckBody; response: WordingCheck }
  'POST /api/sites/{site}/words/import': { params: PostApiSitesSiteWordsImportParams; body: PostApiSitesSiteWordsImportBody; response: unknown }
  'POST /api/sites/{site}/words/remove': { params: PostApiSitesSiteWordsRemoveParams; body: PostApiSitesSiteWordsRemoveBody; response: unknown }
  'GET /api/statistics/sites': { query: GetApiStatisticsSitesQuery; response: SiteGroupReport }
  'GET /api/statistics/sites/export/{format}': { params: GetApiStatisticsSitesExportFormatParams; query: GetApiStatisticsSitesExportFormatQuery; response: unknown }
  'POST /api/submissions': { body: PostApiSubmissionsBody; response: Submission }
  'POST /api/submissions/{id}/adopt': { params: PostApiSubmissionsIdAdoptParams; body: PostApiSubmissionsIdAdoptBody; response: unknown }
  'POST /api/submissions/{id}/ignore': { params: PostApiSubmissionsIdIgnoreParams; response: Submission }
  'POST /api/submissions/{id}/return': { params: PostApiSubmissionsIdReturnParams; body: PostApiSubmissionsIdReturnBody; response: Submission }
  'GET /api/topic-starters': { response: TopicStarterList }
  'POST /api/topics': { body: PostApiTopicsBody; response: Topic }
  'PATCH /api/topics/{id}': { params: PatchApiTopicsIdParams; body: PatchApiTopicsIdBody; response: Topic }
  'GET /api/users': { response: UserList }
  'POST /api/users': { body: PostApiUsersBody; response: unknown }
  'GET /api/users/{id}': { params: GetApiUsersIdParams; response: unknown }
  'PATCH /api/users/{id}': { params: PatchApiUsersIdParams; body: PatchApiUsersIdBody; response: unknown }
  'POST /api/users/{id}/grants': { params: PostApiUsersIdGrantsParams; body: PostApiUsersIdGrantsBody; response: unknown }
  'POST /api/users/{id}/password': { params: PostApiUsersIdPasswordParams; body: PostApiUsersIdPasswordBody; response: PasswordReset }
  'POST /api/users/{id}/unlock': { params: PostApiUsersIdUnlockParams; response: unknown }
  'GET /api/work-calendar/{year}': { params: GetApiWorkCalendarYearParams; response: CalendarDayList }
  'PUT /api/work-calendar/{year}': { params: PutApiWorkCalendarYearParams; body: PutApiWorkCalendarYearBody; response: unknown }
}
