import { randomInt } from 'node:crypto'
import { MAX_PASSWORD_LENGTH, type PasswordPolicy } from './password-policy.ts'

// No look-alikes (0 O o, 1 l I) and no symbols that are hard to read aloud or to type in a
// shell (quotes, backslash, backtick, |, space): these passwords are read off a screen.
const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!#$%&*+-=?@^_'] as const
const ALL = CLASSES.join('')
const MIN_GENERATED_LENGTH = 16

/**
 * A random one-time password that `checkPassword` accepts under `policy`: at least 16
 * characters, all four classes, from crypto.randomInt. Pass `userName` to keep it out.
 *
 * @example generatePassword(passwordPolicy('dengbao')) // 'q7#Hx9mT_kR2$wPe'
 */
export function generatePassword(
  policy: PasswordPolicy,
  { userName = '' }: { readonly userName?: string } = {},
): string {
  const length = Math.min(MAX_PASSWORD_LENGTH, Math.max(MIN_GENERATED_LENGTH, policy.minLength))
  const name = userName.normalize('NFKC').toLowerCase()
  for (;;) {
    const chars = CLASSES.map(pick)
    while (chars.length < length) chars.push(pick(ALL))
    shuffle(chars)
    const password = chars.join('')
    // A 3-letter name turns up about once in 3,000 draws: then simply draw again.
    if ([...name].length < 3 || !password.toLowerCase().includes(name)) return password
  }
}

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length))
}

// Fisher–Yates, so the characters guaranteed from each class do not sit at the start.
function shuffle(chars: string[]): void {
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j] as string, chars[i] as string]
  }
}
