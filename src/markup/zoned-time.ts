/**
 * Wall-clock times in a site's time zone. Editors type and read `2017-12-14 16:44` in the
 * site's zone; the store keeps the instant in UTC, truncated to the minute.
 */

const LOCAL_MINUTE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * Reads a publish time: either an ISO instant with an offset, or a wall-clock time in `zone`.
 * Returns the UTC instant truncated to the minute, or null when the text is not a time.
 *
 * @example parseZonedMinute('2017-12-14 16:44', 'Asia/Shanghai') // '2017-12-14T08:44:00.000Z'
 */
export function parseZonedMinute(text: string, zone: string): string | null {
  const trimmed = text.trim()
  if (WITH_OFFSET.test(trimmed)) {
    const instant = new Date(trimmed)
    return Number.isNaN(instant.getTime()) || !isPlausibleYear(instant.getUTCFullYear())
      ? null
      : truncateToMinute(instant)
  }
  const match = LOCAL_MINUTE.exec(trimmed)
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (!isPlausibleYear(year)) return null
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(asUtc)
  // Date.UTC rolls 2017-02-30 over into March; a typed date must exist as typed.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null
  // The zone's offset at the guessed instant, corrected once for a DST change in between.
  let instant = asUtc - offsetMs(asUtc, zone)
  instant = asUtc - offsetMs(instant, zone)
  return truncateToMinute(new Date(instant))
}

/** `2017-12-14 16:44` for an instant, as a reader in `zone` sees it. */
export function formatZonedMinute(iso: string, zone: string): string {
  const key = `${zone} ${iso}`
  let formatted = formattedMinutes.get(key)
  if (formatted === undefined) {
    const parts = zonedParts(Date.parse(iso), zone)
    formatted = `${parts.year}-${pad(parts.month)}-${pad(parts.day)} ${pad(parts.hour)}:${pad(parts.minute)}`
    // Publishing formats each date many times (lists, meta tags); Intl is slow enough to notice.
    if (formattedMinutes.size >= 50_000) formattedMinutes.clear()
    formattedMinutes.set(key, formatted)
  }
  return formatted
}

const formattedMinutes = new Map<string, string>()

/** The calendar year of an instant in `zone` (索引号 use the year of publication there). */
export function zonedYear(iso: string, zone: string): number {
  return zonedParts(Date.parse(iso), zone).year
}

/** Publish times of web pages fall within these years; outside them a typo is likelier than a date. */
function isPlausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2999
}

export function truncateToMinute(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000).toISOString()
}

function offsetMs(instant: number, zone: string): number {
  const p = zonedParts(instant, zone)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - Math.floor(instant / 1000) * 1000
}

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function zonedParts(instant: number, zone: string): Parts {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, formatter)
  }
  const parts: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const part of formatter.formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof Parts] = Number(part.value)
  }
  return parts
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
