import { extname } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.wps': 'application/vnd.ms-works',
  '.ofd': 'application/ofd',
  '.zip': 'application/zip',
  '.rar': 'application/vnd.rar',
  '.7z': 'application/x-7z-compressed',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
}

/** The Content-Type of a published file, by its extension; unknown ones are plain bytes. */
export function mediaTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Text worth compressing; images, archives and office files are compressed already. */
export function isCompressible(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') ||
    mediaType.startsWith('application/json') ||
    mediaType.startsWith('application/xml') ||
    mediaType === 'image/svg+xml' ||
    mediaType === 'image/x-icon' ||
    mediaType === 'image/bmp' ||
    mediaType === 'font/ttf' ||
    mediaType === 'font/otf'
  )
}

// A name with a content hash in it (`style.3f9a2c1b.css`, `app-8c1f0e2a9b.js`) never changes
// its bytes; a new version gets a new name.
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i

/**
 * How long browsers and proxies may keep a file. Pages revalidate every time (a 304 costs no
 * body), since lists and the home page change with every publish and a withdrawn article must
 * go at once; hashed theme assets are kept a year; uploads, named by their content hash, a day
 * (not a year: an upload removed for what it showed should not outlive its removal for long);
 * anything else an hour.
 */
export function cacheControlOf(relative: string, mediaType: string): string {
  if (mediaType.startsWith('text/html')) return 'no-cache'
  if (relative.startsWith('assets/') && HASHED_NAME.test(relative))
    return 'public, max-age=31536000, immutable'
  if (relative.startsWith('uploads/')) return 'public, max-age=86400'
  return 'public, max-age=3600'
}
