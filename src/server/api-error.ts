import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import {
  asFabuError,
  BadRequestError,
  type FabuError,
  InvalidEncodingError,
  isFabuError,
  RateLimitedError,
  TooLargeError,
  ValidationError,
  WordingBlockedError,
} from '../errors/index.ts'
import { noteErrorCode } from './http-metrics.ts'

/** The body of every error answer: `{ "error": { "code", "message", "field"?, "hits"? } }`. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly field?: string
    /** WORDING_BLOCKED: each forbidden word with its field and place, for the editor to mark. */
    readonly hits?: readonly unknown[]
  }
}

/** Article bodies may be 5 MB of HTML; the JSON around them adds a little. */
export const API_BODY_LIMIT = 6 * 1024 * 1024

/** zh unless the request prefers English. */
export function languageOf(request: FastifyRequest): 'zh' | 'en' {
  const header = request.headers['accept-language']
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'zh'
}

/** Fastify's own errors (bad JSON, body too large, rate limit) as fabu's typed errors. */
export function toFabuError(error: unknown): FabuError {
  if (isFabuError(error)) return error
  const fastify = error as Partial<FastifyError>
  switch (fastify.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new TooLargeError({ zh: '请求内容', en: 'the request body' }, API_BODY_LIMIT)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new BadRequestError({
        zh: '不支持的内容类型，请以 application/json 发送',
        en: 'unsupported content type; send application/json',
      })
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new BadRequestError({ zh: '请求内容无法解析', en: 'the request body cannot be read' })
  }
  if (fastify.statusCode === 429) return new RateLimitedError(60)
  if (error instanceof SyntaxError || fastify.statusCode === 400) {
    return new BadRequestError({ zh: '请求内容无法解析', en: 'the request body cannot be read' })
  }
  // Anything else is unforeseen, but a full disk is still told as one (with its path).
  return asFabuError(error)
}

export function sendError(request: FastifyRequest, reply: FastifyReply, caught: unknown) {
  const error = toFabuError(caught)
  noteErrorCode(request, error.code)
  if (error.status >= 500) request.log.error({ err: caught }, 'request failed')
  if (error instanceof RateLimitedError || 'retryAfterSeconds' in error) {
    reply.header('retry-after', String((error as RateLimitedError).retryAfterSeconds))
  }
  const field =
    error instanceof ValidationError || error instanceof InvalidEncodingError ? error.field : undefined
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: error.localized(languageOf(request)),
      ...(field ? { field } : {}),
      ...(error instanceof WordingBlockedError ? { hits: error.hits } : {}),
    },
  }
  return reply.code(error.status).type('application/json; charset=utf-8').send(body)
}
