import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskContacts } from './mask-contacts.ts'

describe('masking contact details a sender wrote into a published letter', () => {
  it('masks mobile numbers, 18-character ID numbers and e-mail addresses, keeping a few characters', () => {
    expect(maskContacts('我的电话13912345678，身份证310101199001011234，邮箱wang@example.com')).toBe(
      '我的电话139******78，身份证310*************34，邮箱wan***********om',
    )
    expect(maskContacts('座机021-38839800')).toBe('座机021*******00')
  })

  it('leaves text without such numbers as it is, dates and short numbers too', () => {
    expect(maskContacts('2026年10月1日前答复，编号12345。')).toBe('2026年10月1日前答复，编号12345。')
  })

  it('never leaves a whole mobile number, keeps the length, and changes nothing but masked digits and letters', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/)
    const text = fc.string({ maxLength: 20 }).filter((s) => !/[\d@]/.test(s))
    fc.assert(
      fc.property(text, mobile, text, (before, number, after) => {
        const masked = maskContacts(`${before}${number}${after}`)
        expect(masked).not.toContain(number)
        expect(masked.length).toBe(before.length + number.length + after.length)
        expect(masked.startsWith(before)).toBe(true)
        expect(masked.endsWith(after)).toBe(true)
      }),
    )
  })

  it('is idempotent: masking twice is masking once', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        expect(maskContacts(maskContacts(input))).toBe(maskContacts(input))
      }),
    )
  })
})
