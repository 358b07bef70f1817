import type { CheckedText, WordingHit } from '../content/index.ts'
import { AhoCorasick } from './aho-corasick.ts'
import { isNearMissAt } from './near-miss.ts'
import { type NormalizedText, normalizeText, originalRange } from './normalize-text.ts'
import type { WordEntry } from './wording-entry.ts'

/**
 * What a pattern of the automaton stands for: a listed word, or one half of a protected name.
 * A name written one character off still holds one of its halves exactly, so the halves find
 * every candidate in the same linear pass; each is then compared with the name.
 */
interface Pattern {
  readonly entry: WordEntry
  readonly normal: string
  readonly role: 'word' | 'left' | 'right'
  /** What the automaton looks for: the word, or the half. */
  readonly text: string
}

/**
 * A site's lists compiled once (Aho–Corasick over folded text, aho-corasick.ts) and matched against any
 * number of texts, each folded first (normalizeText) and each hit mapped back to the original.
 */
export class WordMatcher {
  readonly #automaton: AhoCorasick | null
  readonly #patterns: readonly Pattern[]
  /** Every listed word as folded: a near-miss that is itself a listed word is no slip. */
  readonly #listed: ReadonlySet<string>

  constructor(entries: readonly WordEntry[]) {
    const patterns: Pattern[] = []
    const listed = new Set<string>()
    for (const entry of entries) {
      const normal = normalizeText(entry.word).text
      if (normal.length === 0 || listed.has(normal)) continue
      listed.add(normal)
      patterns.push({ entry, normal, role: 'word', text: normal })
      if (entry.kind === 'protected' && normal.length >= 2) {
        const half = Math.floor(normal.length / 2)
        patterns.push({ entry, normal, role: 'left', text: normal.slice(0, half) })
        patterns.push({ entry, normal, role: 'right', text: normal.slice(half) })
      }
    }
    this.#automaton = patterns.length > 0 ? new AhoCorasick(patterns.map((pattern) => pattern.text)) : null
    this.#patterns = patterns
    this.#listed = listed
  }

  /** Every hit in the texts, in order of field and place. */
  find(texts: readonly CheckedText[]): WordingHit[] {
    return texts.flatMap((entry) => this.#findIn(entry.field, entry.text))
  }

  #findIn(field: string, original: string): WordingHit[] {
    if (!this.#automaton || original.length === 0) return []
    const normal = normalizeText(original)
    const hits: WordingHit[] = []
    const seen = new Set<string>()
    const add = (start: number, end: number, entry: WordEntry, isNearMiss: boolean, word: string) => {
      const key = `${start}:${end}:${word}`
      if (seen.has(key)) return
      seen.add(key)
      hits.push(hitAt(normal, original, field, start, end, entry, isNearMiss))
    }
    this.#automaton.search(normal.text, (index, matchStart, matchEnd) => {
      const pattern = this.#patterns[index] as Pattern
      if (pattern.role === 'word') {
        // A protected name written right is what the list protects, not a hit.
        if (pattern.entry.kind !== 'protected')
          add(matchStart, matchEnd, pattern.entry, false, pattern.normal)
        return
      }
      const start = pattern.role === 'left' ? matchStart : matchEnd - pattern.normal.length
      const end = start + pattern.normal.length
      if (!isNearMissAt(normal.text, start, pattern.normal)) return
      if (this.#listed.has(normal.text.slice(start, end))) return
      add(start, end, pattern.entry, true, pattern.normal)
    })
    return hits.sort((a, b) => a.start - b.start || a.end - b.end)
  }
}

function hitAt(
  normal: NormalizedText,
  original: string,
  field: string,
  start: number,
  end: number,
  entry: WordEntry,
  isNearMiss: boolean,
): WordingHit {
  const [from, to] = originalRange(normal, start, end)
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
