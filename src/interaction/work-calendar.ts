import { z } from 'zod'
import type { Store } from '../store/index.ts'
import { isCalendarDay, type WorkCalendar } from './working-days.ts'

/** One day the State Council's notice changes: a weekday off, or a weekend day worked (调休). */
export interface CalendarDay {
  readonly day: string
  readonly kind: 'holiday' | 'workday'
  readonly note: string
}

export const calendarDaysSchema = z
  .array(
    z.strictObject({
      day: z.string().refine(isCalendarDay, 'a calendar day like 2026-10-01'),
      kind: z.enum(['holiday', 'workday']),
      note: z.string().trim().max(40).default(''),
    }),
  )
  .max(2000)

/** The installation's calendar as the clock reads it. */
export async function loadCalendar(store: Store): Promise<WorkCalendar> {
  const rows = await store.db.selectFrom('work_calendar_days').select(['day', 'kind']).execute()
  return Object.freeze({
    holidays: new Set(rows.filter((row) => row.kind === 'holiday').map((row) => row.day)),
    workingWeekendDays: new Set(rows.filter((row) => row.kind === 'workday').map((row) => row.day)),
  })
}

export async function listCalendarDays(store: Store, year?: number): Promise<readonly CalendarDay[]> {
  let query = store.db.selectFrom('work_calendar_days').select(['day', 'kind', 'note']).orderBy('day')
  if (year !== undefined)
    query = query.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`)
  return (await query.execute()) as CalendarDay[]
}
