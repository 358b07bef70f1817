/**
 * Text as the wording lists are matched against it, with the way back to the original: each
 * UTF-16 unit `k` of `text` came from the code point of `original` at `starts[k]`.
 */
export interface NormalizedText {
  readonly text: string
  readonly starts: Int32Array
  readonly original: string
}

// Letters, marks and numbers are kept; spaces, punctuation, symbols and invisible format
// characters (zero-width spaces, joiners) are what writers insert to slip past a list.
const KEPT = /[\p{L}\p{M}\p{N}]/u
const folded = new Map<number, string>()
/** The folded units of the text being folded, reused by every call. */
let scratch: Uint16Array = new Uint16Array(1024)

/** One code point's NFKC form (full-width to half-width, compatibility ideographs), lower case, or '' if dropped. */
function fold(codePoint: number): string {
  let result = folded.get(codePoint)
  if (result === undefined) {
    const normal = String.fromCodePoint(codePoint).normalize('NFKC').toLowerCase()
    result = ''
    for (const char of normal) if (KEPT.test(char)) result += char
    if (folded.size < 65_536) folded.set(codePoint, result)
  }
  return result
}

/**
 * Folds `original` for matching: NFKC per code point (so ＡＢＣ, １２３ and 全角 forms read as
 * their half-width selves), lower case, with spaces, punctuation and symbols left out. Combining
 * sequences are folded one code point at a time, which is enough for Chinese text.
 *
 * @example normalizeText('台 湾，国').text === '台湾国'
 */
export function normalizeText(original: string): NormalizedText {
  // Units go to a buffer kept between calls and only the starts are the caller's: a 1 MB body
  // is folded in one pass with one allocation besides the folded string.
  if (scratch.length < original.length)
    scratch = new Uint16Array(Math.max(original.length, 2 * scratch.length))
  let units: Uint16Array = scratch
  let starts: Int32Array = new Int32Array(Math.max(16, original.length))
  let length = 0
  for (let index = 0; index < original.length; ) {
    const codePoint = original.codePointAt(index) as number
    const width = codePoint > 0xffff ? 2 : 1
    if (isFoldedAlready(codePoint)) {
      if (length === starts.length) [units, starts] = grow(units, starts, 1)
      units[length] = codePoint >= 0x41 && codePoint <= 0x5a ? codePoint + 32 : codePoint
      starts[length] = index
      length++
    } else {
      const out = fold(codePoint)
      if (length + out.length > starts.length) [units, starts] = grow(units, starts, out.length)
      for (let k = 0; k < out.length; k++) {
        units[length] = out.charCodeAt(k)
        starts[length] = index
        length++
      }
    }
    index += width
  }
  if (units.length > scratch.length) scratch = units
  return { text: UTF16.decode(units.subarray(0, length)), starts: starts.subarray(0, length), original }
}
const UTF16 = new TextDecoder('utf-16le')

/** CJK unified ideographs and ASCII letters and digits: the common case, folded without a lookup. */
function isFoldedAlready(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x61 && codePoint <= 0x7a) ||
    (codePoint >= 0x30 && codePoint <= 0x39) ||
    (codePoint >= 0x41 && codePoint <= 0x5a)
  )
}

function grow(units: Uint16Array, starts: Int32Array, needed: number): [Uint16Array, Int32Array] {
  const size = starts.length * 2 + needed
  let grownUnits = units
  if (units.length < size) {
    grownUnits = new Uint16Array(size)
    grownUnits.set(units)
  }
  const grownStarts = new Int32Array(size)
  grownStarts.set(starts)
  return [grownUnits, grownStarts]
}

/** The original range a range of the normalised text came from. */
export function originalRange(normal: NormalizedText, start: number, end: number): [number, number] {
  return [normal.starts[start] as number, unitEnd(normal, end - 1)]
}

/** Where the code point that folded unit `k` came from ends in the original. */
export function unitEnd(normal: NormalizedText, k: number): number {
  const start = normal.starts[k] as number
  return start + ((normal.original.codePointAt(start) as number) > 0xffff ? 2 : 1)
}
