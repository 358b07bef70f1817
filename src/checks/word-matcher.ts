import type { CheckedText, WordingHit } from '../content/index.ts'
import { AhoCorasick, Matches } from './aho-corasick.ts'
import { isNearMissIn } from './near-miss.ts'
import { type FoldedUnits, foldedRange, foldInto, normalizeText } from './normalize-text.ts'
import type { WordEntry } from './wording-entry.ts'

/**
 * What a pattern of the automaton stands for: a listed word to report, a protected name
 * written right (what the list protects, not a hit), or one half of a protected name. A name
 * written one character off still holds one of its halves exactly, so the halves find every
 * candidate in the same linear pass; each is then compared with the name.
 */
const WORD = 0
const PROTECTED_NAME = 1
const HALF = 2

/**
 * A site's lists compiled once (Aho–Corasick over folded text, aho-corasick.ts) and matched against any
 * number of texts, each folded first (normalizeText) and each hit mapped back to the original.
 */
export class WordMatcher {
  readonly #automaton: AhoCorasick | null
  /** Each listed word once: the first entry of its folded form. */
  readonly #entries: readonly WordEntry[]
  /** The folded words one after the other: word `w` is `#words[#wordStart[w], #wordStart[w + 1])`. */
  readonly #words: Uint16Array
  readonly #wordStart: Int32Array
  /** Per pattern: WORD, PROTECTED_NAME or HALF, and its word. */
  readonly #role: Uint8Array
  readonly #wordOf: Int32Array
  /** Per HALF pattern: how far before the half's end its name starts. */
  readonly #back: Int32Array
  /** Every listed word as folded: a near-miss that is itself a listed word is no slip. */
  readonly #listed: ReadonlySet<string>

  constructor(entries: readonly WordEntry[]) {
    const kept: WordEntry[] = []
    const normals: string[] = []
    const listed = new Set<string>()
    const texts: string[] = []
    const role: number[] = []
    const wordOf: number[] = []
    const back: number[] = []
    const pattern = (text: string, as: number, word: number, before: number) => {
      texts.push(text)
      role.push(as)
      wordOf.push(word)
      back.push(before)
    }
    for (const entry of entries) {
      const normal = normalizeText(entry.word).text
      if (normal.length === 0 || listed.has(normal)) continue
      listed.add(normal)
      const word = kept.length
      kept.push(entry)
      normals.push(normal)
      const isProtected = entry.kind === 'protected'
      pattern(normal, isProtected ? PROTECTED_NAME : WORD, word, 0)
      if (isProtected && normal.length >= 2) {
        const half = Math.floor(normal.length / 2)
        // The left half ends `half` after the name starts, the right half where the name ends.
        pattern(normal.slice(0, half), HALF, word, half)
        pattern(normal.slice(half), HALF, word, normal.length)
      }
    }
    this.#automaton = texts.length > 0 ? new AhoCorasick(texts) : null
    this.#entries = kept
    this.#wordStart = new Int32Array(normals.length + 1)
    normals.forEach((normal, word) => {
      this.#wordStart[word + 1] = (this.#wordStart[word] as number) + normal.length
    })
    this.#words = new Uint16Array(this.#wordStart[normals.length] as number)
    normals.forEach((normal, word) => {
      const at = this.#wordStart[word] as number
      for (let i = 0; i < normal.length; i++) this.#words[at + i] = normal.charCodeAt(i)
    })
    this.#role = Uint8Array.from(role)
    this.#wordOf = Int32Array.from(wordOf)
    this.#back = Int32Array.from(back)
    this.#listed = listed
  }

  /** Every hit in the texts, in order of field and place. */
  find(texts: readonly CheckedText[]): WordingHit[] {
    return texts.flatMap((entry) => this.#findIn(entry.field, entry.text))
  }

  #findIn(field: string, original: string): WordingHit[] {
    const automaton = this.#automaton
    if (!automaton || original.length === 0) return []
    foldInto(original, folded)
    const units = folded.units
    const length = folded.length
    automaton.scan(units, length, matches)
    const found = matches.data
    const role = this.#role
    const wordOf = this.#wordOf
    const back = this.#back
    const words = this.#words
    const wordStart = this.#wordStart
    const hits: WordingHit[] = []
    // No hit is found twice, so none is dropped as seen: a pattern is matched once per end, a
    // word is one pattern, and a near-miss holds exactly one of its name's halves (holding both
    // it would be the name).
    for (let m = 0; m < matches.count; m++) {
      const index = found[2 * m] as number
      const end = found[2 * m + 1] as number
      const as = role[index] as number
      if (as === PROTECTED_NAME) continue
      const word = wordOf[index] as number
      if (as === WORD) {
        hits.push(this.#hitAt(field, original, end - automaton.lengthOf(index), end, word, false))
        continue
      }
      const nameStart = wordStart[word] as number
      const nameLength = (wordStart[word + 1] as number) - nameStart
      const start = end - (back[index] as number)
      if (!isNearMissIn(units, length, start, words, nameStart, nameLength)) continue
      const written = String.fromCharCode(...units.subarray(start, start + nameLength))
      if (this.#listed.has(written)) continue
      hits.push(this.#hitAt(field, original, start, start + nameLength, word, true))
    }
    return hits.sort((a, b) => a.start - b.start || a.end - b.end)
  }

  #hitAt(
    field: string,
    original: string,
    start: number,
    end: number,
    word: number,
    isNearMiss: boolean,
  ): WordingHit {
    const entry = this.#entries[word] as WordEntry
    const [from, to] = foldedRange(original, folded.starts, start, end)
    return {
      field,
      start: from,
      end: to,
      found: original.slice(from, to),
      word: entry.word,
      kind: entry.kind,
      level: entry.level,
      // A near-miss suggests the name itself unless the list says otherwise.
      suggestion: entry.suggestion ?? (isNearMiss ? entry.word : null),
      isNearMiss,
    }
  }
}

// The folded text and the automaton's matches of the text being checked, kept between checks
// (a check runs start to end without yielding, so one of each serves every matcher).
const folded: FoldedUnits = { units: new Uint16Array(1024), starts: new Int32Array(1024), length: 0 }
const matches = new Matches()
