export { checkTemplate, MAX_TEMPLATE_BYTES } from './check-template.ts'
export { maskContacts } from './mask-contacts.ts'
export type { PageKind, PageResult } from './page-job.ts'
export {
  type PublishRunDetail,
  type PublishRunSummary,
  publishRun,
  recentPublishRuns,
} from './publish-runs.ts'
export { Publisher, type PublisherOptions, type PublishReport, type PublishRequest } from './publisher.ts'
export { recordTemplateChange } from './record-template-change.ts'
export { MAX_SLOW_PAGES_PER_TEMPLATE, MAX_STOPS_PER_TEMPLATE } from './render-pool.ts'
export { SITE_PATHS } from './routes.ts'
export { SEARCH_PAGE_QUEUE, SearchPageRenderer } from './search-page-renderer.ts'
export {
  createSiteTemplates,
  type SiteTemplates,
  type StoredTemplate,
  type TemplateSummary,
} from './site-templates.ts'
export { loadSiteTheme } from './site-theme.ts'
export { loadTheme, type Theme, themeExists } from './theme.ts'
