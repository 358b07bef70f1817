import type { IncomingMessage } from 'node:http'
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { RateLimitedError } from '../errors/index.ts'
import type { PublicDesk } from '../interaction/index.ts'
import type { FabuMetrics } from '../metrics/index.ts'
import { sendError } from './api-error.ts'
import { instrumentHttp } from './http-metrics.ts'
import { registerInteractionPages } from './interaction-pages.ts'
import { type PublicSearchOptions, registerPublicSearch } from './public-search.ts'
import { sharedRateLimitStore } from './shared-rate-limit.ts'
import { type ServedSite, SiteDirectory } from './site-directory.ts'
import { PublishedFiles } from './static-files.ts'
import { isBot, type ViewCounter } from './view-counter.ts'

export interface PublicSiteOptions {
  readonly counter: ViewCounter
  /** Every site of the installation, each by its host and by path (fabu serve); started by the caller. */
  readonly sites?: SiteDirectory
  /** Or one site's published folder, served at `/` whatever the host (tests, one-site setups). */
  readonly root?: string
  /** Proxies whose X-Forwarded-For names the reader, as for the admin app; none by default. */
  readonly trustedProxies?: readonly string[]
  /** The site search (public-search.ts); without it the sites have no search endpoints. */
  readonly search?: PublicSearchOptions
  /**
   * One site's old URLs (with `root`; a directory's sites carry their own): where an old site's
   * URL (path and query, as requested) now lives, for sites brought in by `fabu import`,
   * answered with a 301 before any file is looked for.
   */
  readonly movedTo?: (requestUrl: string) => Promise<string | null>
  /** One site's letter and application forms (政民互动), with `root`, when it has mailboxes. */
  readonly interaction?: PublicDesk
  /** Counts its requests for the admin port's /metrics. */
  readonly metrics?: FabuMetrics
  /** The in-memory file cache; one is made when not given. */
  readonly files?: PublishedFiles
}

/** Headers every public page gets: no inline script or style anywhere, no framing by others. */
export const PUBLIC_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; media-src 'self' https:; frame-src https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const

interface Landing {
  readonly site: ServedSite
  readonly mount: string
  /** Routed by path on a host that names no site, where responses depend on the Referer. */
  readonly isGuess: boolean
}

/**
 * Serves published sites and their dynamic endpoints: the view counter, the search and, where
 * a site has mailboxes, the public forms of 政民互动. Which site a request is for is settled
 * before routing (site-directory.ts), and the site's prefix, if it came by one, is taken off the
 * URL, so every endpoint works under `/<slug>/` too. It sets no cookies: the public origin
 * knows nothing of editors' sessions (the forms carry their own token instead).
 */
export async function createPublicSite(options: PublicSiteOptions): Promise<FastifyInstance> {
  const directory = options.sites ?? (await oneSite(options))
  const files = options.files ?? new PublishedFiles()
  const landings = new WeakMap<IncomingMessage, Landing>()
  const redirects = new WeakMap<IncomingMessage, string>()
  const proxies = options.trustedProxies ?? []
  const app = Fastify({
    logger: false,
    trustProxy: proxies.length > 0 ? [...proxies] : false,
    rewriteUrl(raw) {
      const url = raw.url ?? '/'
      const queryAt = url.indexOf('?')
      const path = queryAt === -1 ? url : url.slice(0, queryAt)
      const lookup = directory.find(raw.headers.host, path, raw.headers.referer)
      if (!lookup) return url
      if ('redirect' in lookup) {
        redirects.set(raw, `${lookup.redirect}${url}`)
        return url
      }
      if (lookup.mount && path === lookup.mount) {
        redirects.set(raw, `${lookup.mount}/${queryAt === -1 ? '' : url.slice(queryAt)}`)
        return url
      }
      landings.set(raw, lookup)
      return lookup.mount ? url.slice(lookup.mount.length) : url
    },
  })
  const landingOf = (request: FastifyRequest) => landings.get(request.raw)
  if (options.metrics) instrumentHttp(app, options.metrics, 'public')
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error))
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(PUBLIC_SECURITY_HEADERS)) reply.header(name, value)
    // On a host naming no site, `/assets/style.css` is another site's when a page under its
    // prefix asked: caches must not hand one site's answer to the other.
    const landing = landingOf(request)
    if (landing?.isGuess && directory.sites.length > 1) {
      const vary = reply.getHeader('vary')
      reply.header('vary', vary ? `${String(vary)}, referer` : 'referer')
    }
  })

  app.addHook('onRequest', async (request, reply) => {
    const redirect = redirects.get(request.raw)
    // 307 keeps the method and body: the view counter's POST and the forms' arrive intact.
    if (redirect)
      return reply.code(307).header('location', redirect).header('cache-control', 'no-store').send()
    const movedTo = landingOf(request)?.site.movedTo
    if (!movedTo || (request.method !== 'GET' && request.method !== 'HEAD')) return
    const target = await movedTo(request.url)
    if (target) return reply.code(301).header('location', target).send()
  })

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
    ...(options.search?.store.engine === 'postgres'
      ? { store: sharedRateLimitStore(options.search.store, 'search') }
      : {}),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  })
  if (options.sites || options.interaction) {
    registerInteractionPages(app, (request) => landingOf(request)?.site.interaction)
  }

  const sendFile = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
    const landing = landingOf(request)
    if (
      landing &&
      (await files.send(request, reply, { root: landing.site.root, mount: landing.mount }, path))
    )
      return reply
    return reply.callNotFound()
  }
  app.get('/*', (request, reply) => sendFile(request, reply, pathOf(request.url)))
  if (options.search) {
    registerPublicSearch(app, options.search, {
      site: (request) => landingOf(request)?.site,
      sendPage: (request, reply) => sendFile(request, reply, '/search.html'),
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    const landing = landingOf(request)
    if (
      landing &&
      (await files.sendNotFound(request, reply, { root: landing.site.root, mount: landing.mount }))
    )
      return reply
    return reply.code(404).type('text/plain; charset=utf-8').send('404 页面不存在 / not found')
  })
  app.addHook('onClose', async () => {
    if (!options.sites) directory.close()
  })
  return app
}

function pathOf(url: string): string {
  const queryAt = url.indexOf('?')
  return queryAt === -1 ? url : url.slice(0, queryAt)
}

/** The one site of `root`: at `/` for every host, as a single-site server always served it. */
async function oneSite(options: PublicSiteOptions): Promise<SiteDirectory> {
  const site: ServedSite = {
    id: options.search?.site?.id ?? 0,
    slug: '',
    root: options.root ?? '/nonexistent',
    basePath: options.search?.site?.basePath ?? '/',
    hostname: '',
    timeZone: options.search?.site?.timeZone ?? 'Asia/Shanghai',
    ...(options.movedTo ? { movedTo: options.movedTo } : {}),
    ...(options.interaction ? { interaction: options.interaction } : {}),
  }
  const directory = new SiteDirectory(async () => [site])
  await directory.refresh()
  return directory
}
