export type { PageKind, PageResult } from './page-job.ts'
export { Publisher, type PublisherOptions, type PublishReport, type PublishRequest } from './publisher.ts'
export { SITE_PATHS } from './routes.ts'
export { loadTheme, type Theme } from './theme.ts'
