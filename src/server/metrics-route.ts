import { createHash, timingSafeEqual } from 'node:crypto'
import { BlockList, isIPv6 } from 'node:net'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ForbiddenError } from '../errors/index.ts'
import type { FabuMetrics } from '../metrics/index.ts'
import { sendError } from './api-error.ts'

/** Who may read /metrics: `[metrics]` of fabu.toml. */
export interface MetricsAccess {
  readonly token: string | null
  /** Addresses and subnets (`10.0.0.0/8`) let in without the token. */
  readonly allow: readonly string[]
}

/**
 * GET /metrics on the admin port, in Prometheus's text format. Not public: it tells how busy
 * the server is and which errors it meets, so only the allowed addresses (this machine by
 * default) or a scraper bearing the configured token get it.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  metrics: FabuMetrics,
  access: MetricsAccess,
  hasTrustedProxies: boolean,
): void {
  const isAllowed = metricsAccessCheck(access, hasTrustedProxies)
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!isAllowed(request)) {
      reply.header('www-authenticate', 'Bearer realm="fabu metrics"')
      return sendError(request, reply, new ForbiddenError('读取运行指标', 'read the metrics'))
    }
    const { text, contentType } = await metrics.scrape()
    return reply.header('cache-control', 'no-store').type(contentType).send(text)
  })
}

export function metricsAccessCheck(
  access: MetricsAccess,
  hasTrustedProxies: boolean,
): (request: Pick<FastifyRequest, 'ip' | 'headers'>) => boolean {
  const allowed = new BlockList()
  for (const entry of access.allow) {
    const [address = '', prefix] = entry.split('/')
    const type = isIPv6(address) ? 'ipv6' : 'ipv4'
    if (prefix === undefined) allowed.addAddress(address, type)
    else allowed.addSubnet(address, Number(prefix), type)
  }
  const expected = access.token ? digest(access.token) : null
  return (request) => {
    const header = request.headers.authorization
    if (expected && typeof header === 'string' && header.startsWith('Bearer ')) {
      return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), expected)
    }
    // Behind a proxy that is not listed in trusted_proxies every request seems to come from
    // the proxy's own address, often this machine: such requests need the token.
    const isForwarded =
      request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined
    if (isForwarded && !hasTrustedProxies) return false
    const address = request.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
    return allowed.check(address, isIPv6(address) ? 'ipv6' : 'ipv4')
  }
}

/** Equal-length digests, so the comparison takes the same time whatever was presented. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}
