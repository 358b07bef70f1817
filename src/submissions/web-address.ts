/**
 * The address as a link may carry it, or null unless it is an http(s) URL. A site's base
 * address is checked when saved, but rows restored from elsewhere or saved before that check
 * may hold anything, and an adopted copy's body is not cleaned again: a `javascript:` base
 * would have put a script link into it.
 *
 * @example webAddress('javascript://x.gov.cn/%0aalert(1)') // null
 */
export function webAddress(text: string, base?: string): string | null {
  const url = URL.parse(text, base)
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null
}
