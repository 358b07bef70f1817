import { z } from 'zod'

const id = z.number().int().positive().max(2_147_483_647)

export const submitInputSchema = z
  .object({
    articleId: id,
    columnId: id,
    /** A word to the receiving editors (what it is, whom to ask). */
    note: z.string().trim().max(500).default(''),
  })
  .strict()
export type SubmitInput = z.input<typeof submitInputSchema>

export const adoptInputSchema = z
  .object({
    /** Straight into the review workflow (提交审核) instead of staying a draft. */
    submitForReview: z.boolean().default(false),
  })
  .strict()
export type AdoptInput = z.input<typeof adoptInputSchema>

export const returnInputSchema = z.object({ reason: z.string().trim().max(500) }).strict()

export const submissionSourcesSchema = z.object({ siteIds: z.array(id).max(500) }).strict()

/** What the API answers, for its OpenAPI document and the admin's types. */
export const submissionSchema = z.object({
  id: z.number(),
  sourceSiteId: z.number(),
  sourceSiteName: z.string(),
  articleId: z.number(),
  title: z.string(),
  sourceUrl: z.string().nullable(),
  targetSiteId: z.number(),
  targetSiteName: z.string(),
  targetColumnId: z.number(),
  targetColumnName: z.string(),
  note: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  status: z.enum(['pending', 'adopted', 'returned', 'ignored']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  adoptedArticleId: z.number().nullable(),
})

export const submissionTargetSchema = z.object({
  siteId: z.number(),
  siteName: z.string(),
  columnId: z.number(),
  columnName: z.string(),
})

export const adoptionReportSchema = z.object({
  siteId: z.number(),
  siteName: z.string(),
  year: z.number(),
  units: z.array(
    z.object({
      sourceSiteId: z.number(),
      sourceSiteName: z.string(),
      perMonth: z.array(z.number()),
      total: z.number(),
    }),
  ),
  perMonth: z.array(z.number()),
  total: z.number(),
})
