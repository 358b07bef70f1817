import { z } from 'zod'
import { isCalendarDate, parseZonedMinute, validateInput } from '../content/index.ts'
import { ValidationError } from '../errors/index.ts'

export const periodPresets = ['this-month', 'last-month', 'this-year', 'last-year'] as const
export type PeriodPreset = (typeof periodPresets)[number]

export const periodBuckets = ['day', 'month'] as const
export type PeriodBucket = (typeof periodBuckets)[number]

// Years of four digits on both sides of the period: the day after 9999-12-31 is in year
// 10000, which PostgreSQL could not read as a time, and the request failed with a 500.
const day = z
  .string()
  .refine(isCalendarDate, '应为日期，如 2026-01-31|a date like 2026-01-31')
  .refine(
    (text) => text >= '1900' && text < '3000',
    '应为 1900 至 2999 年间的日期|a date between 1900 and 2999',
  )

/** What the caller asks for: a preset, or a from and to day in the site's zone. */
export const periodQuerySchema = z.strictObject({
  preset: z.enum(periodPresets).optional(),
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(periodBuckets).optional(),
})
export type PeriodQuery = z.input<typeof periodQuerySchema>

/** A resolved period: site-local days, the UTC instants it runs between, and its chart bucket. */
export interface Period {
  readonly fromDay: string
  readonly toDay: string
  /** The first instant of fromDay in the site's zone. */
  readonly from: string
  /** The first instant after toDay in the site's zone. */
  readonly until: string
  readonly bucket: PeriodBucket
}

/** Long enough for a five-year comparison, short enough to stay a quick query. */
const MAX_DAYS = 5 * 366
/** Up to two months are charted per day, longer periods per month. */
const DAY_BUCKETS_UP_TO = 62

const DAY_MS = 86_400_000
const dayNumber = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY_MS
const dayOf = (number: number) => new Date(number * DAY_MS).toISOString().slice(0, 10)
const pad = (value: number) => String(value).padStart(2, '0')

/** The days a preset covers, seen from `today` (YYYY-MM-DD in the site's zone). */
function presetDays(preset: PeriodPreset, today: string): [string, string] {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  const lastDayOf = (y: number, m: number) => dayOf(Date.UTC(y, m, 1) / DAY_MS - 1)
  switch (preset) {
    case 'this-month':
      return [`${year}-${pad(month)}-01`, lastDayOf(year, month)]
    case 'last-month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1]
      return [`${y}-${pad(m)}-01`, lastDayOf(y, m)]
    }
    case 'this-year':
      return [`${year}-01-01`, `${year}-12-31`]
    case 'last-year':
      return [`${year - 1}-01-01`, `${year - 1}-12-31`]
  }
}

/**
 * Resolves what was asked into a period of the site's zone: a preset (this month when nothing
 * is given), or from and to together; from after to, or a span over five years, is refused.
 */
export function resolvePeriod(input: PeriodQuery, timeZone: string, now: Date): Period {
  const query = validateInput(periodQuerySchema, input)
  if ((query.from === undefined) !== (query.to === undefined))
    throw new ValidationError('from', '起止日期须同时给出', 'give both from and to')
  if (query.preset && query.from)
    throw new ValidationError(
      'preset',
      '预设时段与起止日期只能选一种',
      'give a preset or from and to, not both',
    )
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now)
  const [fromDay, toDay] =
    query.from && query.to ? [query.from, query.to] : presetDays(query.preset ?? 'this-month', today)
  const span = dayNumber(toDay) - dayNumber(fromDay) + 1
  if (span < 1) throw new ValidationError('to', '结束日期早于开始日期', 'the end is before the start')
  if (span > MAX_DAYS)
    throw new ValidationError('to', '统计时段不能超过五年', 'a period may span five years at most')
  const startOf = (text: string) => parseZonedMinute(`${text} 00:00`, timeZone) ?? `${text}T00:00:00.000Z`
  return Object.freeze({
    fromDay,
    toDay,
    from: startOf(fromDay),
    until: startOf(dayOf(dayNumber(toDay) + 1)),
    bucket: query.bucket ?? (span <= DAY_BUCKETS_UP_TO ? 'day' : 'month'),
  })
}

/** Every bucket of the period in order (days, or months as YYYY-MM), so empty ones show as 0. */
export function bucketsOf(period: Period): string[] {
  const buckets: string[] = []
  for (let number = dayNumber(period.fromDay); number <= dayNumber(period.toDay); number++) {
    const key = bucketOf(dayOf(number), period.bucket)
    if (buckets.at(-1) !== key) buckets.push(key)
  }
  return buckets
}

export function bucketOf(day: string, bucket: PeriodBucket): string {
  return bucket === 'day' ? day : day.slice(0, 7)
}
