export { type Period, type PeriodQuery, periodPresets, periodQuerySchema, resolvePeriod } from './period.ts'
export { type SiteGroupReport, siteGroupReportSchema } from './site-group-report.ts'
export { createStatistics, type Statistics, type StatisticsOptions } from './site-statistics.ts'
export { statisticsCsv, statisticsFileName, statisticsXlsx } from './statistics-export.ts'
export {
  type PublicationType,
  publicationTypes,
  type StatisticsReport,
  statisticsReportSchema,
} from './statistics-report.ts'
export { publicationTypeLabels, type StatisticsTable, statisticsTables } from './statistics-tables.ts'
