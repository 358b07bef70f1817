import { pinyin } from 'pinyin-pro'

const readings = new Map<string, readonly string[]>()

/** The toneless readings of one character (several for 多音字), cached. */
function readingsOf(char: string): readonly string[] {
  let found = readings.get(char)
  if (!found) {
    found = pinyin(char, { toneType: 'none', multiple: true, type: 'array' })
    readings.set(char, found)
  }
  return found
}

/** Whether two characters can be read alike (同音): 听 and 厅, 直 and 值. */
export function soundsAlike(a: string, b: string): boolean {
  if (a.length === 1 && b.length === 1) return unitsSoundAlike(a.charCodeAt(0), b.charCodeAt(0))
  const those = readingsOf(b)
  return readingsOf(a).some((reading) => those.includes(reading))
}

// The check runs for every place a protected name's half is found (a sixth of all characters
// of a body, for a list with many two-character names), so comparing two BMP characters must
// not look readings up nor make strings: each reading gets a number, and each unit the number
// of its one reading, or (negative) the place of its several readings' numbers.
const readingIds = new Map<string, number>()
const unitReading = new Int32Array(0x10000)
const severalReadings: (readonly number[])[] = [[]]

function readingIdOf(reading: string): number {
  let id = readingIds.get(reading)
  if (id === undefined) {
    id = readingIds.size + 1
    readingIds.set(reading, id)
  }
  return id
}

/** unitReading's entry for a unit, computed once. */
function unitReadingOf(unit: number): number {
  const known = unitReading[unit] as number
  if (known !== 0) return known
  const ids = readingsOf(String.fromCharCode(unit)).map(readingIdOf)
  let entry: number
  if (ids.length === 1) entry = ids[0] as number
  else {
    entry = -severalReadings.length
    severalReadings.push(ids)
  }
  unitReading[unit] = entry
  return entry
}

function unitsSoundAlike(a: number, b: number): boolean {
  const readingA = unitReadingOf(a)
  const readingB = unitReadingOf(b)
  if (readingA > 0 && readingB > 0) return readingA === readingB
  const those = readingB > 0 ? [readingB] : (severalReadings[-readingB] as readonly number[])
  const these = readingA > 0 ? [readingA] : (severalReadings[-readingA] as readonly number[])
  return these.some((id) => those.includes(id))
}

/**
 * Names this long are flagged for any one character off, shorter ones only for a character
 * that sounds alike: two or three characters with one changed are mostly other words.
 */
export const ANY_CHARACTER_FROM = 6

const IDEOGRAPH = /^\p{Script=Han}$/u
/** Per BMP unit outside the common block: 0 not yet known, 1 an ideograph, 2 not. */
const isHanUnit = new Uint8Array(0x10000)

/** The code point at `at` of units that end at `end` (String.prototype.codePointAt for buffers). */
function codePointIn(units: Uint16Array, at: number, end: number): number {
  const unit = units[at] as number
  if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < end) {
    const low = units[at + 1] as number
    if (low >= 0xdc00 && low <= 0xdfff) return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
  }
  return unit
}

/** A Chinese character: the common block by range, the rest (extensions, pairs) by script. */
function isIdeographIn(units: Uint16Array, at: number, end: number): boolean {
  const unit = units[at] as number
  if (unit >= 0x4e00 && unit <= 0x9fff) return true
  const codePoint = codePointIn(units, at, end)
  if (codePoint > 0xffff) return IDEOGRAPH.test(String.fromCodePoint(codePoint))
  if (isHanUnit[unit] === 0) isHanUnit[unit] = IDEOGRAPH.test(String.fromCharCode(unit)) ? 1 : 2
  return isHanUnit[unit] === 1
}

/**
 * Whether `window` is `name` written one character off, as a typing slip would (同音错字, or
 * any one character in a long name). Only a Chinese character in place of a Chinese character
 * counts: `国务院办公厅2` is no slip of `国务院办公厅`.
 */
export function isNearMiss(window: string, name: string): boolean {
  if (window.length !== name.length) return false
  const units = unitsOf(window)
  return isNearMissIn(units, units.length, 0, unitsOf(name), 0, name.length)
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i)
  return units
}

/**
 * isNearMiss for folded units in buffers, as the wording check calls it once per place a half of
 * a protected name is found: whether `units[start, start + nameLength)` (of units that end at
 * `length`) is the name at `names[nameStart, nameStart + nameLength)` written one character off.
 */
export function isNearMissIn(
  units: Uint16Array,
  length: number,
  start: number,
  names: Uint16Array,
  nameStart: number,
  nameLength: number,
): boolean {
  if (start < 0 || start + nameLength > length) return false
  let at = -1
  for (let i = 0; i < nameLength; i++) {
    if (units[start + i] === names[nameStart + i]) continue
    if (at !== -1) return false
    at = i
  }
  if (at === -1) return false
  const nameEnd = nameStart + nameLength
  if (!isIdeographIn(units, start + at, length) || !isIdeographIn(names, nameStart + at, nameEnd))
    return false
  if (nameLength >= ANY_CHARACTER_FROM) return true
  const written = units[start + at] as number
  const meant = names[nameStart + at] as number
  // A character outside the BMP (rare): compare the code points' readings, uncached.
  if (written >= 0xd800 || meant >= 0xd800)
    return soundsAlike(
      String.fromCodePoint(codePointIn(units, start + at, length)),
      String.fromCodePoint(codePointIn(names, nameStart + at, nameEnd)),
    )
  return unitsSoundAlike(written, meant)
}
