import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Session } from '../accounts/index.ts'
import type { Workspace } from '../content/index.ts'
import { validateInput } from '../content/index.ts'
import {
  CsrfError,
  PasswordChangeRequiredError,
  PasswordExpiredError,
  UnauthenticatedError,
} from '../errors/index.ts'
import { API_BODY_LIMIT } from './api-error.ts'
import { apiComponents } from './response-schemas.ts'

/**
 * Who may call a route: anyone; a signed-in user; or a user part-way signed in (password
 * expired, or the second factor still to come), who may only finish signing in.
 */
export type RouteAccess = 'public' | 'signed-in' | 'signing-in'

export interface RouteCall<P, Q, B> {
  readonly request: FastifyRequest
  readonly reply: FastifyReply
  readonly params: P
  readonly query: Q
  readonly body: B
  /** Set on every route but `public` ones. */
  readonly session: Session
  readonly workspace: Workspace
}

export interface ApiRoute<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  readonly url: string
  readonly summary: string
  readonly tag: string
  readonly access: RouteAccess
  readonly params?: z.ZodType<P>
  readonly query?: z.ZodType<Q>
  readonly body?: z.ZodType<B>
  /** What the route answers with, for the OpenAPI document and the admin's types; a shared shape is registered in `apiComponents` (response-schemas.ts). */
  readonly response?: z.ZodType
  /** 200 unless set (201 for creations, 202 for jobs, 204 for nothing). */
  readonly status?: number
  /** Bodies other than JSON (uploads): validated by the handler. */
  readonly consumes?: string
  handler(call: RouteCall<P, Q, B>): Promise<unknown>
}

/** Keeps the type of each route's schemas while collecting routes of mixed types in one list. */
export function route<P, Q, B>(definition: ApiRoute<P, Q, B>): ApiRoute {
  return definition as unknown as ApiRoute
}

declare module 'fastify' {
  interface FastifyRequest {
    fabuSession: Session | null
    fabuWorkspace: Workspace | null
  }
}

/** The JSON schema fastify (and so the OpenAPI document) sees, mapped back to the zod schema that checks. */
const zodOf = new WeakMap<object, z.ZodType>()

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  delete json.$schema
  zodOf.set(json, schema)
  return json
}

/** The reference to a named response shape, as fastify and the OpenAPI document take it. */
/** A named component's reference, or the schema itself for an answer only one route gives. */
function responseRef(schema: z.ZodType): Record<string, unknown> {
  const id = apiComponents.get(schema)?.id
  if (id) return { $ref: `${id}#` }
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })
  return json
}

/**
 * Requests are checked by the same zod schemas as the services, so messages are the same, in
 * both languages. Response schemas describe the answers (the OpenAPI document, the admin's
 * types) but do not shape them: an answer is sent as the service returned it, so a schema
 * that names fewer fields than a client reads can never drop one.
 */
export function installZodValidation(app: FastifyInstance): void {
  const components = z.toJSONSchema(apiComponents, { io: 'output', uri: (id) => id, unrepresentable: 'any' })
  for (const [id, schema] of Object.entries(components.schemas)) {
    const { $schema: _, ...rest } = schema as Record<string, unknown>
    app.addSchema({ ...rest, $id: id })
  }
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  app.setValidatorCompiler(({ schema }) => {
    const zod = zodOf.get(schema as object)
    if (!zod) return () => true
    return (data: unknown) => {
      try {
        return { value: validateInput(zod, data) }
      } catch (error) {
        return { error: error as Error }
      }
    }
  })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Registers the routes with the checks every one of them needs: a session unless public, a
 * finished sign-in, an unexpired password, and the session's CSRF token on every change.
 */
export function registerRoutes(
  app: FastifyInstance,
  routes: readonly ApiRoute[],
  checkCsrf: (session: Session, presented: string | undefined) => boolean,
  /** Told of every refusal before it is answered (the audit log, rate-limited there). */
  onCsrfRefused: (request: FastifyRequest, session: Session) => Promise<void> = async () => {},
): void {
  for (const definition of routes) {
    app.route({
      method: definition.method,
      url: definition.url,
      schema: {
        summary: definition.summary,
        tags: [definition.tag],
        ...(definition.params ? { params: jsonSchemaOf(definition.params) } : {}),
        ...(definition.query ? { querystring: jsonSchemaOf(definition.query) } : {}),
        ...(definition.body ? { body: jsonSchemaOf(definition.body) } : {}),
        ...(definition.response
          ? { response: { [definition.status ?? 200]: responseRef(definition.response) } }
          : {}),
        ...(definition.consumes ? { consumes: [definition.consumes] } : {}),
        ...(definition.access === 'public' ? {} : { security: [{ session: [] }] }),
      },
      // Without a session the answer is 401 whatever the body holds: the body is read off the
      // connection unparsed (answering before it was read left connections open), so a
      // signed-out client cannot have megabytes of JSON parsed and checked on every call.
      ...(definition.access === 'public'
        ? {}
        : {
            preParsing: async (
              request: FastifyRequest,
              reply: FastifyReply,
              payload: AsyncIterable<unknown>,
            ) => {
              if (request.fabuSession) return payload
              let length = 0
              for await (const chunk of payload) {
                length += (chunk as Buffer).length
                // Past the limit a signed-in client has, the rest is not read: as Fastify does
                // for a body too large, the connection closes after the answer.
                if (length > API_BODY_LIMIT) {
                  reply.header('connection', 'close')
                  break
                }
              }
              throw new UnauthenticatedError()
            },
          }),
      handler: async (request, reply) => {
        const session = request.fabuSession
        if (definition.access !== 'public') {
          if (!session) throw new UnauthenticatedError()
          if (definition.access === 'signed-in' && session.secondFactorPending) {
            throw new UnauthenticatedError({
              zh: '请输入动态口令完成登录',
              en: 'enter the one-time code to finish signing in',
            })
          }
          if (definition.access === 'signed-in' && session.mustChangePassword) {
            // The stored flag: an administrator set the password; otherwise it expired.
            throw session.user.mustChangePassword
              ? new PasswordChangeRequiredError()
              : new PasswordExpiredError()
          }
          const token = request.headers['x-csrf-token']
          if (
            !SAFE_METHODS.has(request.method) &&
            !checkCsrf(session, typeof token === 'string' ? token : undefined)
          ) {
            await onCsrfRefused(request, session)
            throw new CsrfError()
          }
        }
        const result = await definition.handler({
          request,
          reply,
          params: request.params,
          query: request.query,
          body: request.body,
          session: session as Session,
          workspace: request.fabuWorkspace as Workspace,
        })
        if (reply.sent) return reply
        reply.code(definition.status ?? (result === undefined ? 204 : 200))
        return result === undefined ? reply.send() : result
      },
    })
  }
}

/** Query strings carry text: numbers and flags are read from it. */
export const queryNumber = z.coerce.number().int()
export const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).strict()
export type IdParams = z.output<typeof idParams>

/** `:site` in a URL: a site's id or its slug. */
export const siteParams = z.object({ site: z.string().min(1).max(64) }).strict()

/** The site a `:site` names: digits are an id, anything else a slug. */
export function siteRef(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value
}

/** The id of the site a `:site` names, found through `sites`: the user's workspace, or all content. */
export async function siteIdOf(
  sites: { get(ref: number | string): Promise<{ readonly id: number }> },
  site: string,
): Promise<number> {
  return (await sites.get(siteRef(site))).id
}
