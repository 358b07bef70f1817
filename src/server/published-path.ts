/** What a request path names in a published folder: a file, or a folder whose index is wanted. */
export interface PublishedPath {
  /** Relative to the site's folder, segments joined by `/`, no leading slash; '' is the folder itself. */
  readonly relative: string
  /** The request ended in `/`, so a folder's index.html is wanted without a redirect. */
  readonly isFolder: boolean
}

/**
 * The file a request path (as sent, before any `?`) names under a site's folder, or null when it
 * may not be served: bytes that do not decode, `..`, `.` and dotfile segments (a hidden file or
 * `.git` is never published content), NUL and backslashes (a Windows separator). Segments are
 * judged after percent-decoding, so `%2e%2e%2f` is refused like `../`. What comes back has no
 * segment that climbs, so joining it to the root cannot leave it; symbolic links are the caller's
 * to check (static-files.ts compares real paths).
 *
 * @example publishedPath('/jcdj/%E5%85%AC%E5%91%8A.html') // { relative: 'jcdj/公告.html', isFolder: false }
 */
export function publishedPath(requestPath: string): PublishedPath | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  const segments: string[] = []
  for (const segment of decoded.split('/')) {
    if (segment === '') continue
    if (segment.startsWith('.')) return null
    segments.push(segment)
  }
  return { relative: segments.join('/'), isFolder: decoded.endsWith('/') }
}
