/**
 * The deadline clock of letters and 依申请公开, in working days (《政府信息公开条例》 art. 33
 * counts 工作日): weekends are off, the State Council's holidays are off, and its 调休
 * Saturdays and Sundays are working days. Days are calendar dates (`2026-10-09`) in the
 * site's time zone; this module knows no clock and no time zone, so tests pin every day.
 */
export interface WorkCalendar {
  /** Weekdays that are public holidays (放假). */
  readonly holidays: ReadonlySet<string>
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly workingWeekendDays: ReadonlySet<string>
}

/** A span the clock stood still (补正: from the request to the applicant's answer, or open). */
export interface ClockPause {
  readonly from: string
  /** null: the applicant has not answered yet, so the clock still stands. */
  readonly to: string | null
}

export const emptyCalendar: WorkCalendar = Object.freeze({
  holidays: new Set<string>(),
  workingWeekendDays: new Set<string>(),
})

const DAY_MS = 86_400_000
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

function toTime(day: string): number {
  const time = DAY_PATTERN.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(time)) throw new RangeError(`not a calendar day: ${day}`)
  return time
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

export function nextDay(day: string): string {
  return fromTime(toTime(day) + DAY_MS)
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workingWeekendDays.has(day)) return true
  if (calendar.holidays.has(day)) return false
  const weekday = new Date(toTime(day)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The `count`th working day after `day`: the day of receipt is not counted, so a letter
 * received on a Friday with 5 days is due the next Friday.
 */
export function addWorkingDays(day: string, count: number, calendar: WorkCalendar): string {
  let current = day
  // A year of holidays cannot hold more than ~130 days off; this bounds a corrupt calendar.
  for (let left = count, guard = 0; left > 0; guard++) {
    if (guard > count * 3 + 400) throw new RangeError('the calendar has no working days')
    current = nextDay(current)
    if (isWorkingDay(current, calendar)) left--
  }
  return current
}

/** Working days in (from, to]: the days that passed between the two. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0
  for (let day = nextDay(from); toTime(day) <= toTime(to); day = nextDay(day)) {
    if (isWorkingDay(day, calendar)) count++
  }
  return count
}

export interface DeadlineInput {
  readonly receivedDay: string
  readonly days: number
  /** Working days granted by an extension (依申请公开: one of 20, with a reason). */
  readonly extensionDays: number
  readonly pauses: readonly ClockPause[]
}

export type Deadline =
  | { readonly state: 'running'; readonly dueDay: string }
  | { readonly state: 'paused'; readonly since: string; readonly daysLeft: number }

/**
 * When a case is due: its days plus any extension, counted from the day after receipt, with
 * every working day the clock stood (补正) added back. While a pause is open there is no due
 * day, only the working days that will be left when the applicant answers.
 */
export function deadlineOf(input: DeadlineInput, calendar: WorkCalendar): Deadline {
  const total = input.days + input.extensionDays
  let paused = 0
  for (const pause of input.pauses) {
    if (pause.to === null) {
      const used = workingDaysBetween(input.receivedDay, pause.from, calendar) - paused
      return { state: 'paused', since: pause.from, daysLeft: Math.max(0, total - used) }
    }
    paused += workingDaysBetween(pause.from, pause.to, calendar)
  }
  return { state: 'running', dueDay: addWorkingDays(input.receivedDay, total + paused, calendar) }
}

export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'paused'

/** Overdue after the due day; due soon when at most `soonDays` working days are left. */
export function urgencyOf(deadline: Deadline, today: string, calendar: WorkCalendar, soonDays = 2): Urgency {
  if (deadline.state === 'paused') return 'paused'
  if (toTime(today) > toTime(deadline.dueDay)) return 'overdue'
  return workingDaysBetween(today, deadline.dueDay, calendar) <= soonDays ? 'due-soon' : 'on-time'
}

export function isCalendarDay(value: string): boolean {
  return DAY_PATTERN.test(value) && fromTime(Date.parse(`${value}T00:00:00Z`) || 0) === value
}
