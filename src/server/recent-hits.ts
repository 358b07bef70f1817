import { hash, randomBytes } from 'node:crypto'
import { isIPv4, isIPv6 } from 'node:net'

export interface RecentHitsOptions {
  /** How long one reader's hits on one article count once: an hour. */
  readonly windowMs?: number
  /** The most (reader, article) pairs remembered at once; past it the oldest are forgotten. */
  readonly capacity?: number
  /** The clock, in milliseconds; tests move it. */
  readonly now?: () => number
}

/**
 * Which readers have been counted for which article in the current hour, so reloading a page
 * a hundred times counts once. Readers are known by their address only as a keyed hash whose
 * key is thrown away every hour: no address is kept, and an hour's hashes cannot be linked to
 * the next hour's. Memory is bounded: 48-bit hashes in a set of at most `capacity` entries
 * (a few MB for the default 100,000); when it is full the oldest pair is forgotten, so a flood of distinct addresses
 * only shortens how long a pair is remembered.
 */
export class RecentHits {
  readonly capacity: number
  readonly #windowMs: number
  readonly #now: () => number
  #window = Number.NaN
  #key = newKey()
  readonly #seen = new Set<number>()
  // The same hashes in the order they came, so the oldest is found without walking the set
  // (deleting a Set's first entries again and again leaves a run of holes every walk crosses).
  readonly #order: Float64Array
  #next = 0

  constructor(options: RecentHitsOptions = {}) {
    this.capacity = options.capacity ?? 100_000
    this.#windowMs = options.windowMs ?? 60 * 60 * 1000
    this.#now = options.now ?? Date.now
    this.#order = new Float64Array(this.capacity)
  }

  /** True the first time this reader hits this article in the window, false for a repeat. */
  isFirst(address: string, articleId: number): boolean {
    this.#rotate()
    // SHA-256 over a secret prefix: a keyed hash at a fraction of createHmac's cost per call
    // (no object per hit); the first 48 bits are kept.
    const digest = hash('sha256', `${this.#key}${readerOf(address)}\n${articleId}`, 'buffer')
    const keyed = digest.readUIntBE(0, 6)
    if (this.#seen.has(keyed)) return false
    if (this.#seen.size >= this.capacity) this.#seen.delete(this.#order[this.#next] ?? 0)
    this.#seen.add(keyed)
    this.#order[this.#next] = keyed
    this.#next = (this.#next + 1) % this.capacity
    return true
  }

  /** How many pairs are remembered now; never more than `capacity`. */
  get size(): number {
    return this.#seen.size
  }

  #rotate(): void {
    const window = Math.floor(this.#now() / this.#windowMs)
    if (window === this.#window) return
    this.#window = window
    this.#key = newKey()
    this.#seen.clear()
    this.#next = 0
  }
}

/**
 * The reader an address stands for: an IPv4 address, or an IPv6 address's /64 network, since
 * one household or phone is given a whole /64 and could otherwise count once per address.
 */
export function readerOf(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (isIPv4(address) || !isIPv6(address.split('%')[0] ?? '')) return address
  const bare = address.split('%')[0] ?? ''
  const [head = '', tail] = bare.split('::')
  const front = head ? head.split(':') : []
  const back = tail ? tail.split(':') : []
  const groups =
    tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill('0'), ...back]
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`
}

/** A new secret for the hashes of the next window; the old one is dropped with its hashes. */
function newKey(): string {
  return randomBytes(32).toString('base64')
}
