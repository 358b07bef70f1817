import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoArticles, seedArticle } from './demo-content.ts'
import { movedForward } from './recent-dates.ts'

const minute = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 16).replace('T', ' '))

describe("the demo's recent news, moved to the day it is created", () => {
  it('puts the newest article on the day given and keeps the seed article where its URL is known', () => {
    const written = [seedArticle, ...demoArticles].map((article) => article.publishAt)
    const moved = movedForward(written, '2026-12-04')
    expect(moved.sort().at(-1)).toBe('2026-12-04 09:30')
    expect(moved).toContain('2017-12-14 16:44')
    expect(movedForward(written, '2026-10-01')).toEqual(written)
  })

  it('moves forward only, keeps the order, the times of day, and anything older than two months', () => {
    fc.assert(
      fc.property(fc.array(minute, { minLength: 1, maxLength: 30 }), minute, (dates, target) => {
        const moved = movedForward(dates, target.slice(0, 10))
        const newest = [...dates].sort().at(-1) as string
        dates.forEach((date, index) => {
          const after = moved[index] as string
          expect(after >= date).toBe(true)
          expect(after.slice(10)).toBe(date.slice(10))
          if (Date.parse(newest.slice(0, 10)) - Date.parse(date.slice(0, 10)) > 60 * 86_400_000)
            expect(after).toBe(date)
        })
        for (let i = 0; i < dates.length; i++)
          for (let j = 0; j < dates.length; j++)
            if ((dates[i] as string) < (dates[j] as string))
              expect((moved[i] as string) <= (moved[j] as string)).toBe(true)
      }),
    )
  })
})
