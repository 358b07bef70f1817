import { z } from 'zod'
import type { ImportJobs } from '../../jobs/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'
import { asAttachment } from '../as-attachment.ts'
import { importJobListSchema, importJobSchema, importReportRowsSchema } from '../job-response-schemas.ts'

const jobParams = siteParams.extend({ id: z.coerce.number().int().positive().max(2_147_483_647) }).strict()

const startSchema = z
  .object({
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// URL')
      .refine((value) => URL.canParse(value), 'must be a URL'),
    isDryRun: z.boolean().default(false),
    since: z.iso.date().nullable().default(null),
    concurrency: z.number().int().min(1).max(16).default(4),
    assetHosts: z
      .array(z.string().regex(/^[a-z0-9.-]+(?::\d{1,5})?$/i, 'must be a host name, with :port if needed'))
      .max(20)
      .default([]),
    resumes: z.boolean().default(false),
  })
  .strict()

const rowsQuery = z
  .object({
    outcome: z.string().max(20).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()

/** Imports of an old site run by the server, with live counts (site administrators). */
export function importRoutes(jobs: ImportJobs): ApiRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/sites/:site/import-jobs',
      summary: 'Start importing an old website into the site, in the background (site administrators)',
      tag: 'import',
      access: 'signed-in',
      params: siteParams,
      body: startSchema,
      status: 202,
      handler: async ({ workspace, params, body }) =>
        jobs.start(workspace.principal, siteRef(params.site), {
          ...body,
          assetHosts: body.assetHosts.map((host) => host.toLowerCase()),
        }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/import-jobs',
      summary: "The site's import jobs, newest first, with their counts",
      tag: 'import',
      access: 'signed-in',
      params: siteParams,
      response: importJobListSchema,
      handler: async ({ workspace, params }) => ({
        items: await jobs.list(workspace.principal, siteRef(params.site)),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/import-jobs/:id',
      summary: 'One import job: its state and live counts',
      tag: 'import',
      access: 'signed-in',
      params: jobParams,
      response: importJobSchema,
      handler: async ({ workspace, params }) =>
        jobs.get(workspace.principal, siteRef(params.site), params.id),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/import-jobs/:id/cancel',
      summary: 'Stop a running import; what came in stays, and it can be resumed',
      tag: 'import',
      access: 'signed-in',
      params: jobParams,
      handler: async ({ workspace, params }) =>
        jobs.cancel(workspace.principal, siteRef(params.site), params.id),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/import-jobs/:id/resume',
      summary: 'Go on with a stopped import from where it stopped, as a new job',
      tag: 'import',
      access: 'signed-in',
      params: jobParams,
      status: 202,
      handler: async ({ workspace, params }) =>
        jobs.resume(workspace.principal, siteRef(params.site), params.id),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/import-jobs/:id/rows',
      summary: "A finished import's report, page by page, optionally of one outcome",
      tag: 'import',
      access: 'signed-in',
      params: jobParams,
      query: rowsQuery,
      response: importReportRowsSchema,
      handler: async ({ workspace, params, query }) =>
        jobs.reportRows(workspace.principal, siteRef(params.site), params.id, query),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/import-jobs/:id/report.csv',
      summary: "A finished import's report as CSV: every page with its outcome",
      tag: 'import',
      access: 'signed-in',
      params: jobParams,
      handler: async ({ workspace, params, reply }) => {
        const csv = await jobs.reportCsv(workspace.principal, siteRef(params.site), params.id)
        return asAttachment(reply, `fabu-import-${params.id}.csv`).send(csv)
      },
    }),
  ]
}
