import { sql } from 'kysely'
import { canManageSite, canReadSite, type Principal, recordRefusal } from '../content/index.ts'
import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import type { Interaction } from '../interaction/index.ts'
import type { Store } from '../store/index.ts'
import { adoptionCounts } from '../submissions/index.ts'
import { bucketOf, bucketsOf, type PeriodQuery, resolvePeriod } from './period.ts'
import type { SiteGroupReport } from './site-group-report.ts'
import { siteGroupReport } from './site-group-statistics.ts'
import { type PublicationType, publicationTypes, type StatisticsReport } from './statistics-report.ts'

export interface StatisticsOptions {
  /** 互动交流 figures come from here; without it they are reported as unknown. */
  readonly interaction?: Interaction | null
  /** The clock the presets are resolved against; tests move it. */
  readonly now?: () => Date
}

export interface Statistics {
  /** The site's figures for a period: its administrators (and the installation's) only. */
  report(principal: Principal, siteId: number, query: PeriodQuery): Promise<StatisticsReport>
  /** Articles published per site of the installation per period (站群): its administrators only. */
  siteGroup(principal: Principal, query: PeriodQuery): Promise<SiteGroupReport>
}

interface ColumnInfo {
  readonly path: string
  readonly type: PublicationType
}

export function createStatistics(store: Store, options: StatisticsOptions = {}): Statistics {
  const now = options.now ?? (() => new Date())

  /** Each column of the site with its path of names and the publication type it gives. */
  async function columnsOf(siteId: number): Promise<Map<number, ColumnInfo>> {
    const rows = await store.db
      .selectFrom('columns')
      .select(['id', 'parent_id', 'name', 'update_type', 'is_disclosure'])
      .where('site_id', '=', siteId)
      .execute()
    const byId = new Map(rows.map((row) => [row.id, row]))
    const pathOf = (id: number): string => {
      const names: string[] = []
      for (let row = byId.get(id); row && names.length < 32; row = byId.get(row.parent_id ?? -1))
        names.unshift(row.name)
      return names.join(' / ')
    }
    return new Map(
      rows.map((row) => [
        row.id,
        {
          path: pathOf(row.id),
          type: row.is_disclosure
            ? 'disclosure'
            : row.update_type === 'news' || row.update_type === 'notice'
              ? 'news'
              : row.update_type === 'policy'
                ? 'policy'
                : 'other',
        },
      ]),
    )
  }

  return {
    siteGroup: (principal, query) => siteGroupReport(store, principal, query, now()),
    async report(principal, siteId, query) {
      const site = await store.db
        .selectFrom('sites')
        .select(['id', 'slug', 'name', 'time_zone'])
        .where('id', '=', siteId)
        .executeTakeFirst()
      if (!site) throw new NotFoundError('site', siteId)
      if (!canManageSite(principal.access, siteId)) {
        // Whoever does not work in the site is told it is not there, as everywhere else; its
        // editors, that they may not.
        const error = canReadSite(principal.access, siteId)
          ? new ForbiddenError('查看此站点的统计', 'read the statistics of this site')
          : new NotFoundError('site', siteId)
        await recordRefusal(
          store,
          principal.actor,
          'statistics.read',
          { type: 'site', id: siteId },
          error,
          now().toISOString(),
        )
        throw error
      }
      const period = resolvePeriod(query, site.time_zone, now())
      const columns = await columnsOf(siteId)
      const columnName = (id: number) => columns.get(id)?.path ?? `#${id}`
      const buckets = bucketsOf(period)

      // Articles first published in the period and not in the recycle bin, by home column.
      const articles = await store.db
        .selectFrom('articles')
        .select(['column_id', 'created_by', 'first_published_at'])
        .where('site_id', '=', siteId)
        .where('deleted_at', 'is', null)
        .where('first_published_at', '>=', period.from)
        .where('first_published_at', '<', period.until)
        .execute()
      const dayIn = new Intl.DateTimeFormat('sv-SE', { timeZone: site.time_zone })
      const perColumn = new Map<number, number>()
      const perEditor = new Map<string, number>()
      const perBucket = new Map<string, number>(buckets.map((bucket) => [bucket, 0]))
      const perType = new Map<PublicationType, number>(publicationTypes.map((type) => [type, 0]))
      for (const article of articles) {
        perColumn.set(article.column_id, (perColumn.get(article.column_id) ?? 0) + 1)
        perEditor.set(article.created_by, (perEditor.get(article.created_by) ?? 0) + 1)
        const bucket = bucketOf(dayIn.format(new Date(article.first_published_at ?? '')), period.bucket)
        perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + 1)
        const type = columns.get(article.column_id)?.type ?? 'other'
        perType.set(type, (perType.get(type) ?? 0) + 1)
      }

      // Views are stored per article and site-local day, so the period's days select them exactly.
      const viewRows = await store.db
        .selectFrom('article_views_daily')
        .innerJoin('articles', 'articles.id', 'article_views_daily.article_id')
        .select([
          'articles.column_id',
          'article_views_daily.day',
          sql<number>`sum(article_views_daily.views)`.as('views'),
        ])
        .where('articles.site_id', '=', siteId)
        .where('article_views_daily.day', '>=', period.fromDay)
        .where('article_views_daily.day', '<=', period.toDay)
        .groupBy(['articles.column_id', 'article_views_daily.day'])
        .execute()
      const viewsPerColumn = new Map<number, number>()
      const viewsPerBucket = new Map<string, number>(buckets.map((bucket) => [bucket, 0]))
      let totalViews = 0
      for (const row of viewRows) {
        const views = Number(row.views)
        totalViews += views
        viewsPerColumn.set(row.column_id, (viewsPerColumn.get(row.column_id) ?? 0) + views)
        const bucket = bucketOf(row.day, period.bucket)
        viewsPerBucket.set(bucket, (viewsPerBucket.get(bucket) ?? 0) + views)
      }

      // 专栏专题: the site's topics (专题, columns of kind topic) that existed in the period.
      const topics = await store.db
        .selectFrom('columns')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('site_id', '=', siteId)
        .where('kind', '=', 'topic')
        .where('created_at', '<', period.until)
        .where((eb) => eb.or([eb('deleted_at', 'is', null), eb('deleted_at', '>=', period.from)]))
        .executeTakeFirstOrThrow()

      const interaction = options.interaction
        ? await options.interaction.as(principal).counts(siteId, period)
        : null
      const byCount = <T extends { count: number }>(a: T & { name: string }, b: T & { name: string }) =>
        b.count - a.count || a.name.localeCompare(b.name, 'zh')

      return {
        site: { id: site.id, slug: site.slug, name: site.name, timeZone: site.time_zone },
        period: { fromDay: period.fromDay, toDay: period.toDay, bucket: period.bucket },
        published: {
          total: articles.length,
          byColumn: [...perColumn]
            .map(([columnId, count]) => ({ columnId, name: columnName(columnId), count }))
            .sort(byCount)
            .map(({ columnId, name, count }) => ({ columnId, column: name, count })),
          byEditor: [...perEditor]
            .map(([editor, count]) => ({ name: editor, count }))
            .sort(byCount)
            .map(({ name, count }) => ({ editor: name, count })),
          byBucket: [...perBucket].map(([bucket, count]) => ({ bucket, count })),
        },
        views: {
          total: totalViews,
          byColumn: [...viewsPerColumn]
            .map(([columnId, count]) => ({ columnId, name: columnName(columnId), count }))
            .sort(byCount)
            .map(({ columnId, name, count }) => ({ columnId, column: name, views: count })),
          byBucket: [...viewsPerBucket].map(([bucket, views]) => ({ bucket, views })),
        },
        annual: {
          totalViews,
          published: articles.length,
          publishedByType: publicationTypes.map((type) => ({ type, count: perType.get(type) ?? 0 })),
          specialTopics: Number(topics.count),
          interpretations: null,
          interaction: interaction
            ? {
                letters: { ...interaction.letters },
                applications: { ...interaction.applications },
                consultations: { ...interaction.consultations },
              }
            : null,
        },
        adoptions: (
          await adoptionCounts(store, { from: period.from, to: period.until, targetSiteId: siteId })
        ).map((row) => ({ unit: row.sourceSiteName, submitted: row.submitted, adopted: row.adopted })),
      }
    },
  }
}
