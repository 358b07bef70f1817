import type { FastifyRequest } from 'fastify'

/** The content codings fabu compresses published text with. */
export type Encoding = 'br' | 'gzip'

/** br when the client takes it, else gzip, else none; `q=0` refuses a coding. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null
  let gzipAccepted = false
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const isRefused = params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param))
    if (isRefused) continue
    if (name === 'br') return 'br'
    if (name === 'gzip' || name === '*') gzipAccepted = true
  }
  return gzipAccepted ? 'gzip' : null
}

export function isNotModified(request: FastifyRequest, etag: string, mtimeMs: number): boolean {
  const match = request.headers['if-none-match']
  if (match !== undefined) {
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === etag || tag === '*')
  }
  const since = request.headers['if-modified-since']
  if (since === undefined) return false
  const time = Date.parse(since)
  // HTTP dates have whole seconds; the file's mtime has fractions.
  return !Number.isNaN(time) && Math.floor(mtimeMs / 1000) * 1000 <= time
}

/** One byte range (`bytes=0-99`, `bytes=-500`, `bytes=100-`); several ranges are answered whole. */
export function rangeOf(
  request: FastifyRequest,
  etag: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const header = request.headers.range
  if (!header) return null
  const ifRange = request.headers['if-range']
  if (ifRange !== undefined && ifRange !== etag) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  let start: number
  let end: number
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]))
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}
