import type { PageJob } from './page-job.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import { printPath } from './url-scheme.ts'

/** The page left at an article's old URL after it moved to another column. */
export function redirectJob(snapshot: SiteSnapshot, from: string, to: string): PageJob {
  const { basePath, baseUrl } = snapshot.context.site
  return {
    path: from,
    kind: 'redirect',
    refId: null,
    template: 'redirect.liquid',
    data: { redirect: { to: `${basePath}${to}`, canonical: `${baseUrl}${to}` }, page: { kind: 'redirect' } },
    deps: [],
  }
}

export function redirectJobs(snapshot: SiteSnapshot, from: string, to: string): PageJob[] {
  return [redirectJob(snapshot, from, to), redirectJob(snapshot, printPath(from), printPath(to))]
}
