import { foldText } from './search-tokens.ts'

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

/** About `length` characters of a body around its first match, plain and highlighted. */
export function snippetOf(text: string, words: readonly string[], length = 120): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim()
  const first = matchRanges(flat, words)[0]
  const chars = [...flat]
  let start = 0
  if (first) {
    const before = [...flat.slice(0, first[0])].length
    start = Math.max(0, before - Math.floor(length / 4))
  }
  const piece = chars.slice(start, start + length).join('')
  const prefix = start > 0 ? '…' : ''
  const suffix = start + length < chars.length ? '…' : ''
  return { text: `${prefix}${piece}${suffix}`, html: `${prefix}${highlightText(piece, words)}${suffix}` }
}

/** The [start, end) ranges of the text (UTF-16 offsets) where a word stands, merged, in order. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  // The folded text, and for each of its UTF-16 units the span of the character it came from.
  let folded = ''
  const from: number[] = []
  const to: number[] = []
  let offset = 0
  for (const char of text) {
    const piece = foldText(char)
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
