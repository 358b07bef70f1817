/**
 * An Aho–Corasick automaton over the UTF-16 units of already-folded text (normalizeText), built
 * once per version of a site's lists.
 *
 * Why fabu's own: the installed library (modern-ahocorasick) walks the text by grapheme through
 * Intl.Segmenter, which alone takes ~400 ms on a 1 MB body; the acceptance is 50 ms for 50,000
 * entries. fabu already folds text (NFKC, no spaces or punctuation) and keeps the way back to
 * the original, so the automaton only has to step unit by unit. Stepping by UTF-16 unit finds
 * the same matches as stepping by code point: texts and patterns are well-formed (folding
 * drops lone surrogates), and a well-formed pattern never starts or ends inside a pair.
 *
 * Layout: states are numbered breadth first and each state's edges are a sorted run of two
 * flat arrays (units, targets), so the states near the root, where ordinary text spends its
 * steps, sit together in a few hundred kilobytes; the root's edges are a direct table of 65,536
 * entries. Each state keeps its failure link and a dictionary link (the nearest state down the
 * failure chain that ends a pattern), so a search is linear in the text plus the matches.
 */
/** Words of 32 bits in a state's filter of its edges' units (a power of two). */
const FILTER_WORDS = 16

export class AhoCorasick {
  readonly #root = new Int32Array(0x10000).fill(-1)
  /** State `s`'s edges are `[edgeStart[s], edgeStart[s + 1])` of edgeUnit/edgeTarget, by unit. */
  readonly #edgeStart: Int32Array
  readonly #edgeUnit: Uint16Array
  readonly #edgeTarget: Int32Array
  /**
   * For a state of two edges or more, FILTER_WORDS words at `filterAt[state]` of edgeBits, a bit
   * for each edge's unit modulo 32 × FILTER_WORDS (-1: a state of one edge or none). Ordinary text
   * spends its steps in the first level, states of a dozen edges each where the next unit
   * almost never continues a word; a filter this wide answers 19 of 20 such misses without a
   * search of the edges, whose branches the processor cannot predict.
   */
  readonly #filterAt: Int32Array
  readonly #edgeBits: Int32Array
  readonly #fail: Int32Array
  readonly #dictLink: Int32Array
  /** The first pattern ending at a state, and the next pattern ending at the same state. */
  readonly #firstPattern: Int32Array
  readonly #nextPattern: Int32Array
  readonly #lengths: Int32Array

