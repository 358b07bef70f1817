/**
 * A publish time as old sites print it, to the minute, in the site's own zone:
 * `2017-12-14 16:44:05`, `2017年12月14日 16:44`, `2017/12/14` → `2017-12-14 16:44`
 * (`00:00` when only the day is given). Null for anything that is not a real date.
 */
export function parsePublishTime(text: string): string | null {
  const match =
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?(?:[T\s]+(\d{1,2})\s*[:：时]\s*(\d{1,2}))?/.exec(
      text,
    )
  if (!match) return null
  const [, y, mo, d, h = '0', mi = '0'] = match
  const [year, month, day, hour, minute] = [y, mo, d, h, mi].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || year < 1970 || year > 2200) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCDate() !== day) return null
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`
}
