/**
 * The file of a site's output a link of one of its pages leads to (`news/2026/12.html`,
 * `index.html` for a folder), or null when it leads elsewhere: another site, fabu serve's own
 * endpoints (`_fabu/…`), a URL that does not parse.
 */
export function linkTarget(href: string, pagePath: string, baseUrl: string | URL): string | null {
  const base = typeof baseUrl === 'string' ? baseOf(baseUrl) : baseUrl
  let url: URL
  try {
    url = new URL(href, new URL(pagePath, base))
  } catch {
    return null
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null
  const raw = url.pathname.slice(base.pathname.length)
  let path: string
  try {
    path = decodeURIComponent(raw)
  } catch {
    path = raw
  }
  // `..%2F` decodes to a step up that the URL did not resolve: keep such a path as written,
  // which names no file (and never one outside the output folder).
  if (path.split('/').includes('..')) path = raw
  if (path.startsWith('_fabu/')) return null
  return path === '' || path.endsWith('/') ? `${path}index.html` : path
}

/** A site's base URL as links resolve against it (a folder): parsed once for a run's many links. */
export function baseOf(baseUrl: string): URL {
  return new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
}