  /** `patterns[i]` is found as pattern `i`; empty patterns never match. */
  constructor(patterns: readonly string[]) {
    const trie = buildTrie(patterns)
    const count = trie.children.length
    // Breadth-first numbering: new[old], and the edges laid out in that order.
    const order = new Int32Array(count)
    const renumbered = new Int32Array(count)
    this.#edgeStart = new Int32Array(count + 1)
    this.#edgeUnit = new Uint16Array(count - 1)
    this.#edgeTarget = new Int32Array(count - 1)
    this.#filterAt = new Int32Array(count).fill(-1)
    let filtered = 0
    for (const edges of trie.children) if (edges.size >= 2) filtered++
    this.#edgeBits = new Int32Array(filtered * FILTER_WORDS)
    filtered = 0
    let tail = 1
    let edge = 0
    for (let head = 0; head < count; head++) {
      const old = order[head] as number
      this.#edgeStart[head] = edge
      const children = [...(trie.children[old] as Map<number, number>)].sort((a, b) => a[0] - b[0])
      const filter = children.length >= 2 ? filtered++ * FILTER_WORDS : -1
      this.#filterAt[head] = filter
      for (const [unit, child] of children) {
        renumbered[child] = tail
        order[tail++] = child
        this.#edgeUnit[edge] = unit
        if (filter >= 0) {
          const word = filter + ((unit >>> 5) & (FILTER_WORDS - 1))
          this.#edgeBits[word] = (this.#edgeBits[word] as number) | (1 << (unit & 31))
        }
        this.#edgeTarget[edge++] = renumbered[child] as number
      }
    }
    this.#edgeStart[count] = edge
    for (let e = this.#edgeStart[0] as number; e < (this.#edgeStart[1] as number); e++)
      this.#root[this.#edgeUnit[e] as number] = this.#edgeTarget[e] as number

    this.#lengths = Int32Array.from(patterns, (pattern) => pattern.length)
    this.#firstPattern = new Int32Array(count).fill(-1)
    this.#nextPattern = new Int32Array(patterns.length).fill(-1)
    // Later patterns first in the list, so one state reports its patterns in input order.
    for (let index = patterns.length - 1; index >= 0; index--) {
      const end = trie.ends[index] as number
      if (end <= 0) continue
      const state = renumbered[end] as number
      this.#nextPattern[index] = this.#firstPattern[state] as number
      this.#firstPattern[state] = index
    }

    this.#fail = new Int32Array(count)
    this.#dictLink = new Int32Array(count).fill(-1)
    // States are in breadth-first order already, so each parent's failure link is set first.
    for (let state = 0; state < count; state++) {
      for (let e = this.#edgeStart[state] as number; e < (this.#edgeStart[state + 1] as number); e++) {
        const child = this.#edgeTarget[e] as number
        const fail = state === 0 ? 0 : this.#step(this.#fail[state] as number, this.#edgeUnit[e] as number)
        this.#fail[child] = fail
        this.#dictLink[child] =
          (this.#firstPattern[fail] as number) >= 0 ? fail : (this.#dictLink[fail] as number)
      }
    }
  }

  /** How many patterns. */
  get size(): number {
    return this.#lengths.length
  }

  /**
   * Calls `found(pattern, start, end)` for every occurrence of every pattern in `text`, in order
   * of the end (end exclusive, UTF-16 offsets into `text`).
   */
  search(text: string, found: (pattern: number, start: number, end: number) => void): void {
    const units = new Uint16Array(text.length)
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i)
    const matches = new Matches()
    this.scan(units, units.length, matches)
    for (let m = 0; m < matches.count; m++) {
      const pattern = matches.data[2 * m] as number
      const end = matches.data[2 * m + 1] as number
      found(pattern, end - (this.#lengths[pattern] as number), end)
    }
  }

  /** How long pattern `index` is, in UTF-16 units. */
  lengthOf(index: number): number {
    return this.#lengths[index] as number
  }

  /**
   * Every occurrence of every pattern in `units[0, length)` into `matches` (emptied first), in
   * order of the end. The wording check's scan: units in a buffer it reuses, and matches as
   * pairs of numbers rather than a call each, since a list with many short protected names
   * has a match at a sixth of all characters.
   */
  scan(units: Uint16Array, length: number, matches: Matches): void {
    const first = this.#firstPattern
    const next = this.#nextPattern
    const dictLink = this.#dictLink
    const root = this.#root
    const starts = this.#edgeStart
    const edgeUnits = this.#edgeUnit
    const targets = this.#edgeTarget
    const fail = this.#fail
    const filterAt = this.#filterAt
    const bits = this.#edgeBits
    let out = matches.data
    let count = 0
    let state = 0
    // #step written out with the arrays in locals: this loop runs once per unit of a body of
    // a megabyte, where a call and field reads per step cost more than the step itself.
    for (let i = 0; i < length; i++) {
      const unit = units[i] as number
      const bit = 1 << (unit & 31)
      const word = (unit >>> 5) & (FILTER_WORDS - 1)
      let to = -1
      for (; state > 0 && to < 0; state = fail[state] as number) {
        const filter = filterAt[state] as number
        if (filter >= 0 && ((bits[filter + word] as number) & bit) === 0) continue
        let low = starts[state] as number
        let high = (starts[state + 1] as number) - 1
        while (low <= high) {
          const middle = (low + high) >>> 1
          const at = edgeUnits[middle] as number
          if (at === unit) {
            to = targets[middle] as number
            break
          }
          if (at < unit) low = middle + 1
          else high = middle - 1
        }
      }
      if (to < 0) to = root[unit] as number
      state = Math.max(to, 0)
      let ending = (first[state] as number) >= 0 ? state : (dictLink[state] as number)
      while (ending >= 0) {
        for (let p = first[ending] as number; p >= 0; p = next[p] as number) {
          if (2 * count === out.length) out = matches.grow()
          out[2 * count] = p
          out[2 * count + 1] = i + 1
          count++
        }
        ending = dictLink[ending] as number
      }
    }
    matches.count = count
  }

  /** The state after reading `unit` in `state`, following failure links. */
  #step(state: number, unit: number): number {
    const starts = this.#edgeStart
    const units = this.#edgeUnit
    for (; state > 0; state = this.#fail[state] as number) {
      const filter = this.#filterAt[state] as number
      const word = filter + ((unit >>> 5) & (FILTER_WORDS - 1))
      if (filter >= 0 && (((this.#edgeBits[word] as number) >>> (unit & 31)) & 1) === 0) continue
      let low = starts[state] as number
      let high = (starts[state + 1] as number) - 1
      while (low <= high) {
        const middle = (low + high) >>> 1
        const at = units[middle] as number
        if (at === unit) return this.#edgeTarget[middle] as number
        if (at < unit) low = middle + 1
        else high = middle - 1
      }
    }
    const child = this.#root[unit] as number
    return Math.max(child, 0)
  }
}

/**
 * Where AhoCorasick.scan puts what it finds: match `m` is pattern `data[2m]` ending (exclusive)
 * at `data[2m + 1]`, for `m < count`. Kept between scans, so its room is allocated once.
 */
export class Matches {
  data: Int32Array = new Int32Array(1024)
  count = 0

  /** Twice the room, the matches so far kept. */
  grow(): Int32Array {
    const grown = new Int32Array(this.data.length * 2)
    grown.set(this.data)
    this.data = grown
    return grown
  }
}

/** The plain trie: each state's children by unit, and the state each pattern ends in (0: empty). */
function buildTrie(patterns: readonly string[]): { children: Map<number, number>[]; ends: Int32Array } {
  const children: Map<number, number>[] = [new Map()]
  const ends = new Int32Array(patterns.length)
  patterns.forEach((pattern, index) => {
    let state = 0
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i)
      const edges = children[state] as Map<number, number>
      let child = edges.get(unit)
      if (child === undefined) {
        child = children.length
        children.push(new Map())
        edges.set(unit, child)
      }
      state = child
    }
    ends[index] = state
  })
  return { children, ends }
}
