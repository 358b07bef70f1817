import { z } from 'zod'
import { periodBuckets } from './period.ts'

const count = z.number().int().nonnegative()

/**
 * Articles published per site (unit) of the installation per period (站群统计): one period,
 * in the installation's time zone, so every unit is counted over the same instants. Also the
 * API's response schema.
 */
export const siteGroupReportSchema = z.strictObject({
  timeZone: z.string(),
  period: z.strictObject({ fromDay: z.string(), toDay: z.string(), bucket: z.enum(periodBuckets) }),
  /** The period's days or months, in order; each site's `byBucket` follows them. */
  buckets: z.array(z.string()),
  sites: z.array(
    z.strictObject({
      siteId: z.number().int(),
      slug: z.string(),
      name: z.string(),
      published: count,
      byBucket: z.array(count),
    }),
  ),
  published: count,
})

export type SiteGroupReport = z.output<typeof siteGroupReportSchema>
