import type { SiteGroupReport } from './site-group-report.ts'
import type { PublicationType, StatisticsReport } from './statistics-report.ts'

/** One table of the report as exported: a sheet of the workbook, a block of the CSV. */
export interface StatisticsTable {
  /** Bilingual, short enough for a sheet name (31 characters). */
  readonly title: string
  readonly header: readonly string[]
  readonly rows: readonly (readonly (string | number)[])[]
}

export const publicationTypeLabels: Readonly<Record<PublicationType, string>> = {
  disclosure: '信息公开目录 disclosure catalogue',
  news: '政务动态 news',
  policy: '政策文件 policy',
  other: '其他（含概况类） other',
}

const unknown = '未知 not known'

/** Every table of the report, in the order the screen shows them. */
export function statisticsTables(report: StatisticsReport): readonly StatisticsTable[] {
  const { annual } = report
  const interaction = annual.interaction
  const annualRows: (readonly (string | number)[])[] = [
    ['总访问量 total views', annual.totalViews],
    ['信息发布总数 articles published', annual.published],
    ...annual.publishedByType.map((row) => [`  ${publicationTypeLabels[row.type]}`, row.count]),
    ['专栏专题 special topics', annual.specialTopics ?? unknown],
    ['解读回应 interpretations', annual.interpretations ?? unknown],
    ...(interaction
      ? [
          ['留言收到 letters received', interaction.letters.received],
          ['留言办结 letters answered', interaction.letters.answered],
          ['依申请公开收到 applications received', interaction.applications.received],
          ['依申请公开答复 applications answered', interaction.applications.answered],
          ['征集调查期数 consultations opened', interaction.consultations.opened],
          ['收到意见数 opinions received', interaction.consultations.opinions],
          ['公布调查结果期数 results published', interaction.consultations.resultsPublished],
        ]
      : [['互动交流 interaction', unknown]]),
  ]
  const tables: StatisticsTable[] = [
    { title: '年度报表 annual report', header: ['指标 figure', '数量 count'], rows: annualRows },
    {
      title: '按栏目发布 by column',
      header: ['栏目 column', '发布数 published'],
      rows: report.published.byColumn.map((row) => [row.column, row.count]),
    },
    {
      title: '按编辑发布 by editor',
      header: ['编辑 editor', '发布数 published'],
      rows: report.published.byEditor.map((row) => [row.editor, row.count]),
    },
    {
      title: '按时段 by period',
      header: ['时段 period', '发布数 published', '访问量 views'],
      rows: report.published.byBucket.map((row, index) => [
        row.bucket,
        row.count,
        report.views.byBucket[index]?.views ?? 0,
      ]),
    },
    {
      title: '按栏目访问 views by column',
      header: ['栏目 column', '访问量 views'],
      rows: report.views.byColumn.map((row) => [row.column, row.views]),
    },
  ]
  // The place the 信息报送 adoption counts fill once src/submissions is wired.
  if (report.adoptions)
    tables.push({
      title: '信息报送采用 adoptions',
      header: ['报送单位 unit', '报送 submitted', '采用 adopted'],
      rows: report.adoptions.map((row) => [row.unit, row.submitted, row.adopted]),
    })
  return tables
}

/** The site-group report as one table: a row per site, its total, then a column per day or month. */
export function siteGroupTables(report: SiteGroupReport): readonly StatisticsTable[] {
  return [
    {
      title: '按站点发布 by site',
      header: ['站点 site', '发布数 published', ...report.buckets],
      rows: [
        ...report.sites.map((site) => [`${site.name} (${site.slug})`, site.published, ...site.byBucket]),
        ['合计 total', report.published, ...report.buckets.map((_, index) => sumAt(report, index))],
      ],
    },
  ]
}

function sumAt(report: SiteGroupReport, index: number): number {
  return report.sites.reduce((sum, site) => sum + (site.byBucket[index] ?? 0), 0)
}
