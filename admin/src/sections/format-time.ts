/**
 * Times as the admin shows them: `2017-12-14 16:44`, in the site's time zone when one is given
 * (else the browser's), with seconds where the order of events matters (the audit log).
 */
export function timeFormatter(
  options: { timeZone?: string; hasSeconds?: boolean } = {},
): (iso: string | null | undefined) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    dateStyle: 'short',
    timeStyle: options.hasSeconds ? 'medium' : 'short',
  })
  return (iso) => (iso ? format.format(new Date(iso)) : '—')
}
