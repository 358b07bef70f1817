import type { FastifyRequest } from 'fastify'
import type { Session } from '../accounts/index.ts'
import { recordAudit } from '../content/index.ts'
import type { Store } from '../store/index.ts'

export interface CsrfRefusalLimits {
  /** Records per address in one window; later refusals are counted, not recorded. */
  readonly perAddress: number
  /** Records from all addresses together in one window, against floods from many addresses. */
  readonly total: number
  readonly windowMs: number
}

const DEFAULT_LIMITS: CsrfRefusalLimits = { perAddress: 5, total: 200, windowMs: 10 * 60_000 }

/**
 * Audits refused CSRF checks without letting whoever sends them flood the log. A refused
 * request is not to be trusted beyond its session and address, so each address gets a few
 * records per window, all addresses together a few hundred; the refusals past that are
 * counted and the count goes into that address's next record. The counters live in memory
 * and start over each window, so they stay small whatever arrives.
 */
export class CsrfRefusalLog {
  readonly #store: Store
  readonly #limits: CsrfRefusalLimits
  #windowStart = 0
  #total = 0
  #byAddress = new Map<string, { recorded: number; suppressed: number }>()
  /** Refusals counted in an earlier window but not recorded, by address. */
  #carried = new Map<string, number>()

  constructor(store: Store, limits: Partial<CsrfRefusalLimits> = {}) {
    this.#store = store
    this.#limits = { ...DEFAULT_LIMITS, ...limits }
  }

  async refused(request: FastifyRequest, session: Session, now = Date.now()): Promise<void> {
    if (now - this.#windowStart >= this.#limits.windowMs) this.#startWindow(now)
    const address = request.ip
    const counts = this.#byAddress.get(address) ?? { recorded: 0, suppressed: 0 }
    if (counts.recorded >= this.#limits.perAddress || this.#total >= this.#limits.total) {
      counts.suppressed++
      if (this.#byAddress.has(address) || this.#byAddress.size < this.#limits.total) {
        this.#byAddress.set(address, counts)
      }
      return
    }
    counts.recorded++
    this.#total++
    this.#byAddress.set(address, counts)
    const unrecorded = counts.suppressed + (this.#carried.get(address) ?? 0)
    counts.suppressed = 0
    this.#carried.delete(address)
    const agent = request.headers['user-agent']
    try {
      await recordAudit(this.#store, {
        actor: session.principal.actor,
        action: 'csrf.refuse',
        targetType: 'route',
        targetId: `${request.method} ${request.url.split('?')[0]?.slice(0, 200)}`,
        outcome: 'failure',
        errorCode: 'CSRF_FAILED',
        detail: {
          method: request.method,
          path: request.url.split('?')[0]?.slice(0, 200),
          userAgent: typeof agent === 'string' ? agent.slice(0, 200) : '',
          ...(unrecorded > 0 ? { unrecordedBefore: unrecorded } : {}),
        },
      })
    } catch {
      // The refusal stands whether or not it could be recorded.
    }
  }

  #startWindow(now: number): void {
    for (const [address, counts] of this.#byAddress) {
      if (counts.suppressed === 0) continue
      const carried = this.#carried.get(address)
      if (carried !== undefined) this.#carried.set(address, carried + counts.suppressed)
      else if (this.#carried.size < this.#limits.total) this.#carried.set(address, counts.suppressed)
    }
    this.#byAddress = new Map()
    this.#windowStart = now
    this.#total = 0
  }
}
