import { extname } from 'node:path'
import { contentTypeOf, isKnownExtension } from '../uploads/index.ts'

/** What fabu writes itself; uploads are typed by the list that accepted them. */
const PUBLISHED_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  jpeg: 'image/jpeg',
}

/** The Content-Type an object store should answer a path with, as a web server would. */
export function contentTypeOfPath(path: string): string {
  const extension = extname(path).slice(1).toLowerCase()
  const published = PUBLISHED_TYPES[extension]
  if (published) return published
  if (isKnownExtension(extension)) return contentTypeOf(extension).mimeType
  return 'application/octet-stream'
}

/** Pages and feeds change with every publish; everything else is named by content or rarely changes. */
export function isPage(path: string): boolean {
  const extension = extname(path).slice(1).toLowerCase()
  return extension === 'html' || extension === 'xml' || extension === 'json'
}
