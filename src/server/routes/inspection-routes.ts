import { z } from 'zod'
import { type Inspection, inspectionFormats } from '../../checks/index.ts'
import { type ApiRoute, route, siteParams, siteRef } from '../api-route.ts'
import { asAttachment } from '../as-attachment.ts'
import { inspectionReportSchema, inspectionRunListSchema } from '../inspection-response-schemas.ts'

const exportParams = siteParams.extend({ format: z.enum(inspectionFormats) }).strict()

/** The inspection self-check's stored runs and its exports, for the report page of the admin. */
export function inspectionRoutes(inspection: Inspection): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/inspection/latest',
      summary:
        'The newest stored run of the inspection self-check (the daily one) with its changes; a new run when none is a day old',
      tag: 'checks',
      access: 'signed-in',
      params: siteParams,
      response: inspectionReportSchema,
      handler: async ({ workspace, params }) => inspection.latest(workspace.principal, siteRef(params.site)),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/inspection/runs',
      summary: 'The stored runs of the inspection self-check (daily, or saved), newest first',
      tag: 'checks',
      access: 'signed-in',
      params: siteParams,
      response: inspectionRunListSchema,
      handler: async ({ workspace, params }) => ({
        items: await inspection.runs(workspace.principal, siteRef(params.site)),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/inspection/runs',
      summary: 'Run the inspection self-check now and store it, compared with the run before',
      tag: 'checks',
      access: 'signed-in',
      params: siteParams,
      status: 201,
      response: inspectionReportSchema,
      handler: async ({ workspace, params }) => inspection.save(workspace.principal, siteRef(params.site)),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/inspection/export/:format',
      summary:
        'The inspection report as a file: html (printable), xlsx, or pdf (needs Chromium, else CHROMIUM_MISSING)',
      tag: 'checks',
      access: 'signed-in',
      params: exportParams,
      handler: async ({ workspace, params, reply }) => {
        const file = await inspection.export(workspace.principal, siteRef(params.site), params.format)
        return asAttachment(reply, file.fileName, file.contentType)
          .header('cache-control', 'no-store')
          .send(Buffer.from(file.body))
      },
    }),
  ]
}
