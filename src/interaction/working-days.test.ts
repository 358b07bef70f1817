import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  deadlineOf,
  isWorkingDay,
  urgencyOf,
  type WorkCalendar,
  workingDaysBetween,
} from './working-days.ts'

/**
 * 2026 as 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, 新华社, e.g.
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm) sets it out: the weekdays off of
 * 元旦 1–3 Jan, 春节 15–23 Feb, 清明 4–6 Apr, 劳动节 1–5 May, 端午 19–21 Jun, 中秋 25–27 Sep
 * and 国庆 1–7 Oct, and its 调休 working weekend days 4 Jan, 14 and 28 Feb, 9 May, 20 Sep and
 * 10 Oct. Checked day by day against that text; written out here so the test says what it assumes.
 */
const calendar2026: WorkCalendar = {
  holidays: new Set([
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
    '2026-04-06',
    '2026-05-01',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  workingWeekendDays: new Set([
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ]),
}

describe('the working-day clock', () => {
  it('skips the weekend: a letter received on Friday with 5 days is due the next Friday', () => {
    expect(addWorkingDays('2026-03-06', 5, calendar2026)).toBe('2026-03-13')
    expect(addWorkingDays('2026-03-07', 1, calendar2026)).toBe('2026-03-09')
  })

  it('skips the National Day holiday and counts the 调休 Saturday after it', () => {
    expect(isWorkingDay('2026-10-10', calendar2026)).toBe(true)
    expect(isWorkingDay('2026-10-05', calendar2026)).toBe(false)
    // 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12 Mon, 10-13 Tue.
    expect(addWorkingDays('2026-09-30', 5, calendar2026)).toBe('2026-10-13')
  })

  it('counts a 调休 Sunday as the next working day', () => {
    expect(addWorkingDays('2026-09-18', 1, calendar2026)).toBe('2026-09-20')
  })

  it('is due 20 working days after receipt for 依申请公开, past the Qingming holiday', () => {
    const due = deadlineOf(
      { receivedDay: '2026-03-02', days: 20, extensionDays: 0, pauses: [] },
      calendar2026,
    )
    expect(due).toEqual({ state: 'running', dueDay: '2026-03-30' })
  })

  it('stops while a 补正 waits for the applicant and adds the stopped working days back', () => {
    const waiting = deadlineOf(
      { receivedDay: '2026-03-02', days: 20, extensionDays: 0, pauses: [{ from: '2026-03-04', to: null }] },
      calendar2026,
    )
    expect(waiting).toEqual({ state: 'paused', since: '2026-03-04', daysLeft: 18 })
    expect(urgencyOf(waiting, '2026-06-01', calendar2026)).toBe('paused')
    const answered = deadlineOf(
      {
        receivedDay: '2026-03-02',
        days: 20,
        extensionDays: 0,
        pauses: [{ from: '2026-03-04', to: '2026-03-11' }],
      },
      calendar2026,
    )
    // Five working days stood still (03-05 … 03-11); 04-06 is the Qingming holiday.
    expect(answered).toEqual({ state: 'running', dueDay: '2026-04-07' })
  })

  it('adds one extension of 20 working days', () => {
    const due = deadlineOf(
      { receivedDay: '2026-03-02', days: 20, extensionDays: 20, pauses: [] },
      calendar2026,
    )
    expect(due).toEqual({ state: 'running', dueDay: '2026-04-28' })
  })

  it('tells overdue from due soon with a fixed today', () => {
    const due = deadlineOf({ receivedDay: '2026-09-30', days: 5, extensionDays: 0, pauses: [] }, calendar2026)
    // Three working days left on 10-09 (10-10 is 调休); two on that Saturday.
    expect(urgencyOf(due, '2026-10-09', calendar2026)).toBe('on-time')
    expect(urgencyOf(due, '2026-10-10', calendar2026)).toBe('due-soon')
    expect(urgencyOf(due, '2026-10-13', calendar2026)).toBe('due-soon')
    expect(urgencyOf(due, '2026-10-14', calendar2026)).toBe('overdue')
  })

  it('always lands on a working day exactly n working days later (property)', () => {
    const day = fc
      .integer({ min: 0, max: 364 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = addWorkingDays(start, n, calendar2026)
        expect(isWorkingDay(due, calendar2026)).toBe(true)
        expect(workingDaysBetween(start, due, calendar2026)).toBe(n)
      }),
    )
  })
})
