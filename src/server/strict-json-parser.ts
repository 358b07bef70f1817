import type { FastifyInstance } from 'fastify'
import { charsetOf, decodeText } from '../content/index.ts'
import { InvalidEncodingError } from '../errors/index.ts'

/**
 * Replaces Fastify's JSON parser, which decodes every body as UTF-8 and turns each invalid
 * byte into U+FFFD without a word: GBK text sent as `charset=gbk` would be stored as question
 * marks. Bodies are read as bytes and decoded in their declared charset (UTF-8 when none),
 * strictly; the JSON itself is then parsed by Fastify's own parser, with its guards against
 * prototype poisoning.
 */
export function installStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type'])
    let text: string
    try {
      text = decodeText(body as Buffer, charset, 'body')
    } catch (error) {
      const isUtf8 = charset === undefined || /^utf-?8$/i.test(charset)
      done(isUtf8 ? namedField(error, body as Buffer) : (error as Error), undefined)
      return
    }
    parseJson(request, text, done)
  })
}

/**
 * Names the JSON field that holds the invalid bytes when it can be found (the first string
 * that decodes with a replacement character), so the editor knows what to fix. Only asked of
 * a body that was to be UTF-8, where a lossy decode shows where the bad bytes are.
 */
function namedField(error: unknown, body: Buffer): Error {
  if (!(error instanceof InvalidEncodingError)) return error as Error
  try {
    const path = replacedAt(JSON.parse(body.toString('utf8')), [])
    return path ? new InvalidEncodingError(path, 'UTF-8') : error
  } catch {
    return error
  }
}

function replacedAt(value: unknown, path: readonly string[]): string | undefined {
  if (typeof value === 'string') return value.includes('\uFFFD') ? path.join('.') || 'body' : undefined
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = replacedAt(item, [...path, key])
      if (found) return found
    }
  }
  return undefined
}
