import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { PublicAnswer, PublicDesk, Visit } from '../interaction/index.ts'
import { asAttachment } from './as-attachment.ts'

/** The public forms post at most this much: a 5,000-character letter in UTF-8 and its fields. */
const FORM_BODY_LIMIT = 64 * 1024

type Fields = Record<string, string>

/**
 * The public site's letter and application forms (plain HTML forms, no JavaScript needed):
 * GET shows the form, POST submits it; /_fabu/case looks a case up by its query code.
 */
export function registerInteractionPages(
  app: FastifyInstance,
  deskOf: (request: FastifyRequest) => PublicDesk | undefined,
): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      const fields: Fields = {}
      for (const [name, value] of new URLSearchParams(String(body))) fields[name] = value
      done(null, fields)
    },
  )
  const send = (reply: FastifyReply, answer: PublicAnswer) => {
    reply.code(answer.status).header('cache-control', 'no-store')
    if (answer.retryAfterSeconds) reply.header('retry-after', String(answer.retryAfterSeconds))
    if (answer.file) return asAttachment(reply, answer.file.name, answer.file.type).send(answer.file.body)
    return reply.type('text/html; charset=utf-8').send(answer.html)
  }
  const visitOf = (request: FastifyRequest): Visit => ({
    address: request.ip,
    origin: request.headers.origin,
    referer: request.headers.referer,
    host: request.headers.host,
  })
  const fieldsOf = (request: FastifyRequest): Fields =>
    request.body && typeof request.body === 'object' ? (request.body as Fields) : {}
  // A site without mailboxes has no forms: its requests fall through to its 404 page.
  const withDesk =
    <R extends FastifyRequest>(
      answer: (desk: PublicDesk, request: R) => Promise<PublicAnswer> | PublicAnswer,
    ) =>
    async (request: R, reply: FastifyReply) => {
      const desk = deskOf(request)
      if (!desk) return reply.callNotFound()
      return send(reply, await answer(desk, request))
    }
  const box = {
    type: 'object',
    properties: { box: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' } },
  }

  app.get<{ Params: { box: string } }>(
    '/_fabu/letters/:box',
    { schema: { params: box } },
    withDesk((desk, request) => desk.form(request.params.box)),
  )
  app.post<{ Params: { box: string } }>(
    '/_fabu/letters/:box',
    { schema: { params: box } },
    withDesk((desk, request) => desk.submit(request.params.box, fieldsOf(request), visitOf(request))),
  )
  app.get<{ Params: { box: string }; Querystring: { page?: number } }>(
    '/_fabu/letters/:box/answers',
    {
      schema: {
        params: box,
        querystring: {
          type: 'object',
          properties: { page: { type: 'integer', minimum: 1, maximum: 100000 } },
        },
      },
    },
    withDesk((desk, request) => desk.answers(request.params.box, request.query.page ?? 1)),
  )
  const consultation = {
    type: 'object',
    properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  }
  app.get<{ Params: { id: number } }>(
    '/_fabu/consultations/:id',
    { schema: { params: consultation } },
    withDesk((desk, request) => desk.consultationForm(request.params.id)),
  )
  app.post<{ Params: { id: number } }>(
    '/_fabu/consultations/:id',
    { schema: { params: consultation } },
    withDesk((desk, request) => desk.submitOpinion(request.params.id, fieldsOf(request), visitOf(request))),
  )
  app.get(
    '/_fabu/case',
    withDesk((desk) => desk.lookupForm()),
  )
  app.post(
    '/_fabu/case',
    withDesk((desk, request) => desk.lookup(fieldsOf(request), visitOf(request))),
  )
  app.post(
    '/_fabu/case/copy',
    withDesk((desk, request) => desk.copy(fieldsOf(request), visitOf(request))),
  )
}
