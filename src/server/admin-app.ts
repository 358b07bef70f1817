import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifyMultipart from '@fastify/multipart'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import type { Accounts } from '../accounts/index.ts'
import type { Inspection, LinkReports, WordLists } from '../checks/index.ts'
import { type Content, createServiceContext, createWorkspace } from '../content/index.ts'
import { NotFoundError, RateLimitedError } from '../errors/index.ts'
import type { Interaction } from '../interaction/index.ts'
import type { ImportJobs } from '../jobs/index.ts'
import type { FabuMetrics } from '../metrics/index.ts'
import type { PublishDispatch } from '../publish/index.ts'
import { createStatistics } from '../statistics/index.ts'
import type { Store } from '../store/index.ts'
import { createSubmissions } from '../submissions/index.ts'
import { createTopics } from '../topics/index.ts'
import { DEFAULT_IMAGE_MAX_SIDE } from '../uploads/index.ts'
import { API_BODY_LIMIT, sendError } from './api-error.ts'
import { installZodValidation, registerRoutes } from './api-route.ts'
import { CsrfRefusalLog } from './csrf-refusal-log.ts'
import { instrumentHttp } from './http-metrics.ts'
import { type MetricsAccess, registerMetricsRoute } from './metrics-route.ts'
import { accountRoutes, auditRoutes } from './routes/account-routes.ts'
import { articleCopyRoutes } from './routes/article-copy-routes.ts'
import { contentRoutes } from './routes/content-routes.ts'
import { dashboardRoutes } from './routes/dashboard-routes.ts'
import { importRoutes } from './routes/import-routes.ts'
import { inspectionRoutes } from './routes/inspection-routes.ts'
import { interactionRoutes } from './routes/interaction-routes.ts'
import { linkRoutes } from './routes/link-routes.ts'
import { publishRoutes } from './routes/publish-routes.ts'
import { searchRoutes } from './routes/search-routes.ts'
import { sessionRoutes } from './routes/session-routes.ts'
import { statisticsRoutes } from './routes/statistics-routes.ts'
import { submissionRoutes } from './routes/submission-routes.ts'
import { templateRoutes } from './routes/template-routes.ts'
import { topicRoutes } from './routes/topic-routes.ts'
import { registerUploadFiles, uploadRoutes } from './routes/upload-routes.ts'
import { wordingRoutes } from './routes/wording-routes.ts'
import { ADMIN_SECURITY_HEADERS, addSecurityHeaders } from './security-headers.ts'
import { SESSION_COOKIE, setCookiePolicy, whereOf } from './session-cookie.ts'
import { sharedRateLimitStore } from './shared-rate-limit.ts'
import { installStrictJsonParser } from './strict-json-parser.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD /url` of every API route, for the OpenAPI coverage test. */
    apiRoutes: readonly string[]
  }
}

export interface AdminAppOptions {
  readonly store: Store
  readonly content: Content
  readonly accounts: Accounts
  /** The sites' wording lists: managed and checked against over the API. */
  readonly wordLists: WordLists
  /** The inspection self-check (检查指标自查), for the dashboard card and the report page. */
  readonly inspection: Inspection
  /** Broken links of publish runs, who links to an article, the external link reports. */
  readonly links: LinkReports
  readonly queue: PublishDispatch
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
  readonly maxUploadBytes: number
  /** Uploaded images are scaled down to this longest side (1600 px unless set). */
  readonly imageMaxSide?: number
  readonly trustedProxies: readonly string[]
  readonly secureCookies: 'auto' | 'always' | 'never'
  /** Structured JSON logs (pino) when true; tests pass false. */
  /** JSON request logs: on stderr (true), into a stream of the caller's (a file), or none. */
  readonly logger: boolean | NodeJS.WritableStream
  /** Public origins of sites served elsewhere than their base URL (by slug), for previews. */
  readonly publicOrigins?: Readonly<Record<string, string>>
  /** The built admin UI (admin/dist); a notice is served while it is not built. */
  readonly adminUiRoot?: string
  /** Requests per minute from one address before 429. */
  readonly requestsPerMinute?: number
  /** 政民互动: mailboxes and cases of the public (its routes are left out without it). */
  readonly interaction?: Interaction
  /** Imports run in the background (their routes are left out without it). */
  readonly importJobs?: ImportJobs
  /** Counts requests and serves them at /metrics to those `access` lets in (left out without it). */
  readonly metrics?: { readonly collector: FabuMetrics; readonly access: MetricsAccess }
}

/**
 * The admin origin: the API under /api, its OpenAPI document, health checks. Public pages are
 * served from another origin (see public-site.ts), so no published page can act with an
 * editor's cookies.
 */
const ADMIN_UI_ROOT = fileURLToPath(new URL('../../admin/dist/', import.meta.url))

