import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkImportOrigin, isPrivateAddress } from './check-import-origin.ts'

/** The private IPv4 ranges written out the long way, to check the block list against. */
function isPrivateByHand([a, b]: readonly number[]): boolean {
  if (a === undefined || b === undefined) return false
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  )
}

describe('which addresses an import from the admin may not reach', () => {
  it('takes an IPv4 address for private exactly when it lies in a private, loopback or link-local range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (parts) => {
        const address = parts.join('.')
        expect(isPrivateAddress(address)).toBe(isPrivateByHand(parts))
        expect(isPrivateAddress(`::ffff:${address}`)).toBe(isPrivateByHand(parts))
      }),
    )
  })

  it('knows the IPv6 loopback, unique-local and link-local addresses, and not a public one', () => {
    expect(['::1', 'fd00::5', 'fe80::1', '::'].map(isPrivateAddress)).toEqual([true, true, true, true])
    expect(isPrivateAddress('2400:3200::1')).toBe(false)
    expect(isPrivateAddress('not an address')).toBe(false)
  })

  it('refuses a name that resolves to a private address, even beside a public one, unless its origin is allowed', async () => {
    const resolve = async (host: string) =>
      host === 'intranet.example.gov.cn' ? ['203.0.113.9', '10.1.2.3'] : ['203.0.113.10']
    await expect(checkImportOrigin('http://intranet.example.gov.cn/', [], [], resolve)).rejects.toMatchObject(
      {
        code: 'IMPORT_ORIGIN_REFUSED',
      },
    )
    await expect(
      checkImportOrigin('http://intranet.example.gov.cn/', [], ['http://intranet.example.gov.cn'], resolve),
    ).resolves.toBeUndefined()
    await expect(checkImportOrigin('http://www.example.gov.cn/', [], [], resolve)).resolves.toBeUndefined()
  })

  it('refuses an asset host on a private address, as it refuses the site itself', async () => {
    const resolve = async () => ['203.0.113.10']
    await expect(
      checkImportOrigin('http://www.example.gov.cn/', ['127.0.0.1:9000'], [], resolve),
    ).rejects.toMatchObject({ code: 'IMPORT_ORIGIN_REFUSED' })
    await expect(
      checkImportOrigin('http://www.example.gov.cn/', ['[::1]:9000'], [], resolve),
    ).rejects.toMatchObject({ code: 'IMPORT_ORIGIN_REFUSED' })
  })
})
