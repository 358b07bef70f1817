import type { Site } from '../types.ts'

/**
 * Times as the admin shows them: `2017-12-14 16:44`, in the given zone (a site's, or the
 * installation's), never the browser's: an editor abroad reads the times the site's readers do.
 * With seconds where the order of events matters (the audit log).
 */
export function timeFormatter(options: {
  timeZone: string
  hasSeconds?: boolean
}): (iso: string | null | undefined) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone: options.timeZone,
    dateStyle: 'short',
    timeStyle: options.hasSeconds ? 'medium' : 'short',
  })
  return (iso) => (iso ? format.format(new Date(iso)) : '—')
}

/** The zone new sites get, and the installation's when the user sees no site. */
const FALLBACK_ZONE = 'Asia/Shanghai'

/**
 * The installation's time zone, for records of no one site (the audit log, users' sign-ins):
 * that of the oldest site, which `fabu serve` answers at `/` unless another is named default.
 * One zone for the whole log keeps its times in order as read, whichever site a record concerns.
 */
export function installationTimeZone(sites: readonly Pick<Site, 'id' | 'timeZone'>[]): string {
  const oldest = [...sites].sort((a, b) => a.id - b.id)[0]
  return oldest?.timeZone ?? FALLBACK_ZONE
}
