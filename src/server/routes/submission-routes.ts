import { join } from 'node:path'
import { z } from 'zod'
import {
  adoptInputSchema,
  adoptionReportCsv,
  adoptionReportXlsx,
  returnInputSchema,
  type Submissions,
  submissionSchema,
  submissionSourcesSchema,
  submissionStatuses,
  submitInputSchema,
} from '../../submissions/index.ts'
import { copyStoredUploads } from '../../uploads/index.ts'
import { type ApiRoute, idParams, route, siteIdOf, siteParams, siteRef } from '../api-route.ts'
import { asAttachment, CSV_TYPE } from '../as-attachment.ts'
import {
  adoptionReportResponse,
  submissionListSchema,
  submissionSourceChoicesSchema,
  submissionSourcesAnswerSchema,
  submissionTargetListSchema,
} from '../site-group-response-schemas.ts'

export interface SubmissionRouteSettings {
  /** The folder a site's published files live in; an adopted copy's uploads go under its `uploads/`. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
}

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict()
const exportQuery = yearQuery.extend({ format: z.enum(['xlsx', 'csv']) }).strict()
const inboxQuery = z.object({ status: z.enum(submissionStatuses).optional() }).strict()
const adoptAnswer = z.object({
  submission: submissionSchema,
  article: z.object({
    id: z.number(),
    siteId: z.number(),
    columnId: z.number(),
    title: z.string(),
    status: z.string(),
  }),
})

/** 信息报送: thin shells over the submissions desk, which checks rights and audits. */
export function submissionRoutes(submissions: Submissions, settings: SubmissionRouteSettings): ApiRoute[] {
  const tag = 'submissions'
  return [
    route({
      method: 'GET',
      url: '/api/columns/:id/submission-sources',
      summary: 'The sites that may submit (信息报送) to this column',
      tag,
      access: 'signed-in',
      params: idParams,
      response: submissionSourcesAnswerSchema,
      handler: async ({ workspace, params }) => ({
        siteIds: await submissions.as(workspace.principal).sources(params.id),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/columns/:id/submission-source-choices',
      summary: "The other sites of the installation, to choose a column's sources from (site administrators)",
      tag,
      access: 'signed-in',
      params: idParams,
      response: submissionSourceChoicesSchema,
      handler: async ({ workspace, params }) => submissions.as(workspace.principal).sourceChoices(params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/columns/:id/submission-sources',
      summary: 'Set the sites that may submit to this column (site administrators of its site)',
      tag,
      access: 'signed-in',
      params: idParams,
      body: submissionSourcesSchema,
      response: submissionSourcesAnswerSchema,
      handler: async ({ workspace, params, body }) => ({
        siteIds: await submissions.as(workspace.principal).setSources(params.id, body.siteIds),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/submission-targets',
      summary: 'The columns of other sites this site may submit to',
      tag,
      access: 'signed-in',
      params: siteParams,
      response: submissionTargetListSchema,
      handler: async ({ workspace, params }) =>
        submissions.as(workspace.principal).targets(await siteIdOf(workspace.sites, params.site)),
    }),
    route({
      method: 'POST',
      url: '/api/submissions',
      summary: 'Submit (报送) an article to a column of another site, with an optional note',
      tag,
      access: 'signed-in',
      body: submitInputSchema,
      status: 201,
      response: submissionSchema,
      handler: async ({ workspace, body }) => submissions.as(workspace.principal).submit(body),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/submissions/inbox',
      summary: "Submissions to the site's columns the user edits (待处理报送), newest first",
      tag,
      access: 'signed-in',
      params: siteParams,
      query: inboxQuery,
      response: submissionListSchema,
      handler: async ({ workspace, params, query }) =>
        submissions.as(workspace.principal).inbox(await siteIdOf(workspace.sites, params.site), query.status),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/submissions/outbox',
      summary:
        "The site's submissions and what became of them (报送箱): the user's own, or all for administrators",
      tag,
      access: 'signed-in',
      params: siteParams,
      response: submissionListSchema,
      handler: async ({ workspace, params }) =>
        submissions.as(workspace.principal).outbox(await siteIdOf(workspace.sites, params.site)),
    }),
    route({
      method: 'POST',
      url: '/api/submissions/:id/adopt',
      summary:
        '采用: copy the article into the target column (a draft, or on to review), its source recorded',
      tag,
      access: 'signed-in',
      params: idParams,
      body: adoptInputSchema,
      response: adoptAnswer,
      handler: async ({ workspace, params, body }) => {
        const { submission, uploads, ...adopted } = await submissions
          .as(workspace.principal)
          .adopt(params.id, body)
        let article = adopted.article
        await copyStoredUploads(
          join(settings.outputRootFor(uploads.from.slug, uploads.from.outputPrefix), 'uploads'),
          join(settings.outputRootFor(uploads.to.slug, uploads.to.outputPrefix), 'uploads'),
          [article.bodyHtml, article.coverImage ?? '', ...article.attachments.map((file) => file.url)],
        )
        if (body.submitForReview) article = await workspace.articles.submit(article.id)
        return { submission, article }
      },
    }),
    route({
      method: 'POST',
      url: '/api/submissions/:id/return',
      summary: '退回: send the submission back with a reason the submitter reads',
      tag,
      access: 'signed-in',
      params: idParams,
      body: returnInputSchema,
      response: submissionSchema,
      handler: async ({ workspace, params, body }) =>
        submissions.as(workspace.principal).return(params.id, body.reason),
    }),
    route({
      method: 'POST',
      url: '/api/submissions/:id/ignore',
      summary: '忽略: decide on the submission without adopting or returning it',
      tag,
      access: 'signed-in',
      params: idParams,
      response: submissionSchema,
      handler: async ({ workspace, params }) => submissions.as(workspace.principal).ignore(params.id),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/adoption-report',
      summary: "Adoptions (采用) by the site per unit and month of a year, the units' assessment numbers",
      tag,
      access: 'signed-in',
      params: siteParams,
      query: yearQuery,
      response: adoptionReportResponse,
      handler: async ({ workspace, params, query }) =>
        submissions.as(workspace.principal).report(await siteIdOf(workspace.sites, params.site), query.year),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/adoption-report/export',
      summary: 'The adoption report as xlsx or CSV (cells that start like a formula are neutralised)',
      tag,
      access: 'signed-in',
      params: siteParams,
      query: exportQuery,
      handler: async ({ workspace, params, query, reply }) => {
        const site = await workspace.sites.get(siteRef(params.site))
        const report = await submissions.as(workspace.principal).report(site.id, query.year)
        const isXlsx = query.format === 'xlsx'
        return asAttachment(
          reply,
          `adoptions-${site.slug}-${query.year}.${query.format}`,
          isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : CSV_TYPE,
        )
          .header('cache-control', 'no-store')
          .send(isXlsx ? Buffer.from(await adoptionReportXlsx(report)) : adoptionReportCsv(report))
      },
    }),
  ]
}
