import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppName, FabuMetrics } from '../metrics/index.ts'

const errorCodes = new WeakMap<FastifyRequest, string>()

/** Remembers the code of the error a request was answered with, for the metrics hook to count. */
export function noteErrorCode(request: FastifyRequest, code: string): void {
  errorCodes.set(request, code)
}

/**
 * Counts every answer of the app by its route pattern (`/api/articles/:id`, `/*` for a
 * published file) and status class, never by the raw URL: each distinct label value is a
 * series Prometheus keeps, and visitors choose URLs.
 */
export function instrumentHttp(app: FastifyInstance, metrics: FabuMetrics, name: AppName): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    metrics.observeRequest(name, route, reply.statusCode, reply.elapsedTime / 1000)
    const code = errorCodes.get(request)
    if (code) metrics.observeError(name, code)
  })
}
