import { describe, expect, it } from 'vitest'
import { generateTotpSecret, totpCode, totpUri, verifyTotp } from './totp.ts'

// RFC 6238 Appendix B: the ASCII secret `12345678901234567890`, here in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const at = (seconds: number) => new Date(seconds * 1000)

describe('codes from an authenticator app', () => {
  it('match the SHA-1 test vectors of RFC 6238', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ]
    for (const [seconds, eightDigits] of vectors) {
      expect(totpCode(RFC_SECRET, at(seconds))).toBe(eightDigits.slice(-6))
    }
  })

  it('are accepted within one step of clock drift, and the step is returned to stop replays', () => {
    const now = at(1111111111)
    const step = Math.floor(1111111111 / 30)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111111 - 30)), now)).toBe(step - 1)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111111 + 30)), now)).toBe(step + 1)
  })

  it('are refused when two steps old', () => {
    const now = at(1111111111)
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111111 - 60)), now)).toBeNull()
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at(1111111111 - 60)), now, 2)).not.toBeNull()
  })

  it('are refused, without an error, when not exactly six digits', () => {
    const now = at(1111111111)
    const code = totpCode(RFC_SECRET, now)
    for (const typed of [
      '',
      '12345',
      '1234567',
      `${code} `,
      ` ${code}`,
      '05O471',
      '０５０４７１',
      '-50471',
    ]) {
      expect(verifyTotp(RFC_SECRET, typed, now)).toBeNull()
    }
  })

  it('are refused when made with another secret', () => {
    // A fixed second secret: a random one matches a given code within the three accepted steps
    // about 3 times in a million, which failed a CI run once.
    const otherSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    for (const seconds of [59, 1111111111, 1234567890, 2000000000]) {
      const now = at(seconds)
      expect(totpCode(otherSecret, now)).not.toBe(totpCode(RFC_SECRET, now))
      expect(verifyTotp(otherSecret, totpCode(RFC_SECRET, now), now)).toBeNull()
    }
  })
})

describe('enrolling an authenticator app', () => {
  it('gets a new 160-bit base32 secret each time', () => {
    const secret = generateTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(generateTotpSecret()).not.toBe(secret)
  })

  it('reads a QR address with the issuer and account encoded, Chinese included', () => {
    const uri = totpUri(RFC_SECRET, 'zhang san@example.gov.cn', '某某市人民政府')
    expect(uri).toBe(
      'otpauth://totp/%E6%9F%90%E6%9F%90%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C:zhang%20san%40example.gov.cn' +
        '?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E6%9F%90%E6%9F%90%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C' +
        '&algorithm=SHA1&digits=6&period=30',
    )
    const parsed = new URL(uri)
    expect(parsed.host).toBe('totp')
    expect(decodeURIComponent(parsed.pathname)).toBe('/某某市人民政府:zhang san@example.gov.cn')
    expect(parsed.searchParams.get('issuer')).toBe('某某市人民政府')
  })

  it('keeps a colon in the account name from splitting the label', () => {
    expect(totpUri(RFC_SECRET, 'a:b')).toMatch(/^otpauth:\/\/totp\/fabu:a%3Ab\?/)
  })
})
