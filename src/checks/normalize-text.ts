/**
 * Text as the wording lists are matched against it, with the way back to the original: each
 * UTF-16 unit `k` of `text` came from `original.slice(starts[k], ends[k])`.
 */
export interface NormalizedText {
  readonly text: string
  readonly starts: Int32Array
  readonly ends: Int32Array
}

// Letters, marks and numbers are kept; spaces, punctuation, symbols and invisible format
// characters (zero-width spaces, joiners) are what writers insert to slip past a list.
const KEPT = /[\p{L}\p{M}\p{N}]/u
const folded = new Map<number, string>()

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
  // Unit buffers rather than a string per character: a 1 MB body is folded in one pass.
  let units: Uint16Array = new Uint16Array(Math.max(16, original.length))
  let starts: Int32Array = new Int32Array(units.length)
  let ends: Int32Array = new Int32Array(units.length)
  let length = 0
  for (let index = 0; index < original.length; ) {
    const codePoint = original.codePointAt(index) as number
    const width = codePoint > 0xffff ? 2 : 1
    if (isFoldedAlready(codePoint)) {
      if (length === units.length) [units, starts, ends] = grow(units, starts, ends, 1)
      units[length] = codePoint >= 0x41 && codePoint <= 0x5a ? codePoint + 32 : codePoint
      starts[length] = index
      ends[length] = index + width
      length++
    } else {
      const out = fold(codePoint)
      if (length + out.length > units.length) [units, starts, ends] = grow(units, starts, ends, out.length)
      for (let k = 0; k < out.length; k++) {
        units[length] = out.charCodeAt(k)
        starts[length] = index
        ends[length] = index + width
        length++
      }
    }
    index += width
  }
  return {
    text: UTF16.decode(units.subarray(0, length)),
    starts: starts.subarray(0, length),
    ends: ends.subarray(0, length),
  }
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

function grow(
  units: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
  needed: number,
): [Uint16Array, Int32Array, Int32Array] {
  const size = units.length * 2 + needed
  const grownUnits = new Uint16Array(size)
  grownUnits.set(units)
  const grownStarts = new Int32Array(size)
  grownStarts.set(starts)
  const grownEnds = new Int32Array(size)
  grownEnds.set(ends)
  return [grownUnits, grownStarts, grownEnds]
}

/** The original range a range of the normalised text came from. */
export function originalRange(normal: NormalizedText, start: number, end: number): [number, number] {
  return [normal.starts[start] as number, normal.ends[end - 1] as number]
}
