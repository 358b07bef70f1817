import { ConfigError, ValidationError } from '../errors/index.ts'
import { isCommonPassword } from './common-passwords.ts'
import { verifyPassword } from './password-hash.ts'

/**
 * Which standard the password rules follow, since the two disagree:
 * - `dengbao` — 等保2.0 level 3 (GB/T 22239-2019 8.1.4.1): complexity and periodic change.
 * - `asvs` — OWASP ASVS 4/5 (V2.1, after NIST SP 800-63B): long passphrases, and no
 *   composition rules or forced expiry, which push users to predictable patterns like
 *   `Password1!`, `Password2!`.
 * Both refuse common passwords (common-passwords.ts): complexity alone lets `Admin@123` and
 * `1qaz@WSX` through, the first passwords any guesser tries.
 */
export type PasswordProfile = 'dengbao' | 'asvs'

export interface PasswordPolicy {
  readonly profile: PasswordProfile
  readonly minLength: number
  /** How many of upper-case, lower-case, digits, symbols a password needs (0–4). */
  readonly minClasses: number
  /** Days until a password must be changed; null for never. */
  readonly maxAgeDays: number | null
  /** How many of the latest passwords may not be used again; 0 for no rule. */
  readonly historySize: number
  readonly checksBreachedList: boolean
}

/** Both profiles: ASVS asks that at least 64 be allowed; longer only costs hashing time. */
export const MAX_PASSWORD_LENGTH = 128

const PROFILES: Readonly<Record<PasswordProfile, PasswordPolicy>> = {
  dengbao: {
    profile: 'dengbao',
    minLength: 8,
    minClasses: 3,
    maxAgeDays: 90,
    historySize: 5,
    checksBreachedList: true,
  },
  asvs: {
    profile: 'asvs',
    minLength: 12,
    minClasses: 0,
    maxAgeDays: null,
    historySize: 0,
    checksBreachedList: true,
  },
}

// The shortest user name worth looking for: shorter ones ('li', 'wu') occur by chance.
const MIN_USER_NAME_IN_PASSWORD = 3
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The rules of a profile, with some changed by configuration; checked once and frozen.
 *
 * @example passwordPolicy('dengbao', { maxAgeDays: 180 })
 */
export function passwordPolicy(
  profile: PasswordProfile = 'dengbao',
  overrides: Partial<Omit<PasswordPolicy, 'profile'>> = {},
): Readonly<PasswordPolicy> {
  if (!Object.hasOwn(PROFILES, profile)) {
    throw new ConfigError(
      'password.profile',
      `未知的密码策略「${profile}」，可选 dengbao、asvs`,
      `unknown password profile "${profile}"; use dengbao or asvs`,
    )
  }
  const policy = { ...PROFILES[profile], ...overrides, profile }
  assertInteger('password.minLength', policy.minLength, 1, MAX_PASSWORD_LENGTH)
  assertInteger('password.minClasses', policy.minClasses, 0, 4)
  assertInteger('password.historySize', policy.historySize, 0, 100)
  if (policy.maxAgeDays !== null) assertInteger('password.maxAgeDays', policy.maxAgeDays, 1, 3650)
  if (typeof policy.checksBreachedList !== 'boolean') {
    throw new ConfigError('password.checksBreachedList', '须为 true 或 false', 'must be true or false')
  }
  return Object.freeze(policy)
}

/**
 * Refuses a password the policy does not allow, with the reason, as
 * `ValidationError('password', …)`. Reuse and expiry need the stored hashes and dates:
 * see `isReused` and `isExpired`.
 */
