import type {} from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Where } from '../accounts/index.ts'

export const SESSION_COOKIE = 'fabu_session'

export interface CookiePolicy {
  readonly secure: 'auto' | 'always' | 'never'
}

const policies = new WeakMap<object, CookiePolicy>()

export function setCookiePolicy(app: object, policy: CookiePolicy): void {
  policies.set(app, policy)
}

/** `auto`: Secure whenever the request came over TLS, as told by a trusted proxy or the socket. */
function isSecure(request: FastifyRequest): boolean {
  const policy = policies.get(request.server)?.secure ?? 'auto'
  return policy === 'always' || (policy === 'auto' && request.protocol === 'https')
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
    path: '/',
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: isSecure(request), path: '/' })
}

export function whereOf(request: FastifyRequest): Where {
  const agent = request.headers['user-agent']
  return { address: request.ip, userAgent: typeof agent === 'string' ? agent : '' }
}
