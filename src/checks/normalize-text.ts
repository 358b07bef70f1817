/**
 * Text as the wording lists are matched against it, with the way back to the original: each
 * UTF-16 unit `k` of `text` came from the code point of `original` at `starts[k]`.
 */
export interface NormalizedText {
  readonly text: string
  readonly starts: Int32Array
  readonly original: string
}

/**
 * The same as units in buffers a caller keeps between texts: `units[k]` and `starts[k]` for
 * `k < length`. foldInto grows the arrays when a text needs more room.
 */
export interface FoldedUnits {
  units: Uint16Array
  starts: Int32Array
  length: number
}

// Letters, marks and numbers are kept; spaces, punctuation, symbols and invisible format
// characters (zero-width spaces, joiners) are what writers insert to slip past a list.
const KEPT = /[\p{L}\p{M}\p{N}]/u
const folded = new Map<number, string>()

/**
 * What each BMP unit folds to, filled as units are met: 0 not yet known, DROPPED, ONE | the
 * unit it folds to, or SEVERAL (look it up in `folded`). Punctuation and spaces, a few in
 * every sentence, are then answered by one read instead of a Map lookup.
 */
const bmpFold = new Int32Array(0x10000)
const DROPPED = 0x10000
const ONE = 0x20000
const SEVERAL = 0x40000

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

/** bmpFold's entry for a unit that is not a surrogate, computed once. */
function bmpFoldOf(unit: number): number {
  let known = bmpFold[unit] as number
  if (known === 0) {
    const out = fold(unit)
    known = out.length === 0 ? DROPPED : out.length === 1 ? ONE | out.charCodeAt(0) : SEVERAL
    // SEVERAL is looked up in `folded` again, so it must stay there (it does: the map fills
    // from the first units met and never drops one).
    if (known !== SEVERAL || folded.has(unit)) bmpFold[unit] = known
  }
  return known
}

/**
 * Folds `original` for matching: NFKC per code point (so ＡＢＣ, １２３ and 全角 forms read as
 * their half-width selves), lower case, with spaces, punctuation and symbols left out. Combining
 * sequences are folded one code point at a time, which is enough for Chinese text.
 *
 * @example normalizeText('台 湾，国').text === '台湾国'
 */
export function normalizeText(original: string): NormalizedText {
  const into: FoldedUnits = {
    units: new Uint16Array(original.length),
    starts: new Int32Array(original.length),
    length: 0,
  }
  foldInto(original, into)
  return {
    text: UTF16.decode(into.units.subarray(0, into.length)),
    starts: into.starts.subarray(0, into.length),
    original,
  }
}
const UTF16 = new TextDecoder('utf-16le')

/**
 * normalizeText into the caller's buffers, without making the folded string: the wording
 * check folds a body of a megabyte per save, and reusing the buffers spares it 6 MB of
 * allocation (and the garbage collection after) each time.
 */
export function foldInto(original: string, into: FoldedUnits): void {
  if (into.starts.length < original.length) {
    into.units = new Uint16Array(original.length)
    into.starts = new Int32Array(original.length)
  }
  let units = into.units
  let starts = into.starts
  let length = 0
  const end = original.length
  for (let index = 0; index < end; ) {
    const unit = original.charCodeAt(index)
    // CJK unified ideographs and ASCII letters and digits: the common case, no lookup.
    if (
      (unit >= 0x4e00 && unit <= 0x9fff) ||
      (unit >= 0x61 && unit <= 0x7a) ||
      (unit >= 0x30 && unit <= 0x39)
    ) {
      if (length === starts.length) [units, starts] = grow(units, starts, 1)
      units[length] = unit
      starts[length++] = index++
      continue
    }
    if (unit >= 0x41 && unit <= 0x5a) {
      if (length === starts.length) [units, starts] = grow(units, starts, 1)
      units[length] = unit + 32
      starts[length++] = index++
      continue
    }
    const isSurrogate = unit >= 0xd800 && unit <= 0xdfff
    const known = isSurrogate ? SEVERAL : bmpFoldOf(unit)
    if (known === DROPPED) {
      index++
      continue
    }
    if (known !== SEVERAL) {
      if (length === starts.length) [units, starts] = grow(units, starts, 1)
      units[length] = known & 0xffff
      starts[length++] = index++
      continue
    }
    const codePoint = isSurrogate ? (original.codePointAt(index) as number) : unit
    const out = fold(codePoint)
    if (length + out.length > starts.length) [units, starts] = grow(units, starts, out.length)
    for (let k = 0; k < out.length; k++) {
      units[length] = out.charCodeAt(k)
      starts[length++] = index
    }
    index += codePoint > 0xffff ? 2 : 1
  }
  into.units = units
  into.starts = starts
  into.length = length
}

function grow(units: Uint16Array, starts: Int32Array, needed: number): [Uint16Array, Int32Array] {
  const size = starts.length * 2 + needed
  const grownUnits = new Uint16Array(size)
  grownUnits.set(units)
  const grownStarts = new Int32Array(size)
  grownStarts.set(starts)
  return [grownUnits, grownStarts]
}

/** The original range a range of the normalised text came from. */
export function originalRange(normal: NormalizedText, start: number, end: number): [number, number] {
  return foldedRange(normal.original, normal.starts, start, end)
}

/** originalRange for folded units in buffers (foldInto). */
export function foldedRange(
  original: string,
  starts: Int32Array,
  start: number,
  end: number,
): [number, number] {
  const last = starts[end - 1] as number
  return [starts[start] as number, last + ((original.codePointAt(last) as number) > 0xffff ? 2 : 1)]
}

/** Where the code point that folded unit `k` came from ends in the original. */
export function unitEnd(normal: NormalizedText, k: number): number {
  const start = normal.starts[k] as number
  return start + ((normal.original.codePointAt(start) as number) > 0xffff ? 2 : 1)
}
