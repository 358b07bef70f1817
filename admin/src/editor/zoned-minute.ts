const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * `2017-12-14 16:44` for an instant as a reader in the site's zone sees it: the form the
 * server reads publish times in, whatever zone the editor's computer is set to.
 *
 * @example formatZonedMinute('2017-12-14T08:44:00.000Z', 'Asia/Shanghai') // '2017-12-14 16:44'
 */
export function formatZonedMinute(iso: string, zone: string): string {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
    formatters.set(zone, formatter)
  }
  const parts = formatter.formatToParts(new Date(iso))
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}
