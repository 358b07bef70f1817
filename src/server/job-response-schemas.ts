import { z } from 'zod'
import { apiComponents } from './response-schemas.ts'

/** The answers about background jobs: publishing a site (its plan, job and runs) and importing an old one. */

const jobError = z.object({ code: z.string(), message: z.string() }).nullable()

/** A page a publish could not write, with why: `unknown filter "upcse" (article.liquid:12:18)`. */
export const failedPageSchema = z
  .object({ path: z.string(), error: z.string() })
  .register(apiComponents, { id: 'FailedPage' })

/** What a publish would write: incremental becomes full when the site or its columns changed. */
export const publishPlanSchema = z
  .object({ mode: z.enum(['incremental', 'full']), pages: z.array(z.string()) })
  .register(apiComponents, { id: 'PublishPlan' })

/** A publish job and its progress, the error in the reader's language. */
export const publishJobSchema = z
  .looseObject({
    id: z.string(),
    siteId: z.number().int(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    /** Pages rendered so far. */
    done: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: z
      .looseObject({
        written: z.number().int(),
        unchanged: z.number().int(),
        removed: z.number().int(),
        failed: z.array(failedPageSchema),
        runId: z.number().int().nullable(),
      })
      .nullable(),
    error: jobError,
  })
  .register(apiComponents, { id: 'PublishJob' })

/** A finished publish run and its counts, as the database names its columns. */
export const publishRunSchema = z
  .looseObject({
    id: z.number().int(),
    mode: z.string(),
    started_at: z.string(),
    finished_at: z.string(),
    written: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    errors: z.number().int(),
  })
  .register(apiComponents, { id: 'PublishRun' })

/** The site's publish history, newest first. */
export const publishRunListSchema = z
  .object({ items: z.array(publishRunSchema) })
  .register(apiComponents, { id: 'PublishRunList' })

/** One run with its manifest: the files it added, changed and removed, and the pages that failed. */
export const publishRunDetailSchema = publishRunSchema
  .extend({
    site_id: z.number().int(),
    manifest: z.looseObject({
      added: z.array(z.string()),
      changed: z.array(z.string()),
      removed: z.array(z.string()),
      failed: z.array(failedPageSchema),
    }),
  })
  .register(apiComponents, { id: 'PublishRunDetail' })

/** An import job, its options and its live counts. */
export const importJobSchema = z
  .looseObject({
    id: z.number().int(),
    siteId: z.number().int(),
    startedBy: z.object({ id: z.string(), name: z.string() }),
    state: z.enum(['queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted']),
    options: z.object({
      url: z.string(),
      isDryRun: z.boolean(),
      since: z.string().nullable(),
      concurrency: z.number().int(),
      assetHosts: z.array(z.string()),
      resumes: z.boolean(),
    }),
    /** Pages by outcome so far, and `pending`: pages still to read, while it runs. */
    counts: z.record(z.string(), z.number().int()),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    error: jobError,
    result: z
      .object({ runId: z.number().int().nullable(), isComplete: z.boolean(), rows: z.number().int() })
      .nullable(),
  })
  .register(apiComponents, { id: 'ImportJob' })

export const importJobListSchema = z
  .object({ items: z.array(importJobSchema) })
  .register(apiComponents, { id: 'ImportJobList' })

/** A finished import's report, a page of rows at a time. */
export const importReportRowsSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.looseObject({
        url: z.string(),
        kind: z.string(),
        outcome: z.string(),
        title: z.string(),
        reason: z.string().optional(),
        articleId: z.number().int().nullable().optional(),
      }),
    ),
  })
  .register(apiComponents, { id: 'ImportReportRows' })
