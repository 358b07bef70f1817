export { createPublicSite, PUBLIC_SECURITY_HEADERS, type PublicSiteOptions } from './public-site.ts'
export { isBot, ViewCounter } from './view-counter.ts'
