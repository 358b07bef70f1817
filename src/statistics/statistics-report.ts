import { z } from 'zod'
import { periodBuckets } from './period.ts'

/**
 * The types an article's home column gives it in the 政府网站工作年度报表's 信息发布 rows:
 * disclosure (信息公开目录, a column marked as part of the disclosure catalogue), news (政务动态:
 * columns of update type 动态/要闻 or 通知公告), policy (政策文件) and other (the rest, where
 * 概况类 falls: fabu has no column type that tells it apart).
 */
export const publicationTypes = ['disclosure', 'news', 'policy', 'other'] as const
export type PublicationType = (typeof publicationTypes)[number]

const count = z.number().int().nonnegative()
const receivedAnswered = z.strictObject({ received: count, answered: count })

/** The figures of one site and period; also the API's response schema. */
export const statisticsReportSchema = z.strictObject({
  site: z.strictObject({ id: z.number().int(), slug: z.string(), name: z.string(), timeZone: z.string() }),
  period: z.strictObject({ fromDay: z.string(), toDay: z.string(), bucket: z.enum(periodBuckets) }),
  published: z.strictObject({
    total: count,
    byColumn: z.array(z.strictObject({ columnId: z.number().int(), column: z.string(), count })),
    byEditor: z.array(z.strictObject({ editor: z.string(), count })),
    byBucket: z.array(z.strictObject({ bucket: z.string(), count })),
  }),
  views: z.strictObject({
    total: count,
    byColumn: z.array(z.strictObject({ columnId: z.number().int(), column: z.string(), views: count })),
    byBucket: z.array(z.strictObject({ bucket: z.string(), views: count })),
  }),
  /** The 政府网站工作年度报表 numbers fabu can know; null where it cannot. */
  annual: z.strictObject({
    totalViews: count,
    published: count,
    publishedByType: z.array(z.strictObject({ type: z.enum(publicationTypes), count })),
    /** 专栏专题: fabu has no 专题 yet (issue 17 item 9). */
    specialTopics: count.nullable(),
    /** 解读回应: no column kind or category marks an 解读. */
    interpretations: count.nullable(),
    /** 互动交流; null when the installation runs without interaction. */
    interaction: z
      .strictObject({
        letters: receivedAnswered,
        applications: receivedAnswered,
        consultations: z.strictObject({ opened: count, resultsPublished: count, opinions: count }),
      })
      .nullable(),
  }),
  /**
   * 信息报送 采用 counts per submitting unit (issue 17 item 7), filled by src/submissions when
   * wired; null until then.
   */
  adoptions: z.array(z.strictObject({ unit: z.string(), submitted: count, adopted: count })).nullable(),
})

export type StatisticsReport = z.output<typeof statisticsReportSchema>
