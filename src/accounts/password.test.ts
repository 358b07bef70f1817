import { beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, ValidationError } from '../errors/index.ts'
import { generatePassword } from './generate-password.ts'
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './password-hash.ts'
import {
  checkPassword,
  describePolicy,
  isExpired,
  isReused,
  type PasswordPolicy,
  type PasswordProfile,
  passwordPolicy,
} from './password-policy.ts'

const dengbao = passwordPolicy('dengbao')
const COMMON = {
  zh: '密码：该密码过于常见，容易被猜中：它在常见或泄露密码列表中，或由常见密码加数字、符号，键盘序列（如 1qaz、qwer），“woaini”“5201314”，拼音姓名加年份等组成',
  en: 'password: this password is common and easily guessed: it is in a list of common or breached passwords, or built from one with digits or symbols, a keyboard walk (1qaz, qwer), “woaini”, “5201314”, or a pinyin name with a year',
}
const asvs = passwordPolicy('asvs')

/** The messages a user sees when `password` is refused, or null when it is accepted. */
async function refusal(policy: PasswordPolicy, password: string, userName = 'zhangsan') {
  try {
    await checkPassword(policy, password, { userName })
    return null
  } catch (error) {
    if (error instanceof ValidationError) return error.messages
    throw error
  }
}

describe('storing a password', () => {
  let stored: string
  beforeAll(async () => {
    stored = await hashPassword('Pass123!')
  })

  it('keeps a self-describing scrypt hash that verifies the password and refuses a wrong one', async () => {
    expect(stored).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(await verifyPassword('Pass123!', stored)).toBe(true)
    expect(await verifyPassword('Pass123?', stored)).toBe(false)
  })

  it('gives a different hash each time for one password, since each has its own salt', async () => {
    expect(await hashPassword('Pass123!')).not.toBe(stored)
  })

  it('accepts the password typed in full-width on a Chinese IME', async () => {
    expect(await verifyPassword('Ｐａｓｓ１２３！', stored)).toBe(true)
  })

  it('answers false, without an error, for a malformed stored value', async () => {
    const [, params, salt, hash] = stored.split('$')
    const malformed = [
      '',
      'Pass123!',
      '$2b$10$abcdefghijklmnopqrstuuKkSPVhEf0I5c0A1W0ZsZEZ1rQqvgJG2',
      `scrypt$${params}$${salt}`,
      `scrypt$${params}$$${hash}`,
      `scrypt$${params}$${salt}$${hash}$`,
      `scrypt$ln=15,r=8$${salt}$${hash}`,
      `scrypt$ln=40,r=8,p=1$${salt}$${hash}`, // would ask for terabytes
      `scrypt$${params}$${salt}$AAAA`,
      `scrypt$${params}$${salt}$${hash}!`,
    ]
    for (const value of malformed) expect(await verifyPassword('Pass123!', value)).toBe(false)
  })

  it('asks for a rehash only of a hash made with weaker settings', () => {
    expect(needsRehash(stored)).toBe(false)
    expect(needsRehash(stored.replace('ln=15', 'ln=14'))).toBe(true)
    expect(needsRehash(stored.replace('r=8', 'r=4'))).toBe(true)
    expect(needsRehash('not a hash')).toBe(true)
  })

  it('answers no for an unknown user name, whatever password is tried', async () => {
    expect(await verifyAgainstNothing('')).toBe(false)
    expect(await verifyAgainstNothing('Pass123!')).toBe(false)
  })
})

