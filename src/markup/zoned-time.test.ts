import { describe, expect, it } from 'vitest'
import { formatZonedMinute, isTimeZone, parseZonedMinute, zonedYear } from './zoned-time.ts'

describe('publish times in the site time zone', () => {
  it('reads the seed page time as Shanghai wall-clock time', () => {
    expect(parseZonedMinute('2017-12-14 16:44', 'Asia/Shanghai')).toBe('2017-12-14T08:44:00.000Z')
  })

  it('shows the stored instant back as the editor typed it', () => {
    expect(formatZonedMinute('2017-12-14T08:44:00.000Z', 'Asia/Shanghai')).toBe('2017-12-14 16:44')
  })

  it('drops seconds, since publish times are kept to the minute', () => {
    expect(parseZonedMinute('2017-12-14T16:44:59', 'Asia/Shanghai')).toBe('2017-12-14T08:44:00.000Z')
    expect(parseZonedMinute('2017-12-14T08:44:31.5Z', 'Asia/Shanghai')).toBe('2017-12-14T08:44:00.000Z')
  })

  it('honours daylight saving time in zones that have it', () => {
    expect(parseZonedMinute('2026-07-01 12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z')
    expect(parseZonedMinute('2026-01-01 12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00.000Z')
  })

  it('rejects dates that do not exist and text that is no time', () => {
    expect(parseZonedMinute('2017-02-30 10:00', 'Asia/Shanghai')).toBeNull()
    expect(parseZonedMinute('2017-12-14 24:10', 'Asia/Shanghai')).toBeNull()
    expect(parseZonedMinute('yesterday', 'Asia/Shanghai')).toBeNull()
    expect(parseZonedMinute('0017-01-01 10:00', 'Asia/Shanghai')).toBeNull()
    expect(parseZonedMinute('0017-01-01T00:00Z', 'Asia/Shanghai')).toBeNull()
    expect(parseZonedMinute('1900-01-01 00:00', 'Asia/Shanghai')).toBe('1899-12-31T15:54:00.000Z')
  })

  it('takes the year of publication in the site zone, not in UTC', () => {
    expect(zonedYear('2017-12-31T16:30:00.000Z', 'Asia/Shanghai')).toBe(2018)
  })

  it('knows real time zones from made-up ones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
