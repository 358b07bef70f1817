import { canAdministerSystem, type Principal, recordRefusal } from '../content/index.ts'
import { ForbiddenError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import { bucketOf, bucketsOf, type PeriodQuery, resolvePeriod } from './period.ts'
import type { SiteGroupReport } from './site-group-report.ts'

/** The zone new sites get: the installation's when it has no site yet. */
const FALLBACK_ZONE = 'Asia/Shanghai'

/**
 * 站群统计: articles first published per site per period, for the installation's
 * administrators. The installation's zone is its oldest site's (the one `fabu serve` answers
 * at `/` by default), as the admin shows installation-wide times.
 */
export async function siteGroupReport(
  store: Store,
  principal: Principal,
  query: PeriodQuery,
  now: Date,
): Promise<SiteGroupReport> {
  if (!canAdministerSystem(principal.access)) {
    const error = new ForbiddenError('查看站群统计', 'read the statistics of every site')
    await recordRefusal(
      store,
      principal.actor,
      'statistics.readGroup',
      { type: 'installation' },
      error,
      now.toISOString(),
    )
    throw error
  }
  const sites = await store.db
    .selectFrom('sites')
    .select(['id', 'slug', 'name', 'time_zone'])
    .orderBy('id', 'asc')
    .execute()
  const timeZone = sites[0]?.time_zone ?? FALLBACK_ZONE
  const period = resolvePeriod(query, timeZone, now)
  const buckets = bucketsOf(period)
  const place = new Map(buckets.map((bucket, index) => [bucket, index]))
  const articles = await store.db
    .selectFrom('articles')
    .select(['site_id', 'first_published_at'])
    .where('deleted_at', 'is', null)
    .where('first_published_at', '>=', period.from)
    .where('first_published_at', '<', period.until)
    .execute()
  const dayIn = new Intl.DateTimeFormat('sv-SE', { timeZone })
  const perSite = new Map(sites.map((site) => [site.id, buckets.map(() => 0)]))
  for (const article of articles) {
    const counts = perSite.get(article.site_id)
    const index = place.get(bucketOf(dayIn.format(new Date(article.first_published_at ?? '')), period.bucket))
    if (counts && index !== undefined) counts[index] = (counts[index] ?? 0) + 1
  }
  const rows = sites.map((site) => {
    const byBucket = perSite.get(site.id) ?? []
    return {
      siteId: site.id,
      slug: site.slug,
      name: site.name,
      published: byBucket.reduce((sum, n) => sum + n, 0),
      byBucket,
    }
  })
  return {
    timeZone,
    period: { fromDay: period.fromDay, toDay: period.toDay, bucket: period.bucket },
    buckets,
    sites: rows.sort((a, b) => b.published - a.published || a.siteId - b.siteId),
    published: rows.reduce((sum, row) => sum + row.published, 0),
  }
}