/** The admin UI's files at /admin/, or, until it is built, a page that says where the API is. */
async function serveAdminUi(app: FastifyInstance, root: string): Promise<void> {
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'))
  if (existsSync(join(root, 'index.html'))) {
    const page = readFileSync(join(root, 'index.html'), 'utf8')
    await app.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/admin/assets/',
      dotfiles: 'deny',
      immutable: true,
      maxAge: '365d',
    })
    // Every load gets a nonce of its own for the UI library's style elements, so the policy
    // needs no 'unsafe-inline'; any path under /admin/ is the single-page app.
    const sendPage = (_request: unknown, reply: FastifyReply) => {
      const nonce = randomBytes(16).toString('base64')
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          ADMIN_SECURITY_HEADERS['content-security-policy'].replace(
            "style-src 'self'",
            `style-src 'self' 'nonce-${nonce}'`,
          ),
        )
        .send(page.replaceAll('__CSP_NONCE__', nonce))
    }
    app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'))
    app.get('/admin/', { schema: { hide: true } }, sendPage)
    app.get('/admin/*', { schema: { hide: true } }, sendPage)
    return
  }
  app.get('/admin/', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>fabu 管理</title>' +
          '<h1>fabu 管理界面 / admin</h1><p>管理界面尚未构建，可先使用接口 / the admin UI is not built yet; ' +
          'use the API: <a href="/api/docs/">/api/docs</a></p></html>',
      ),
  )
}

export async function createAdminApp(options: AdminAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          // stderr: the terminal's stdout keeps the URLs and passwords a person reads.
          stream: options.logger === true ? process.stderr : options.logger,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
        }
      : false,
    trustProxy: options.trustedProxies.length > 0 ? [...options.trustedProxies] : false,
    bodyLimit: API_BODY_LIMIT,
  })
  if (options.metrics) instrumentHttp(app, options.metrics.collector, 'admin')
  setCookiePolicy(app, { secure: options.secureCookies })
  addSecurityHeaders(app, ADMIN_SECURITY_HEADERS)
  installZodValidation(app)
  // A cross-site form can post text/plain without a preflight; the API reads JSON only.
  app.removeContentTypeParser('text/plain')
  installStrictJsonParser(app)
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error))
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new NotFoundError('route', `${request.method} ${request.url.split('?')[0]}`)),
  )

  await app.register(fastifyCookie)
  await app.register(fastifyMultipart, { limits: { fileSize: options.maxUploadBytes, files: 1, fields: 5 } })
  await app.register(fastifyRateLimit, {
    max: options.requestsPerMinute ?? 1200,
    timeWindow: 60_000,
    ...(options.store.engine === 'postgres' ? { store: sharedRateLimitStore(options.store, 'api') } : {}),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  })
  await app.register(fastifySwagger, {
    // Shared schemas keep their names (Site, ColumnNode) as component schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'fabu API',
        version: '0.1.0',
        description:
          'fabu 管理接口：站点、栏目、文章、审核流程、发布、用户与审计。每个修改请求须带 x-csrf-token（见 GET /api/session）。\n\nThe fabu admin API. Every change must carry the x-csrf-token header (see GET /api/session).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true })

  app.decorateRequest('fabuSession', null)
  app.decorateRequest('fabuWorkspace', null)
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/uploads/')) return
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    const session = await options.accounts.sessions.resolve(token, whereOf(request))
    if (!session) return
    request.fabuSession = session
    request.fabuWorkspace = createWorkspace(options.content, options.store, session.principal)
  })

  const ctx = createServiceContext(options.store)
  const submissions = createSubmissions(options.store)
  app.addHook('onClose', () => submissions.close())
  const routes = [
    ...sessionRoutes(options.accounts),
    ...contentRoutes({
      render: (id, baseHref) => options.queue.preview(id, {}, 'article', baseHref),
      publicOriginFor: (site) => options.publicOrigins?.[site.slug] ?? site.baseUrl,
    }),
    ...accountRoutes(options.accounts),
    ...auditRoutes(),
    ...publishRoutes(options.queue, options.store),
    ...templateRoutes(options.store, options.queue),
    ...dashboardRoutes(options.store, options.content),
    ...searchRoutes(options.store),
    ...wordingRoutes(options.wordLists, options.inspection),
    ...inspectionRoutes(options.inspection),
    ...linkRoutes(options.links),
    ...uploadRoutes(ctx, {
      maxBytes: options.maxUploadBytes,
      outputRootFor: options.outputRootFor,
      imageMaxSide: options.imageMaxSide ?? DEFAULT_IMAGE_MAX_SIDE,
    }),
    ...articleCopyRoutes({ outputRootFor: options.outputRootFor }),
    ...submissionRoutes(submissions, { outputRootFor: options.outputRootFor }),
    ...topicRoutes(createTopics(ctx)),
    ...(options.interaction ? interactionRoutes(options.interaction, options.content) : []),
    ...statisticsRoutes(
      createStatistics(options.store, { interaction: options.interaction ?? null }),
      options.content,
    ),
    ...(options.importJobs ? importRoutes(options.importJobs) : []),
  ]
  const csrfRefusals = new CsrfRefusalLog(options.store)
  registerRoutes(
    app,
    routes,
    (session, presented) => options.accounts.sessions.checkCsrf(session, presented),
    (request, session) => csrfRefusals.refused(request, session),
  )
  app.decorate(
    'apiRoutes',
    routes.map((definition) => `${definition.method} ${definition.url}`),
  )

  registerUploadFiles(app, { outputRootFor: options.outputRootFor })
  await serveAdminUi(app, options.adminUiRoot ?? ADMIN_UI_ROOT)
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  if (options.metrics) {
    registerMetricsRoute(
      app,
      options.metrics.collector,
      options.metrics.access,
      options.trustedProxies.length > 0,
    )
  }
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }))
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await options.store.ping()
      return { status: 'ready' }
    } catch {
      return reply.code(503).send({ status: 'unavailable' })
    }
  })
  return app
}