export async function checkPassword(
  policy: PasswordPolicy,
  password: string,
  { userName }: { readonly userName: string },
): Promise<void> {
  // Judged as it will be hashed (see password-hash.ts): full-width `Ａ` is an upper-case A.
  const normalized = password.normalize('NFKC')
  if (/\p{Cc}/u.test(normalized) || !normalized.isWellFormed()) {
    refuse(
      '密码不能包含换行、制表符等控制字符或无效字符',
      'the password must not contain control characters (line breaks, tabs) or invalid characters',
    )
  }
  const length = [...normalized].length
  if (length > MAX_PASSWORD_LENGTH) {
    refuse(
      `密码最多 ${MAX_PASSWORD_LENGTH} 位`,
      `the password may have at most ${MAX_PASSWORD_LENGTH} characters`,
    )
  }
  if (length < policy.minLength) {
    refuse(`密码至少 ${policy.minLength} 位`, `the password needs at least ${policy.minLength} characters`)
  }
  if (containsUserName(normalized, userName)) {
    refuse('密码不能包含用户名', 'the password must not contain the user name')
  }
  if (countClasses(normalized) < policy.minClasses) {
    refuse(
      `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
      `the password needs at least ${policy.minClasses} of: upper-case, lower-case, digits, symbols`,
    )
  }
  if (policy.checksBreachedList && (await isCommonPassword(normalized))) {
    refuse(
      '该密码过于常见，容易被猜中：它在常见或泄露密码列表中，或由常见密码加数字、符号，键盘序列（如 1qaz、qwer），“woaini”“5201314”，拼音姓名加年份等组成',
      'this password is common and easily guessed: it is in a list of common or breached passwords, or built from one with digits or symbols, a keyboard walk (1qaz, qwer), “woaini”, “5201314”, or a pinyin name with a year',
    )
  }
}

/**
 * Whether `password` is one of the latest `historySize` passwords. `previousHashes` runs
 * newest first and includes the current password's hash; older ones are not looked at.
 */
export async function isReused(
  policy: PasswordPolicy,
  password: string,
  previousHashes: readonly string[],
): Promise<boolean> {
  const recent = previousHashes.slice(0, policy.historySize)
  const matches = await Promise.all(recent.map((stored) => verifyPassword(password, stored)))
  return matches.includes(true)
}

/** Whether a password set at `changedAt` (ISO 8601) must be changed before anything else. */
export function isExpired(policy: PasswordPolicy, changedAt: string, now: Date): boolean {
  if (policy.maxAgeDays === null) return false
  const changed = Date.parse(changedAt)
  // An unreadable date fails closed: a password change is asked for rather than skipped.
  if (Number.isNaN(changed)) return true
  return now.getTime() - changed >= policy.maxAgeDays * DAY_MS
}

/** The rules in one line each language, for the sign-in and change-password screens. */
export function describePolicy(policy: PasswordPolicy): { zh: string; en: string } {
  const zh = [`密码长度 ${policy.minLength}–${MAX_PASSWORD_LENGTH} 位`]
  const en = [`${policy.minLength}–${MAX_PASSWORD_LENGTH} characters`]
  if (policy.minClasses > 0) {
    zh.push(`须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`)
    en.push(`at least ${policy.minClasses} of: upper-case, lower-case, digits, symbols`)
  } else {
    zh.push('可使用空格和中文')
    en.push('spaces and Chinese welcome')
  }
  zh.push('不能包含用户名')
  en.push('not containing the user name')
  if (policy.checksBreachedList) {
    zh.push('不能是常见或已泄露的密码')
    en.push('not a common or breached password')
  }
  if (policy.historySize > 0) {
    zh.push(`不能与最近 ${policy.historySize} 次的密码相同`)
    en.push(`none of your last ${policy.historySize} passwords`)
  }
  if (policy.maxAgeDays !== null) {
    zh.push(`每 ${policy.maxAgeDays} 天须更换`)
    en.push(`change it every ${policy.maxAgeDays} days`)
  }
  return { zh: `${zh.join('，')}。`, en: `Password: ${en.join('; ')}.` }
}

function refuse(zh: string, en: string): never {
  throw new ValidationError('password', zh, en)
}

function containsUserName(normalized: string, userName: string): boolean {
  const name = userName.normalize('NFKC').toLowerCase()
  return [...name].length >= MIN_USER_NAME_IN_PASSWORD && normalized.toLowerCase().includes(name)
}

// 等保 names four classes; a Chinese character or a space is in none of the first three,
// so it counts as a symbol.
function countClasses(normalized: string): number {
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{Lu}\p{Ll}\p{Nd}]/u]
  return classes.filter((pattern) => pattern.test(normalized)).length
}

function assertInteger(key: string, value: unknown, min: number, max: number): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new ConfigError(
      key,
      `须为 ${min} 到 ${max} 之间的整数`,
      `must be a whole number from ${min} to ${max}`,
    )
  }
}
