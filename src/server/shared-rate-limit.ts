import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import { countAddressWindow } from '../interaction/index.ts'
import type { Store } from '../store/index.ts'

/**
 * `@fastify/rate-limit`'s store on PostgreSQL: the counts live in the database's address
 * windows, shared by every server of the installation, so N servers allow what one allows, not
 * N times as much. `purpose` keeps the admin API's counts apart from the search's; a route with
 * limits of its own counts apart too, as the memory store does.
 */
export function sharedRateLimitStore(store: Store, purpose: string): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string

    constructor(params: { routeInfo?: { url?: string } } = {}) {
      const route = params.routeInfo?.url
      this.#prefix = route ? `rate:${purpose}:${route}` : `rate:${purpose}`
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      countAddressWindow(store, `${this.#prefix}:${key}`, timeWindow, Date.now()).then(
        (window) => callback(null, { current: window.count, ttl: window.msLeft }),
        (error: Error) => callback(error),
      )
    }

    child(params: object): FastifyRateLimitStore {
      return new SharedRateLimitStore(params)
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor
}