describe('the 等保2.0 profile', () => {
  it('is the default, with 90-day expiry and a history of 5', () => {
    expect(passwordPolicy()).toEqual({
      profile: 'dengbao',
      minLength: 8,
      minClasses: 3,
      maxAgeDays: 90,
      historySize: 5,
      checksBreachedList: true,
    })
  })

  it('accepts 8 characters from 3 classes', async () => {
    expect(await refusal(dengbao, 'Hbcdefg1')).toBeNull()
    expect(await refusal(dengbao, 'abc def1')).toBeNull() // a space is a symbol
  })

  it('refuses 7 characters', async () => {
    expect(await refusal(dengbao, 'Abcde1!')).toEqual({
      zh: '密码：密码至少 8 位',
      en: 'password: the password needs at least 8 characters',
    })
  })

  it('refuses a password from only 2 classes', async () => {
    expect(await refusal(dengbao, 'abcdefgh1')).toEqual({
      zh: '密码：密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
      en: 'password: the password needs at least 3 of: upper-case, lower-case, digits, symbols',
    })
  })

  it('refuses the common passwords that pass its complexity rules, saying why', async () => {
    const issue = ['Admin@123', '1qaz@WSX', 'P@ssw0rd', 'Aa123456', 'Abc@1234']
    const family = ['Root@2024', 'Passw0rd!', 'Qwer!234', '!QAZ2wsx', 'Woaini@1314', 'Zhangwei1990!']
    for (const password of [...issue, ...family, 'Wangfang@0618', 'Lixiaoming#88', 'Asdf1234!']) {
      expect(await refusal(dengbao, password), password).toEqual(COMMON)
    }
  })

  it('still accepts passwords that only look a little like the common ones', async () => {
    for (const password of ['Jiliang#2026', 'Fabu#2026pass', 'Xy#83729104', 'Qzwv!8315', 'Sun#84920173']) {
      expect(await refusal(dengbao, password), password).toBeNull()
    }
  })

  it('refuses any of the last 5 passwords and allows the 6th-last again', async () => {
    const passwords = ['Newest-1', 'Second-2', 'Third-3', 'Fourth-4', 'Fifth-5', 'Sixth-6']
    const newestFirst = await Promise.all(passwords.map(hashPassword))
    expect(await isReused(dengbao, 'Fifth-5', newestFirst)).toBe(true)
    expect(await isReused(dengbao, 'Sixth-6', newestFirst)).toBe(false)
  })

  it('expires a password 90 days after it was set', () => {
    const changedAt = '2026-01-01T00:00:00.000Z'
    expect(isExpired(dengbao, changedAt, new Date('2026-03-31T23:59:59Z'))).toBe(false)
    expect(isExpired(dengbao, changedAt, new Date('2026-04-01T00:00:00Z'))).toBe(true)
    expect(isExpired(dengbao, 'not a date', new Date('2026-01-02T00:00:00Z'))).toBe(true)
  })

  it('tells the user its rules in one line', () => {
    expect(describePolicy(dengbao)).toEqual({
      zh: '密码长度 8–128 位，须包含大写字母、小写字母、数字、符号中的至少 3 类，不能包含用户名，不能是常见或已泄露的密码，不能与最近 5 次的密码相同，每 90 天须更换。',
      en: 'Password: 8–128 characters; at least 3 of: upper-case, lower-case, digits, symbols; not containing the user name; not a common or breached password; none of your last 5 passwords; change it every 90 days.',
    })
  })
})

