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

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  delete json.$schema
  zodOf.set(json, schema)
  return json
}

/** Requests are checked by the same zod schemas as the services, so messages are the same, in both languages. */
export function installZodValidation(app: FastifyInstance): void {
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
        ...(definition.consumes ? { consumes: [definition.consumes] } : {}),
        ...(definition.access === 'public' ? {} : { security: [{ session: [] }] }),
      },
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
