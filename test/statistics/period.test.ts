import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolvePeriod } from '../../src/statistics/index.ts'

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'UTC', 'America/New_York'] as const
const DAY_MS = 86_400_000

/** Any instant between 2000 and 2090. */
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }).map((ms) => new Date(ms))
const dayOf = (date: Date, zone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone }).format(date)
const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

describe('the period of a statistics query', () => {
  it('runs from the first instant of its first day to the first instant after its last, in the site zone', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...ZONES),
        (start, length, zone) => {
          const fromDay = dayOf(start, zone)
          const toDay = dayOf(new Date(start.getTime() + length * DAY_MS), zone)
          const period = resolvePeriod({ from: fromDay, to: toDay }, zone, new Date())
          expect(dayOf(new Date(period.from), zone)).toBe(fromDay)
          expect(dayOf(new Date(Date.parse(period.from) - 1), zone)).not.toBe(fromDay)
          expect(dayOf(new Date(period.until), zone)).toBe(next(toDay))
          expect(dayOf(new Date(Date.parse(period.until) - 1), zone)).toBe(toDay)
        },
      ),
    )
  })

  it('makes this month hold today and last month end the day before it starts', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (now, zone) => {
        const today = dayOf(now, zone)
        const thisMonth = resolvePeriod({ preset: 'this-month' }, zone, now)
        const lastMonth = resolvePeriod({ preset: 'last-month' }, zone, now)
        expect(thisMonth.fromDay <= today && today <= thisMonth.toDay).toBe(true)
        expect(thisMonth.fromDay).toBe(`${today.slice(0, 7)}-01`)
        expect(next(lastMonth.toDay)).toBe(thisMonth.fromDay)
        expect(lastMonth.until).toBe(thisMonth.from)
        const thisYear = resolvePeriod({ preset: 'this-year' }, zone, now)
        const lastYear = resolvePeriod({ preset: 'last-year' }, zone, now)
        expect(thisYear.fromDay).toBe(`${today.slice(0, 4)}-01-01`)
        expect(lastYear.until).toBe(thisYear.from)
        expect(thisYear.bucket).toBe('month')
      }),
    )
  })

  it('refuses a day that does not exist, naming the field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 30, max: 31 }), (year, day) => {
        // February never has a 30th or 31st.
        expect(() =>
          resolvePeriod({ from: `${year}-02-${day}`, to: `${year}-03-31` }, 'UTC', new Date()),
        ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'from' }))
      }),
    )
  })
})
