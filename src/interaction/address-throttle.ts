/**
 * Counts attempts per network address in a fixed window, in memory: a flood from one address
 * is refused before it reaches the database, so other visitors are still answered. The map
 * is bounded; past `maxAddresses` the oldest windows are forgotten first.
 */
export class AddressThrottle {
  readonly #windows = new Map<string, { start: number; count: number }>()
  readonly #limit: number
  readonly #windowMs: number
  readonly #maxAddresses: number
  readonly #now: () => number

  constructor(options: { limit: number; windowMs: number; maxAddresses?: number; now?: () => number }) {
    this.#limit = options.limit
    this.#windowMs = options.windowMs
    this.#maxAddresses = options.maxAddresses ?? 50_000
    this.#now = options.now ?? Date.now
  }

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  take(address: string): number {
    const now = this.#now()
    let window = this.#windows.get(address)
    if (!window || now - window.start >= this.#windowMs) {
      this.#windows.delete(address)
      window = { start: now, count: 0 }
      this.#windows.set(address, window)
      if (this.#windows.size > this.#maxAddresses) {
        const oldest = this.#windows.keys().next().value
        if (oldest !== undefined) this.#windows.delete(oldest)
      }
    }
    window.count++
    if (window.count <= this.#limit) return 0
    return Math.max(1, Math.ceil((window.start + this.#windowMs - now) / 1000))
  }
}
