import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import type { Content } from '../../content/index.ts'
import {
  periodQuerySchema,
  type SiteGroupReport,
  type Statistics,
  type StatisticsReport,
  statisticsCsv,
  statisticsFileName,
  statisticsXlsx,
} from '../../statistics/index.ts'
import { type ApiRoute, route, siteIdOf, siteParams } from '../api-route.ts'
import { asAttachment } from '../as-attachment.ts'
import { siteGroupReportResponse, statisticsReportResponse } from '../site-group-response-schemas.ts'

const exportParams = z.strictObject({ site: siteParams.shape.site, format: z.enum(['csv', 'xlsx']) })

const groupExportParams = z.strictObject({ format: exportParams.shape.format })

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** The site's statistics for a period, and the same tables as a file. */
export function statisticsRoutes(statistics: Statistics, content: Content): ApiRoute[] {
  const siteId = (site: string) => siteIdOf(content.sites, site)
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/statistics',
      summary:
        'Articles published per column, editor and period, views per column, and the annual-report figures (site administrators)',
      tag: 'statistics',
      access: 'signed-in',
      params: siteParams,
      query: periodQuerySchema,
      response: statisticsReportResponse,
      handler: async ({ workspace, params, query }) =>
        statistics.report(workspace.principal, await siteId(params.site), query),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/statistics/export/:format',
      summary: 'Every table of the statistics as a file: xlsx (one sheet each) or csv',
      tag: 'statistics',
      access: 'signed-in',
      params: exportParams,
      query: periodQuerySchema,
      handler: async ({ workspace, params, query, reply }) => {
        const report = await statistics.report(workspace.principal, await siteId(params.site), query)
        return sendExport(reply, report, params.format)
      },
    }),
    route({
      method: 'GET',
      url: '/api/statistics/sites',
      summary:
        'Articles published per site of the installation per day or month (站群; system administrators)',
      tag: 'statistics',
      access: 'signed-in',
      query: periodQuerySchema,
      response: siteGroupReportResponse,
      handler: async ({ workspace, query }) => statistics.siteGroup(workspace.principal, query),
    }),
    route({
      method: 'GET',
      url: '/api/statistics/sites/export/:format',
      summary: 'The per-site statistics of the installation as a file: xlsx or csv',
      tag: 'statistics',
      access: 'signed-in',
      params: groupExportParams,
      query: periodQuerySchema,
      handler: async ({ workspace, params, query, reply }) =>
        sendExport(reply, await statistics.siteGroup(workspace.principal, query), params.format),
    }),
  ]
}

async function sendExport(
  reply: FastifyReply,
  report: StatisticsReport | SiteGroupReport,
  format: 'csv' | 'xlsx',
): Promise<FastifyReply> {
  const body = format === 'csv' ? statisticsCsv(report) : await statisticsXlsx(report)
  return asAttachment(reply, statisticsFileName(report, format), CONTENT_TYPES[format])
    .header('cache-control', 'no-store')
    .send(typeof body === 'string' ? body : Buffer.from(body))
}
