import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { RateLimitedError } from '../errors/index.ts'
import type { PublicDesk } from '../interaction/index.ts'
import type { FabuMetrics } from '../metrics/index.ts'
import { sendError } from './api-error.ts'
import { instrumentHttp } from './http-metrics.ts'
import { registerInteractionPages } from './interaction-pages.ts'
import { type PublicSearchOptions, registerPublicSearch } from './public-search.ts'
import { isBot, type ViewCounter } from './view-counter.ts'

export interface PublicSiteOptions {
  /** The site's published folder. */
  readonly root: string
  readonly counter: ViewCounter
  /** Proxies whose X-Forwarded-For names the reader, as for the admin app; none by default. */
  readonly trustedProxies?: readonly string[]
  /** The site search (public-search.ts); without it the site has no search endpoints. */
  readonly search?: PublicSearchOptions
  /**
   * Where an old site's URL (path and query, as requested) now lives, for sites brought in by
   * `fabu import`: answered with a 301 before any file is looked for.
   */
  readonly movedTo?: (requestUrl: string) => Promise<string | null>
  /** The site's letter and application forms (政民互动), when it has mailboxes. */
  readonly interaction?: PublicDesk
  /** Counts its requests for the admin port's /metrics. */
  readonly metrics?: FabuMetrics
}

/** Headers every public page gets: no inline script or style anywhere, no framing by others. */
export const PUBLIC_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; media-src 'self' https:; frame-src https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const

/**
 * Serves a published site and its dynamic endpoints: the view counter, the search and, where
 * the site has mailboxes, the public forms of 政民互动. It sets no cookies: the public origin
 * knows nothing of editors' sessions (the forms carry their own token instead).
 */
export async function createPublicSite(options: PublicSiteOptions): Promise<FastifyInstance> {
  const proxies = options.trustedProxies ?? []
  const app = Fastify({ logger: false, trustProxy: proxies.length > 0 ? [...proxies] : false })
  if (options.metrics) instrumentHttp(app, options.metrics, 'public')
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error))
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(PUBLIC_SECURITY_HEADERS)) reply.header(name, value)
  })

  const movedTo = options.movedTo
  if (movedTo) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return
      const target = await movedTo(request.url)
      if (target) return reply.code(301).header('location', target).send()
    })
  }

  app.post<{ Querystring: { id?: string } }>(
    '/_fabu/hits',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { id: { type: 'string', pattern: '^[0-9]{1,12}$' } },
          required: ['id'],
        },
      },
    },
    async (request, reply) => {
      const id = Number(request.query.id)
      const views = isBot(request.headers['user-agent'])
        ? await options.counter.views(id)
        : await options.counter.hit(id, request.ip)
      reply.header('cache-control', 'no-store')
      if (views === null)
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such article' } })
      return { id, views }
    },
  )

  // Only routes that ask for it are limited (the search); pages and the counter are not.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  })
  if (options.interaction) registerInteractionPages(app, options.interaction)

  await app.register(fastifyStatic, {
    root: options.root,
    index: ['index.html'],
    dotfiles: 'deny',
    wildcard: true,
  })
  if (options.search) registerPublicSearch(app, options.search)
  app.setNotFoundHandler((_request, reply) => {
    if (existsSync(join(options.root, '404.html'))) return reply.code(404).sendFile('404.html')
    return reply.code(404).type('text/plain; charset=utf-8').send('404 页面不存在 / not found')
  })
  return app
}