describe('the OWASP ASVS profile', () => {
  it('accepts a 12-character passphrase with no composition rules', async () => {
    expect(await refusal(asvs, 'horse staple')).toBeNull()
    expect(await refusal(asvs, 'correct horse battery staple')).toBeNull()
  })

  it('accepts a 12-character Chinese passphrase', async () => {
    expect(await refusal(asvs, '我家门前有两棵树一棵是枣')).toBeNull()
  })

  it('refuses 11 characters', async () => {
    expect(await refusal(asvs, '我家门前有两棵树一棵是')).toEqual({
      zh: '密码：密码至少 12 位',
      en: 'password: the password needs at least 12 characters',
    })
  })

  it('refuses a common or breached password, whatever its case', async () => {
    for (const password of ['qwerty123456', 'QWERTY123456', 'Password1234', '1qaz2wsx3edc']) {
      expect(await refusal(asvs, password), password).toEqual(COMMON)
    }
  })

  it('refuses the long common passwords of the issue and their family, Chinese ones too', async () => {
    const issue = ['aaaaaaaaaaaa', 'woaini1314520', 'Password123!']
    const family = ['woaini5201314', 'Woainimama520', 'zhangwei1990!', 'lixiaoming2008', 'Admin@123456']
    for (const password of [
      ...issue,
      ...family,
      'qwertyuiop12',
      '1q2w3e4r5t6y',
      'abcabcabcabc',
      '147258369147',
    ]) {
      expect(await refusal(asvs, password), password).toEqual(COMMON)
    }
  })

  it('still accepts a decent passphrase, in pinyin, English or Chinese', async () => {
    for (const password of [
      'correct horse battery staple',
      'shan gao shui chang 2031',
      'blue tractor nine 47',
    ]) {
      expect(await refusal(asvs, password), password).toBeNull()
    }
  })

  it('never expires a password and allows an old one again', async () => {
    expect(isExpired(asvs, '2000-01-01T00:00:00.000Z', new Date('2026-01-01T00:00:00Z'))).toBe(false)
    // No hash is even looked at: this one could not be verified.
    expect(await isReused(asvs, 'Pass123!', ['scrypt$not-checked'])).toBe(false)
  })

  it('tells the user its rules in one line', () => {
    expect(describePolicy(asvs).zh).toBe(
      '密码长度 12–128 位，可使用空格和中文，不能包含用户名，不能是常见或已泄露的密码。',
    )
  })
})

for (const profile of ['dengbao', 'asvs'] as const satisfies readonly PasswordProfile[]) {
  describe(`both profiles: ${profile}`, () => {
    const policy = passwordPolicy(profile)
    const good = 'Xy7#kq9Lm2$pZr'

    it('refuses a password containing the user name, in any case', async () => {
      expect(await refusal(policy, good)).toBeNull()
      expect(await refusal(policy, `ZhangSan${good}`, 'zhangsan')).toEqual({
        zh: '密码：密码不能包含用户名',
        en: 'password: the password must not contain the user name',
      })
    })

    it('ignores a user name shorter than 3 characters', async () => {
      expect(await refusal(policy, `li${good}`, 'li')).toBeNull()
    })

    it('accepts 128 characters and refuses 129', async () => {
      expect(await refusal(policy, good + 'a'.repeat(128 - good.length))).toBeNull()
      expect((await refusal(policy, good + 'a'.repeat(129 - good.length)))?.zh).toBe('密码：密码最多 128 位')
    })

    it('refuses control characters such as tabs and line breaks', async () => {
      for (const password of [`${good}\t`, `${good}\n`, `${good}\u0000`]) {
        expect((await refusal(policy, password))?.en).toMatch(/must not contain control characters/)
      }
    })

    it('accepts 50 generated passwords in a row', async () => {
      for (let i = 0; i < 50; i++) {
        const password = generatePassword(policy)
        expect(password).toMatch(/^[^0Oo1lI]{16,}$/)
        expect(await refusal(policy, password)).toBeNull()
        expect(await refusal(passwordPolicy(profile === 'asvs' ? 'dengbao' : 'asvs'), password)).toBeNull()
      }
    })
  })
}

describe('configuring the policy', () => {
  it('changes one rule and keeps the others of the profile', () => {
    const policy = passwordPolicy('dengbao', { maxAgeDays: 180 })
    expect(policy).toMatchObject({ maxAgeDays: 180, minLength: 8, historySize: 5 })
    expect(Object.isFrozen(policy)).toBe(true)
  })

  it('refuses a rule that makes no sense, naming it', () => {
    expect(() => passwordPolicy('dengbao', { minClasses: 5 })).toThrow(ConfigError)
    expect(() => passwordPolicy('asvs', { minLength: 0 })).toThrow(/password\.minLength/)
    expect(() => passwordPolicy('nist' as PasswordProfile)).toThrow(ConfigError)
  })
})
