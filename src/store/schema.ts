import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The tables as the code sees them, on either engine. Timestamps are ISO 8601 strings in UTC
 * (text in SQLite, timestamptz in PostgreSQL read back as ISO strings), JSON is a string
 * (text or jsonb), flags read back as 0/1 from SQLite and true/false from PostgreSQL.
 */
export type Timestamp = string
export type Json = string
export type Flag = ColumnType<boolean | number, boolean, boolean>

export interface SitesTable {
  id: Generated<number>
  slug: string
  name: string
  base_url: string
  language: string
  time_zone: string
  output_prefix: string
  theme: string
  org_code: string
  site_id_code: string
  icp: string
  police_record: string
  sponsor: string
  contact: string
  article_url_pattern: Generated<string>
  /** Whether the site's pages are found by the search of the other sites of the installation. */
  shares_search: ColumnType<boolean | number, boolean | undefined, boolean>
  /** Text drawn on the site's uploaded pictures; empty: none. */
  watermark: Generated<string>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ColumnsTable {
  id: Generated<number>
  site_id: number
  parent_id: number | null
  name: string
  slug: string
  position: number
  kind: string
  page_size: number
  includes_descendants: Flag
  is_disclosure: Flag
  link_url: string | null
  page_body_html: string
  list_template: string | null
  article_template: string | null
  field_schema: Json
  review_levels: Generated<number>
  /** news, notice, policy or other: how fresh the inspection expects it (migration 016). */
  update_type: Generated<string>
  /** A 专题's banner and template set (migration 035); null for every other column. */
  topic: Json | null
  created_at: Timestamp
  updated_at: Timestamp
  deleted_at: Timestamp | null
}

export interface ArticlesTable {
  id: Generated<number>
  site_id: number
  column_id: number
  title: string
  subtitle: string
  source: string
  author: string
  summary: string
  keywords: Json
  body_html: string
  cover_image: string | null
  attachments: Json
  custom_fields: Json
  weight: number
  publish_at: Timestamp | null
  first_published_at: Timestamp | null
  status: string
  external_url: string | null
  url_path: string | null
  /** The home column url_path was made for: a different column_id means the article moved. */
  url_column_id: number | null
  revision: number
  index_no: string | null
  topic_category: string | null
  issuing_agency: string | null
  written_date: string | null
  document_no: string | null
  subject_words: Json
  created_by: string
  created_at: Timestamp
  updated_by: string
  updated_at: Timestamp
  deleted_at: Timestamp | null
  deleted_by: string | null
  review_stage: Generated<number>
  review_comment: string | null
  unpublish_at: Timestamp | null
  submitted_by: string | null
  review_trail: Generated<Json>
  pinned_until: Timestamp | null
  copied_from: number | null
}

export interface ArticleColumnsTable {
  article_id: number
  column_id: number
}

export interface ArticleRevisionsTable {
  id: Generated<number>
  article_id: number
  revision: number
  snapshot: Json
  actor: string
  created_at: Timestamp
}

export interface DisclosureSerialsTable {
  site_id: number
  year: number
  last_serial: number
}

export interface ChangesTable {
  id: Generated<number>
  site_id: number
  entity: string
  entity_id: number
  action: string
  created_at: Timestamp
  claimed_by: string | null
  claimed_at: Timestamp | null
  done_at: Timestamp | null
}

/** Which process publishes a site now (migration 024); see src/publish/write/publish-lease.ts. */
export interface PublishLeasesTable {
  site_id: number
  holder: string
  acquired_at: Timestamp
  expires_at: Timestamp
  /** Pages rendered so far by the holder's run (migration 036). */
  done: Generated<number>
}

/** A public form's attempts from one address in its current window (migration 031). */
export interface AddressWindowsTable {
  key: string
  /** Milliseconds since the epoch; PostgreSQL returns a bigint as a string. */
  window_start: number | string
  count: number
}

/** A public form's token once used, until it would have expired (migration 036). */
/** 排序: a column's articles in the order an editor gave them (0 first). */
/** A number per site that grows with every change the admin list's counts read (migration 039). */
export interface ArticleListGenerationsTable {
  site_id: number
  generation: number
}

export interface ColumnArticleOrderTable {
  column_id: number
  article_id: number
  position: number
}

export interface UsedFormTokensTable {
  nonce: string
  expires_at: number | string
}

export interface AuditLogTable {
  id: Generated<number>
  at: Timestamp
  actor: string
  address: string
  action: string
  target_type: string
  target_id: string
  outcome: string
  error_code: string | null
  detail: Json
  prev_hash: string
  /** The link: HMAC-SHA-256 under key `key_id`, or plain SHA-256 where `key_id` is null (legacy). */
  hash: string
  key_id: string | null
}

export interface AuditHeadTable {
  id: number
  last_hash: string
  /** The id of the entry whose link `last_hash` is; 0 while the log is empty. */
  last_id: number
  /** Entries from this id on must be keyed; earlier ones predate keys. */
  keyed_from: number
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: Timestamp
}

export interface PublishedPagesTable {
  site_id: number
  path: string
  hash: string
  kind: string
  ref_id: number | null
  templates: string
  written_at: Timestamp
}

/** A published page's link to an article page of its site (migration 021). */
export interface PageLinksTable {
  site_id: number
  path: string
  target: string
}

/** An internal link or image of a published page that leads to no file of the output. */
export interface BrokenLinksTable {
  id: Generated<number>
  site_id: number
  run_id: number
  path: string
  article_id: number | null
  /** Who to tell: the page's article's last editor. */
  editor: string | null
  /** `a` or `img` */
  element: string
  href: string
  target: string
}

/** One run of the external link check of a site. */
export interface ExternalLinkChecksTable {
  id: Generated<number>
  site_id: number
  started_at: Timestamp
  finished_at: Timestamp
  checked: number
  broken: number
  redirected: number
}

/** What one run found for one link of one article. */
export interface ExternalLinkResultsTable {
  check_id: number
  article_id: number
  url: string
  /** ok, redirect, broken, timeout, refused-private or error */
  outcome: string
  status: number | null
  location: string | null
  detail: string | null
}

export interface PageDepsTable {
  site_id: number
  dep_key: string
  path: string
}

export interface RedirectsTable {
  site_id: number
  from_path: string
  to_path: string
}

export interface PublishRunsTable {
  id: Generated<number>
  site_id: number
  mode: string
  started_at: Timestamp
  finished_at: Timestamp
  written: number
  unchanged: number
  removed: number
  errors: number
  manifest: Json
}

/** Where a site's output goes besides its folder (migration 026); see src/targets. */
export interface PublishTargetsTable {
  id: Generated<number>
  site_id: number
  name: string
  /** rsync, s3 or purge */
  kind: string
  /** The kind's settings; secrets only by the name of an environment variable or key file. */
  settings: Json
  since_run_id: number
  needs_full_sync: Flag
  created_at: Timestamp
  last_attempt_at: Timestamp | null
  last_delivered_at: Timestamp | null
  last_error: string | null
  purge_day: string | null
  purged_urls: Generated<number>
}

/** One run's delivery to one target: pending, done or failed (with its error). */
export interface TargetDeliveriesTable {
  id: Generated<number>
  target_id: number
  run_id: number
  state: 'pending' | 'done' | 'failed'
  attempts: number
  last_error: string | null
  created_at: Timestamp
  attempted_at: Timestamp | null
  delivered_at: Timestamp | null
}

export interface ArticleViewsTable {
  article_id: number
  views: number
}

export interface UsersTable {
  id: Generated<number>
  user_name: string
  display_name: string
  password_hash: string
  password_changed_at: Timestamp
  must_change_password: Flag
  disabled: Flag
  failed_sign_ins: number
  locked_until: Timestamp | null
  totp_secret: string | null
  totp_last_step: number | null
  last_sign_in_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
  /** The actor (`user:7`) whose reset issued the current password lineage; see migration 014. */
  password_reset_by: string | null
}

export interface PasswordHistoryTable {
  id: Generated<number>
  user_id: number
  password_hash: string
  created_at: Timestamp
}

export interface SessionsTable {
  id: string
  user_id: number
  csrf_token: string
  second_factor_pending: Flag
  address: string
  user_agent: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ended_at: Timestamp | null
}

export interface GrantsTable {
  id: Generated<number>
  user_id: number
  role: string
  site_id: number | null
  column_id: number | null
  review_level: number | null
  created_by: string
  created_at: Timestamp
}

export interface SignInFailuresTable {
  id: Generated<number>
  address: string
  /** The normalised user name tried (null in rows from before migration 014). */
  user_name: string | null
  at: Timestamp
}

export interface SiteTemplatesTable {
  site_id: number
  name: string
  source: string
  updated_by: string
  updated_at: Timestamp
}

export interface ArticleViewsDailyTable {
  article_id: number
  day: string
  views: number
}

/** A published article or single page as the site search knows it (migration 015). */
export interface SearchDocumentsTable {
  id: Generated<number>
  /** Newest first: the publish minute, then the document; the FTS5 rowid. */
  sort_key: number
  site_id: number
  /** 'letter' (migration 025's era): an answered public letter, ref_id the case's id. */
  kind: 'article' | 'page' | 'letter'
  ref_id: number
  column_id: number
  revision: number
  title: string
  url: string
  publish_at: Timestamp | null
  issuing_agency: string
  document_no: string
  body_text: string
  indexed_at: Timestamp
}

export interface SearchSynonymsTable {
  site_id: number
  word: string
  group_no: number
}

export interface SearchQueryDaysTable {
  site_id: number
  day: string
  query: string
  searches: number
  hits: number
}

/** A page `fabu import` brought in, by its URL on the old site (migration 017). */
export interface ImportedPagesTable {
  site_id: number
  source_url: string
  /** The path on the old site, `/art/2017/12/14/art_123_456.html`, answered with a redirect. */
  old_path: string
  kind: 'article' | 'column'
  article_id: number | null
  column_id: number | null
  /** SHA-256 of what was extracted, so an unchanged page is not saved again. */
  content_hash: string
  imported_at: Timestamp
}

export interface ImportRunsTable {
  id: Generated<number>
  site_id: number
  source: string
  started_by: string
  started_at: Timestamp
  finished_at: Timestamp | null
  /** The queue and the pages done, for `--resume`. */
  state: Json
}

/** A background job (an import started from the admin); see migration 019. */
export interface JobsTable {
  id: Generated<number>
  kind: string
  site_id: number
  /** The actor who started it: `{ id, name, address }`. */
  started_by: Json
  state: 'queued' | 'running' | 'finished' | 'failed' | 'cancelled' | 'interrupted'
  options: Json
  counts: Json
  created_at: Timestamp
  started_at: Timestamp | null
  updated_at: Timestamp
  finished_at: Timestamp | null
  error_code: string | null
  error_message: string | null
  result: Json | null
  /** The server running it (`host:pid:…`) and its last heartbeat in milliseconds (migration 036). */
  owner: string | null
  owner_seen_at: number | string | null
}

export interface WordingEntriesTable {
  id: Generated<number>
  site_id: number
  word: string
  /** sensitive, political, advertising or protected */
  kind: string
  /** block (禁用) or warn (提示) */
  level: string
  suggestion: string | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface MailboxesTable {
  id: Generated<number>
  site_id: number
  slug: string
  name: string
  /** consultation 咨询, complaint 投诉, suggestion 建议, disclosure 依申请公开. */
  kind: string
  categories: Json
  departments: Json
  deadline_days: number
  review_levels: number
  publishes_answers: Flag
  retention_days: number
  /** Staff addresses told of new and nearly due cases. */
  notify_addresses: Json
  created_at: Timestamp
  updated_at: Timestamp
}

export interface MailboxHandlersTable {
  mailbox_id: number
  user_id: number
  /** The review level (1–3) the handler also approves replies at; null: handles only. */
  review_level: number | null
  created_by: string
  created_at: Timestamp
}

/** A letter or application of the public; personal fields only sealed (migration 018). */
export interface CasesTable {
  id: Generated<number>
  site_id: number
  mailbox_id: number
  query_code: string
  subject: string
  content: string
  category: string | null
  details: Json
  may_publish: Flag
  name_masked: string
  name_sealed: string | null
  phone_sealed: string | null
  email_sealed: string | null
  id_number_sealed: string | null
  content_digest: string
  status: string
  received_at: Timestamp
  received_day: string
  deadline_days: number
  pauses: Json
  extension_days: number
  extension_reason: string | null
  assignee_user_id: number | null
  department: string | null
  answer_type: string | null
  answer_reason: string | null
  reply: string | null
  reply_state: string
  reply_stage: number
  reply_trail: Json
  replied_at: Timestamp | null
  invalid_reason: string | null
  personal_erased_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
  /** Staff may take an answered letter off the site; false only by their choice (migration 023). */
  shows_answer: ColumnType<boolean | number, boolean | undefined, boolean>
  /** The case this one was merged into as a duplicate. */
  duplicate_of: number | null
  /** Keyed digest of the sender's phone number, to find the same sender's letters. */
  sender_digest: string | null
}

/** 意见征集 on a draft (migration 023); open from starts_day to ends_day, site-local days. */
export interface ConsultationsTable {
  id: Generated<number>
  site_id: number
  title: string
  draft: string
  starts_day: string
  ends_day: string
  /** 采纳情况: published once the consultation has ended. */
  summary: string | null
  summary_at: Timestamp | null
  /** The questionnaire (调查) as JSON, migration 025; null without one. */
  questionnaire: string | null
  /** 结果反馈: a published article answering the consultation (migration 025). */
  feedback_article_id: number | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

/** An opinion of the public; personal fields only sealed, like a case's. */
export interface ConsultationOpinionsTable {
  id: Generated<number>
  consultation_id: number
  content: string
  name_masked: string
  name_sealed: string | null
  phone_sealed: string | null
  email_sealed: string | null
  content_digest: string
  received_at: Timestamp
  /** The questionnaire's answers as JSON by question index (migration 025); null without. */
  answers: string | null
}

export interface WorkCalendarDaysTable {
  day: string
  /** holiday 放假, or workday 调休上班. */
  kind: string
  note: string
}

/** One stored run of the inspection self-check (migration 022). */
export interface InspectionRunsTable {
  id: Generated<number>
  site_id: number
  checked_at: Timestamp
  /** `serve:daily`, or the actor who asked (`cli:…`, a user). */
  started_by: string
  /** Single-veto items failed. */
  failed: number
  /** The whole report as JSON, to show again and to compare with the next run. */
  report: Json
}

/** Sites that may submit (信息报送) to a column of another site. */
export interface SubmissionSourcesTable {
  column_id: number
  source_site_id: number
}

export interface SubmissionsTable {
  id: Generated<number>
  source_site_id: number
  article_id: number
  /** The article's title when submitted, so the list reads even after the source is purged. */
  title: string
  /** The original's published address, for the link back; null while unpublished. */
  source_url: string | null
  target_site_id: number
  target_column_id: number
  note: Generated<string>
  submitted_by: string
  submitted_by_user_id: number | null
  submitted_at: Timestamp
  /** `pending`, `adopted`, `returned` or `ignored`. */
  status: Generated<string>
  decided_by: string | null
  decided_at: Timestamp | null
  /** Why it was returned, shown to the submitter. */
  reason: string | null
  adopted_article_id: number | null
}

export interface Database {
  sites: SitesTable
  columns: ColumnsTable
  articles: ArticlesTable
  article_columns: ArticleColumnsTable
  article_revisions: ArticleRevisionsTable
  disclosure_serials: DisclosureSerialsTable
  changes: ChangesTable
  publish_leases: PublishLeasesTable
  address_windows: AddressWindowsTable
  used_form_tokens: UsedFormTokensTable
  column_article_order: ColumnArticleOrderTable
  article_list_generations: ArticleListGenerationsTable
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  schema_migrations: SchemaMigrationsTable
  published_pages: PublishedPagesTable
  page_deps: PageDepsTable
  page_links: PageLinksTable
  broken_links: BrokenLinksTable
  external_link_checks: ExternalLinkChecksTable
  external_link_results: ExternalLinkResultsTable
  redirects: RedirectsTable
  publish_runs: PublishRunsTable
  publish_targets: PublishTargetsTable
  target_deliveries: TargetDeliveriesTable
  article_views: ArticleViewsTable
  users: UsersTable
  password_history: PasswordHistoryTable
  sessions: SessionsTable
  grants: GrantsTable
  sign_in_failures: SignInFailuresTable
  site_templates: SiteTemplatesTable
  article_views_daily: ArticleViewsDailyTable
  search_documents: SearchDocumentsTable
  search_synonyms: SearchSynonymsTable
  search_query_days: SearchQueryDaysTable
  imported_pages: ImportedPagesTable
  import_runs: ImportRunsTable
  jobs: JobsTable
  wording_entries: WordingEntriesTable
  mailboxes: MailboxesTable
  mailbox_handlers: MailboxHandlersTable
  cases: CasesTable
  work_calendar_days: WorkCalendarDaysTable
  consultations: ConsultationsTable
  consultation_opinions: ConsultationOpinionsTable
  inspection_runs: InspectionRunsTable
  submission_sources: SubmissionSourcesTable
  submissions: SubmissionsTable
}

export type SiteRow = Selectable<SitesTable>
export type ColumnRow = Selectable<ColumnsTable>
export type ArticleRow = Selectable<ArticlesTable>
export type NewArticleRow = Insertable<ArticlesTable>
export type ArticleUpdate = Updateable<ArticlesTable>
export type AuditRow = Selectable<AuditLogTable>
export type ChangeRow = Selectable<ChangesTable>
export type UserRow = Selectable<UsersTable>
export type SessionRow = Selectable<SessionsTable>
export type GrantRow = Selectable<GrantsTable>
