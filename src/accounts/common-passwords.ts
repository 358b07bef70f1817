import { readFile } from 'node:fs/promises'

/**
 * Whether a password is common: in a list of common passwords, or one of them dressed up the
 * way people dress them up (a capital, a year, `@123`, `!`, leet), or built from what
 * guessers try first: keyboard walks (`1qaz@WSX`, `qwer1234`), love phrases and numbers
 * (`woaini1314520`), a pinyin name with a year (`zhangwei1990`), one character repeated.
 * The rules aim at those families and no further: a random passphrase passes.
 *
 * @example await isCommonPassword('Admin@123') // true
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const lower = password.normalize('NFKC').toLowerCase()
  const list = await commonPasswords()
  if (list.has(lower) || deLeet(lower).some((variant) => list.has(variant))) return true
  if (isKeyboardWalk(lower)) return true
  const { core, head, tail } = stripDecorations(lower)
  const digits = digitsOf(head) + digitsOf(tail)
  // `Aa123456`, `Abc@1234`, `5201314!`: at most a few letters around a run, a year or a love
  // number. Without 4 such digits, a short core is just a random short password's letters.
  const numbersPredictable =
    digits.length >= 4 && isPredictableDigits(digitsOf(head)) && isPredictableDigits(digitsOf(tail))
  if (core === '') return numbersPredictable
  if (/^\p{L}{1,3}$/u.test(core) && numbersPredictable) return true
  for (const candidate of [core, ...deLeet(core)]) {
    // Three letters (`abc`, `sun`) with random digits are not in any family of the issue.
    if ([...candidate].length >= 4 && list.has(candidate)) return true
    if (isRepetition(candidate) || isKeyboardWalk(candidate) || isPinyinName(candidate)) return true
    if (isLovePhrase(candidate, list)) return true
  }
  return false
}

/** The leading and trailing digits and symbols, and what they surround. */
function stripDecorations(lower: string): { core: string; head: string; tail: string } {
  const head = /^[^\p{L}]*/u.exec(lower)?.[0] ?? ''
  const rest = lower.slice(head.length)
  const tail = /[^\p{L}]*$/u.exec(rest)?.[0] ?? ''
  return { core: rest.slice(0, rest.length - tail.length), head, tail }
}

const digitsOf = (text: string) => text.replace(/\D/g, '')

const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '!': 'i',
}

/** `p@ssw0rd` → `password`; `1` is tried as both `i` and `l`. Nothing when nothing changes. */
function deLeet(text: string): string[] {
  if (!/[@4035$7+!1]/.test(text)) return []
  const base = [...text].map((char) => LEET[char] ?? char).join('')
  return [...new Set([base.replaceAll('1', 'i'), base.replaceAll('1', 'l')])].filter((v) => v !== text)
}

// One unit (up to 3 characters) over and over: `aaaaaaaaaaaa`, `abcabcabc`, `1212`.
function isRepetition(text: string): boolean {
  return [...text].length >= 4 && /^(.{1,3}?)\1+$/su.test(text)
}

/** Digits people pick: runs, repeats, years, dates, love numbers, and those repeated. */
function isPredictableDigits(digits: string): boolean {
  if (digits === '') return true
  if (/^(\d{1,4})\1+$/.test(digits)) return true
  // Split into predictable pieces from the left: reachable[i] says digits.slice(0, i) splits.
  const reachable = [true, ...Array<boolean>(digits.length).fill(false)]
  for (let start = 0; start < digits.length; start++) {
    if (!reachable[start]) continue
    for (let end = start + 2; end <= digits.length; end++) {
      if (isDigitPiece(digits.slice(start, end))) reachable[end] = true
    }
  }
  return reachable[digits.length] === true
}

const LOVE_NUMBERS = new Set(['520', '521', '1314', '5201314', '1314520', '5211314', '3344', '1314521'])

function isDigitPiece(piece: string): boolean {
  if (LOVE_NUMBERS.has(piece)) return true
  if (/^(19|20)\d\d$/.test(piece)) return true // a year
  if (/^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(piece)) return true // a birthday, mmdd
  if (/^(\d)\1+$/.test(piece)) return true // 00, 888
  if (piece.length < 3) return false
  const steps = [...piece].slice(1).map((digit, i) => (Number(digit) - Number(piece[i]) + 10) % 10)
  return steps.every((step) => step === 1) || steps.every((step) => step === 9) // 123, 7890, 321
}

