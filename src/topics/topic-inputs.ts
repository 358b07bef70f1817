import { z } from 'zod'
import { bannerSchema, nameSchema, templateSetSchema } from '../content/index.ts'
import { TOPIC_STARTERS } from './topic-starters.ts'

const recordId = z.number().int().positive().max(2_147_483_647)

export const topicInputSchema = z
  .object({
    siteId: recordId,
    /** Where the topic sits in the column tree; null: the top level. */
    parentId: recordId.nullable().default(null),
    starter: z.enum(TOPIC_STARTERS.map((starter) => starter.id) as [string, ...string[]]),
    name: nameSchema(100),
    slug: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9_-]{0,62}$/,
        '栏目路径名只能含小写字母、数字、下划线和连字符|lowercase letters, digits, _ and - only',
      ),
    banner: bannerSchema.default(null),
  })
  .strict()

export const topicPatchSchema = z
  .object({ banner: bannerSchema, templateSet: templateSetSchema })
  .partial()
  .strict()

export type TopicInput = z.input<typeof topicInputSchema>
export type TopicPatch = z.input<typeof topicPatchSchema>
