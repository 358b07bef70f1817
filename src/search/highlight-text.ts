import { foldChar, foldText } from './search-tokens.ts'

/**
 * Marks a query's words in a text, as HTML: the text escaped, each match in `<mark>`. Words are
 * found in the folded text (NFKC, lower case), as the index found them, and marked where they
 * stand in the text as written: `ＣＯＶＩＤ` is marked for `covid`.
 */
export function highlightText(text: string, words: readonly string[]): string {
  const ranges = matchRanges(text, words)
  let html = ''
  let at = 0
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

export interface Snippet {
  readonly text: string
  readonly html: string
}

/**
 * About `length` characters of a body around its first match, plain and highlighted. The
 * match is looked for in the body folded (firstMatchAt); only the snippet is folded a
 * character at a time to place the marks (a whole body, so, took milliseconds a result).
 */
export function snippetOf(text: string, words: readonly string[], length = 120): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim()
  const near = firstMatchAt(flat, words)
  let start = Math.max(0, near - Math.floor(length / 4))
  let end = Math.min(flat.length, start + length)
  if (isLowSurrogate(flat.charCodeAt(start))) start++
  if (isLowSurrogate(flat.charCodeAt(end))) end++
  const piece = flat.slice(start, end)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < flat.length ? '…' : ''
  return { text: `${prefix}${piece}${suffix}`, html: `${prefix}${highlightText(piece, words)}${suffix}` }
}

/**
 * Where the first of the (folded) words stands in the text, as a place in the text; 0 when
 * none does. Bodies mostly hold a word as it is written, so its first plain occurrence bounds
 * where the first folded one can be, and only the text up to there is folded: folding whole
 * bodies (NFKC) was a sixth of a search's time. Without a plain occurrence, or when the folded
 * stretch holds none (a combining mark after the word), the whole text is folded as before.
 */
function firstMatchAt(flat: string, words: readonly string[]): number {
  let bound = -1
  let longest = 0
  for (const word of words) {
    if (!word) continue
    longest = Math.max(longest, word.length)
    const at = flat.indexOf(word)
    if (at !== -1 && (bound === -1 || at < bound)) bound = at
  }
  if (bound !== -1) {
    const found = firstFoldedAt(flat.slice(0, bound + longest), words)
    if (found !== -1) return found
  }
  return Math.max(0, firstFoldedAt(flat, words))
}

/** The first folded word's place in the text, scaled back where folding changed its length; -1: none. */
function firstFoldedAt(text: string, words: readonly string[]): number {
  const folded = foldText(text)
  let first = -1
  for (const word of words) {
    const at = word ? folded.indexOf(word) : -1
    if (at !== -1 && (first === -1 || at < first)) first = at
  }
  // Folding rarely changes a text's length; where it did, the place is scaled back.
  return first === -1 ? -1 : Math.round((first * text.length) / Math.max(1, folded.length))
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** The [start, end) ranges of the text (UTF-16 offsets) where a word stands, merged, in order. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  // The folded text, and for each of its UTF-16 units the span of the character it came from.
  let folded = ''
  const from: number[] = []
  const to: number[] = []
  let offset = 0
  for (const char of text) {
    const piece = foldChar(char)
    for (let i = 0; i < piece.length; i++) {
      from.push(offset)
      to.push(offset + char.length)
    }
    folded += piece
    offset += char.length
  }
  const found: [number, number][] = []
  for (const word of words) {
    if (!word) continue
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      found.push([from[at] as number, to[at + word.length - 1] as number])
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const range of found) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
