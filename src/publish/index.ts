export { maskContacts } from './plan/mask-contacts.ts'
export type { PageKind, PageResult } from './plan/page-job.ts'
export { SITE_PATHS } from './plan/url-scheme.ts'
export { type Job, type PublishDispatch, PublishQueue } from './publish-queue.ts'
export {
  Publisher,
  type PublisherOptions,
  type PublishReport,
  type PublishRequest,
  type RecordedRun,
} from './publisher.ts'
export { checkTemplate, MAX_TEMPLATE_BYTES } from './render/check-template.ts'
export { MAX_SLOW_PAGES_PER_TEMPLATE, MAX_STOPS_PER_TEMPLATE } from './render/render-pool.ts'
export { SEARCH_PAGE_QUEUE, SearchPageRenderer } from './render/search-page-renderer.ts'
export { loadSiteTheme } from './render/site-theme.ts'
export { loadTheme, type Theme, themeExists } from './render/theme.ts'
export { TEMPORARY_FOLDER } from './write/atomic-write.ts'
export { publishProgress } from './write/publish-lease.ts'
export {
  type PublishRunDetail,
  type PublishRunSummary,
  publishRun,
  recentPublishRuns,
} from './write/publish-runs.ts'
export { recordTemplateChange } from './write/record-template-change.ts'
export {
  createSiteTemplates,
  type SiteTemplates,
  type StoredTemplate,
  type TemplateSummary,
} from './write/site-templates.ts'
