import { z } from 'zod'
import { type Actor, recordAudit } from '../../content/index.ts'
import { isFabuError, NotFoundError } from '../../errors/index.ts'
import type { Job, PublishDispatch } from '../../publish/index.ts'
import { publishRun, recentPublishRuns } from '../../publish/index.ts'
import type { Store } from '../../store/index.ts'
import { languageOf } from '../api-error.ts'
import { type ApiRoute, idParams, route, siteParams, siteRef } from '../api-route.ts'
import {
  publishJobSchema,
  publishPlanSchema,
  publishRunDetailSchema,
  publishRunListSchema,
} from '../job-response-schemas.ts'

/** Another site's run answers exactly as a run that does not exist: no site id, no hint. */
async function hidden<T>(check: Promise<T>, id: string | number): Promise<T> {
  try {
    return await check
  } catch (error) {
    if (isFabuError(error) && error.code === 'NOT_FOUND') throw new NotFoundError('job', id)
    throw error
  }
}

/**
 * Records how a publish started by hand ended, with its counts.
 */
async function auditJobEnd(store: Store, actor: Actor, ended: Promise<Job>): Promise<void> {
  try {
    const job = await ended
    await recordAudit(store, {
      actor,
      action: 'publish.finish',
      targetType: 'site',
      targetId: String(job.siteId),
      outcome: job.status === 'succeeded' && job.result?.failed.length === 0 ? 'success' : 'failure',
      errorCode: job.error?.code,
      detail: {
        jobId: job.id,
        status: job.status,
        ...(job.result && {
          written: job.result.written,
          unchanged: job.result.unchanged,
          removed: job.result.removed,
          errors: job.result.failed.length,
          runId: job.result.runId,
        }),
      },
    })
  } catch {
    // The store is closing (a server stopping mid-publish): nothing is left to record into.
  }
}

export function publishRoutes(queue: PublishDispatch, store: Store): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/publish/plan',
      summary: 'What will be republished: the pages pending changes would write',
      tag: 'publish',
      access: 'signed-in',
      params: siteParams,
      query: z.object({ mode: z.enum(['incremental', 'full']).optional() }).strict(),
      response: publishPlanSchema,
      handler: async ({ workspace, params, query }) => {
        const site = await workspace.requirePublisher(siteRef(params.site))
        const report = await queue.plan(site.id, query.mode ?? 'incremental')
        return { mode: report.mode, pages: report.planned }
      },
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/publish',
      summary: 'Start publishing the site as a job; poll /api/jobs/{id} for progress',
      tag: 'publish',
      access: 'signed-in',
      params: siteParams,
      body: z.object({ mode: z.enum(['incremental', 'full']).default('incremental') }).strict(),
      status: 202,
      handler: async ({ workspace, session, params, body }) => {
        const site = await workspace.requirePublisher(siteRef(params.site))
        const job = await queue.startJob(site.id, body.mode)
        void auditJobEnd(store, session.principal.actor, queue.ended(job))
        await workspace.audit.record('publish.start', 'site', String(site.id), {
          mode: body.mode,
          jobId: job.id,
        })
        return job
      },
    }),
    route({
      method: 'GET',
      url: '/api/jobs/:id',
      summary: 'A job’s state and progress',
      tag: 'publish',
      access: 'signed-in',
      params: z.object({ id: z.string().uuid() }).strict(),
      response: publishJobSchema,
      handler: async ({ workspace, params, request }) => {
        const job = await queue.job(params.id)
        await hidden(workspace.requirePublisher(job.siteId), params.id)
        const { error, ...rest } = job
        const language = languageOf(request)
        return { ...rest, error: error && { code: error.code, message: error.messages[language] } }
      },
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/publish/runs',
      summary: 'The publish history: each run’s counts, newest first',
      tag: 'publish',
      access: 'signed-in',
      params: siteParams,
      response: publishRunListSchema,
      handler: async ({ workspace, params }) => {
        const site = await workspace.requirePublisher(siteRef(params.site))
        return { items: await recentPublishRuns(store, site.id, 100) }
      },
    }),
    route({
      method: 'GET',
      url: '/api/publish-runs/:id',
      summary: 'One run with its manifest of added, changed and removed files',
      tag: 'publish',
      access: 'signed-in',
      params: idParams,
      response: publishRunDetailSchema,
      handler: async ({ workspace, params }) => {
        const run = await publishRun(store, params.id)
        await hidden(workspace.requirePublisher(run.site_id), params.id)
        return run
      },
    }),
  ]
}
