/** How far back from the demo's newest article its "recent news" reaches. */
const RECENT_DAYS = 60

const dayNumber = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000

/**
 * The demo's dates with its recent news moved forward so that its newest article falls on
 * `newestOn` (`YYYY-MM-DD`): a demo created today is not a site the inspection self-check fails
 * for a stale home page. Only articles within 60 days of the newest move, all by the same
 * whole number of days (times of day kept); nothing moves back, and older articles keep the
 * dates their URLs are known by.
 *
 * @example movedForward(['2026-10-20 09:30', '2017-12-14 16:44'], '2026-12-04') // ['2026-12-04 09:30', '2017-12-14 16:44']
 */
export function movedForward(publishAts: readonly string[], newestOn: string): string[] {
  const newest = [...publishAts].sort().at(-1) ?? ''
  const shift = Math.round(dayNumber(newestOn) - dayNumber(newest))
  if (!newest || shift <= 0) return [...publishAts]
  return publishAts.map((publishAt) => {
    if (dayNumber(newest) - dayNumber(publishAt) > RECENT_DAYS) return publishAt
    const day = new Date((dayNumber(publishAt) + shift) * 86_400_000).toISOString().slice(0, 10)
    return `${day}${publishAt.slice(10)}`
  })
}
