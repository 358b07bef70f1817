export { type Job, PublishQueue } from '../publish/index.ts'
export { type AdminAppOptions, createAdminApp } from './admin-app.ts'
export { createPublicSite, PUBLIC_SECURITY_HEADERS, type PublicSiteOptions } from './public-site.ts'
export { isBot, ViewCounter } from './view-counter.ts'