// Keyboard lines: rows, columns (`1qaz`), zigzags (`1q2w3e`), the keypad's lines (`147258369`)
// and the same backwards. A walk
// is text made wholly of pieces of at least 3 keys along them; shifted digits count as digits.
const KEY_LINES = (() => {
  const rows = ['1234567890-=', 'qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,./']
  const columns = ['1qaz', '2wsx', '3edc', '4rfv', '5tgb', '6yhn', '7ujm', '8ik,', '9ol.', '0p;/']
  const zigzags = [
    '1q2w3e4r5t6y7u8i9o0p',
    'q1w2e3r4t5y6u7i8o9p0',
    'qawsedrftgyhujikolp',
    'azsxdcfvgbhnjmk,l.',
  ]
  const keypad = ['789456123', '147', '258', '369', '159', '357']
  const lines = [...rows, ...columns, ...zigzags, ...keypad, columns.join('')]
  return [...lines, ...lines.map((line) => [...line].reverse().join(''))]
})()
const SHIFTED = '!@#$%^&*()_+'
const UNSHIFTED = '1234567890-='

function isKeyboardWalk(text: string): boolean {
  const keys = [...text].map((char) => UNSHIFTED[SHIFTED.indexOf(char)] ?? char).join('')
  if (keys.length < 4) return false
  const reachable = [true, ...Array<boolean>(keys.length).fill(false)]
  for (let start = 0; start < keys.length; start++) {
    if (!reachable[start]) continue
    for (let end = start + 3; end <= keys.length; end++) {
      const piece = keys.slice(start, end)
      if (KEY_LINES.some((line) => line.includes(piece))) reachable[end] = true
    }
  }
  return reachable[keys.length] === true
}

// The most common surnames (over half of China's population), in pinyin.
const SURNAMES =
  'wang|li|zhang|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|gao|lin|luo|zheng|liang|xie|song|tang|han|feng|deng|cao|peng|zeng|xiao|tian|dong|pan|yuan|cai|jiang|yu|du|ye|cheng|wei|su|lv|ding|shen|ren|yao|lu|cui|zhong|tan|fan|jin|shi|jia|xia|fu|fang|zou|xiong|bai|meng|qin|qiu|hou|yin|xue|yan|duan|lei|long|shao'
const SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|ve|er|a|o|e|i|u|v)'
const PINYIN_NAME = new RegExp(`^(?:${SURNAMES})(?:${SYLLABLE}){1,2}$`)

/** `zhangwei`, `lixiaoming`: a common surname and one or two syllables. */
function isPinyinName(text: string): boolean {
  return PINYIN_NAME.test(text)
}

const LOVE_WORDS = /woaini|iloveyou|aini|woai/

/** `woaini1314520`, `Woainimama!`, `iloveyou@zhangwei`: a love phrase and little else. */
function isLovePhrase(text: string, list: ReadonlySet<string>): boolean {
  if (!LOVE_WORDS.test(text)) return false
  const rest = text.replace(new RegExp(LOVE_WORDS, 'g'), '').replace(/[^\p{L}]/gu, '')
  return [...rest].length <= 3 || list.has(rest) || isPinyinName(rest)
}

let commonPasswordSet: Promise<ReadonlySet<string>> | undefined

// ~49,000 lower-case passwords (about 1 MB) and our Chinese list: loaded at the first check,
// not at start-up.
function commonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswordSet ??= Promise.all([
    import('@zxcvbn-ts/language-common'),
    readFile(new URL('./common-passwords-zh.txt', import.meta.url), 'utf8'),
  ]).then(
    ([{ dictionary }, chinese]) =>
      new Set([
        ...dictionary['passwords-common'],
        ...chinese
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('#')),
      ]),
    (error: unknown) => {
      commonPasswordSet = undefined // try again next time rather than remember the failure
      throw error
    },
  )
  return commonPasswordSet
}
