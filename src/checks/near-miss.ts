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

// Pairs already compared, keyed by both units: the check runs for every place a protected
// name's half is found, so it must not look readings up (nor make strings) each time.
const alike = new Map<number, boolean>()

/** Whether two characters can be read alike (同音): 听 and 厅, 直 and 值. */
export function soundsAlike(a: string, b: string): boolean {
  if (a.length === 1 && b.length === 1) return unitsSoundAlike(a.charCodeAt(0), b.charCodeAt(0))
  const those = readingsOf(b)
  return readingsOf(a).some((reading) => those.includes(reading))
}

function unitsSoundAlike(a: number, b: number): boolean {
  const key = a * 0x10000 + b
  let answer = alike.get(key)
  if (answer === undefined) {
    const those = readingsOf(String.fromCharCode(b))
    answer = readingsOf(String.fromCharCode(a)).some((reading) => those.includes(reading))
    if (alike.size < 1_000_000) alike.set(key, answer)
  }
  return answer
}

/**
 * Names this long are flagged for any one character off, shorter ones only for a character
 * that sounds alike: two or three characters with one changed are mostly other words.
 */
export const ANY_CHARACTER_FROM = 6

const IDEOGRAPH = /^\p{Script=Han}$/u

/** A Chinese character: the common block by range, the rest (extensions, pairs) by script. */
function isIdeographAt(text: string, at: number): boolean {
  const unit = text.charCodeAt(at)
  if (unit >= 0x4e00 && unit <= 0x9fff) return true
  return IDEOGRAPH.test(String.fromCodePoint(text.codePointAt(at) as number))
}

/**
 * Whether `window` is `name` written one character off, as a typing slip would (同音错字, or
 * any one character in a long name). Only a Chinese character in place of a Chinese character
 * counts: `国务院办公厅2` is no slip of `国务院办公厅`.
 */
export function isNearMiss(window: string, name: string): boolean {
  return window.length === name.length && isNearMissAt(window, 0, name)
}

/** isNearMiss for the window of `text` at `start` as long as `name`, without slicing it out. */
export function isNearMissAt(text: string, start: number, name: string): boolean {
  if (start < 0 || start + name.length > text.length) return false
  let at = -1
  for (let i = 0; i < name.length; i++) {
    if (text.charCodeAt(start + i) === name.charCodeAt(i)) continue
    if (at !== -1) return false
    at = i
  }
  if (at === -1) return false
  if (!isIdeographAt(text, start + at) || !isIdeographAt(name, at)) return false
  if (name.length >= ANY_CHARACTER_FROM) return true
  const written = text.charCodeAt(start + at)
  const meant = name.charCodeAt(at)
  // A character outside the BMP (rare): compare the code points' readings, uncached.
  if (written >= 0xd800 || meant >= 0xd800)
    return soundsAlike(
      String.fromCodePoint(text.codePointAt(start + at) as number),
      String.fromCodePoint(name.codePointAt(at) as number),
    )
  return unitsSoundAlike(written, meant)
}
