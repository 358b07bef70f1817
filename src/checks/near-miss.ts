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
  const those = readingsOf(b)
  return readingsOf(a).some((reading) => those.includes(reading))
}

/**
 * Names this long are flagged for any one character off, shorter ones only for a character
 * that sounds alike: two or three characters with one changed are mostly other words.
 */
export const ANY_CHARACTER_FROM = 6

const IDEOGRAPH = /^\p{Script=Han}$/u

/**
 * Whether `window` is `name` written one character off, as a typing slip would (同音错字, or
 * any one character in a long name). Only a Chinese character in place of a Chinese character
 * counts: `国务院办公厅2` is no slip of `国务院办公厅`.
 */
export function isNearMiss(window: string, name: string): boolean {
  if (window.length !== name.length || window === name) return false
  let at = -1
  for (let i = 0; i < name.length; i++) {
    if (window[i] === name[i]) continue
    if (at !== -1) return false
    at = i
  }
  const written = window[at] as string
  const meant = name[at] as string
  if (!IDEOGRAPH.test(written) || !IDEOGRAPH.test(meant)) return false
  return name.length >= ANY_CHARACTER_FROM || soundsAlike(written, meant)
}
