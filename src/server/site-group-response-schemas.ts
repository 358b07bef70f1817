import { z } from 'zod'
import { siteGroupReportSchema, statisticsReportSchema } from '../statistics/index.ts'
import { adoptionReportSchema, submissionSchema, submissionTargetSchema } from '../submissions/index.ts'
import { apiComponents, columnPlaceFields } from './response-schemas.ts'

/** The answers of the site group's features: 信息报送 between sites, statistics and 专题. */

// The submissions and statistics services describe their answers; named here for the document.
submissionSchema.register(apiComponents, { id: 'Submission' })
submissionTargetSchema.register(apiComponents, { id: 'SubmissionTarget' })
export const adoptionReportResponse = adoptionReportSchema.register(apiComponents, { id: 'AdoptionReport' })
export const statisticsReportResponse = statisticsReportSchema.register(apiComponents, {
  id: 'StatisticsReport',
})
export const siteGroupReportResponse = siteGroupReportSchema.register(apiComponents, {
  id: 'SiteGroupReport',
})

export const submissionListSchema = z
  .array(submissionSchema)
  .register(apiComponents, { id: 'SubmissionList' })

export const submissionTargetListSchema = z
  .array(submissionTargetSchema)
  .register(apiComponents, { id: 'SubmissionTargetList' })

/** The sites that may submit to a column. */
export const submissionSourcesAnswerSchema = z
  .object({ siteIds: z.array(z.number().int()) })
  .register(apiComponents, { id: 'SubmissionSources' })

/** The other sites of the installation, a column's possible sources. */
export const submissionSourceChoicesSchema = z
  .array(z.object({ id: z.number().int(), name: z.string() }))
  .register(apiComponents, { id: 'SubmissionSourceChoices' })

/** A 专题: a column with its own banner and template set, and its sub-columns. */
export const topicSchema = z
  .object({
    ...columnPlaceFields,
    banner: z.string().nullable(),
    templateSet: z.string(),
    subColumns: z.array(z.object({ id: z.number().int(), name: z.string(), path: z.string() })),
  })
  .register(apiComponents, { id: 'Topic' })

export const topicListSchema = z
  .object({ items: z.array(topicSchema) })
  .register(apiComponents, { id: 'TopicList' })

/** What 新建专题 starts from. */
export const topicStarterListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        label: z.object({ zh: z.string(), en: z.string() }),
        templateSet: z.string(),
        columns: z.array(z.object({ name: z.string(), slug: z.string(), updateType: z.string() })),
      }),
    ),
  })
  .register(apiComponents, { id: 'TopicStarterList' })
