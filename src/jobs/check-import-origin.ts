import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { ImportOriginRefusedError } from '../errors/index.ts'

// Loopback, private, carrier-grade NAT, link-local (cloud metadata lives there), unspecified
// and unique-local addresses: what a request from the server reaches but a visitor's does not.
const PRIVATE = new BlockList()
PRIVATE.addSubnet('0.0.0.0', 8)
PRIVATE.addSubnet('10.0.0.0', 8)
PRIVATE.addSubnet('100.64.0.0', 10)
PRIVATE.addSubnet('127.0.0.0', 8)
PRIVATE.addSubnet('169.254.0.0', 16)
PRIVATE.addSubnet('172.16.0.0', 12)
PRIVATE.addSubnet('192.168.0.0', 16)
PRIVATE.addAddress('::', 'ipv6')
PRIVATE.addAddress('::1', 'ipv6')
PRIVATE.addSubnet('fc00::', 7, 'ipv6')
PRIVATE.addSubnet('fe80::', 10, 'ipv6')

/** Whether `address` (an IP literal) is on this machine or a private network. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return false
  if (family === 6) {
    // ::ffff:127.0.0.1 is 127.0.0.1.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
    if (mapped) return PRIVATE.check(mapped, 'ipv4')
    return PRIVATE.check(address, 'ipv6')
  }
  return PRIVATE.check(address, 'ipv4')
}

/**
 * Refuses an import from the admin whose site or file hosts resolve to a private address,
 * unless the operator listed the origin in the config. Every address a name resolves to is
 * checked, so a name with one public and one private address is refused too.
 */
export async function checkImportOrigin(
  url: string,
  assetHosts: readonly string[],
  allowedPrivateOrigins: readonly string[],
  resolve: (host: string) => Promise<readonly string[]> = resolveAll,
): Promise<void> {
  const start = new URL(url)
  const allowed = new Set(allowedPrivateOrigins.map((origin) => new URL(origin).origin))
  const allowedHosts = new Set([...allowed].map((origin) => new URL(origin).host))
  const targets = [
    { origin: start.origin, host: start.hostname, isAllowed: allowed.has(start.origin) },
    ...assetHosts.map((host) => {
      // `files.example.gov.cn:8443` as a URL reads it: the name alone is resolved.
      const parsed = new URL(`http://${host}`)
      return { origin: host, host: parsed.hostname, isAllowed: allowedHosts.has(parsed.host) }
    }),
  ]
  for (const target of targets) {
    if (target.isAllowed) continue
    const host = target.host.replace(/^\[|\]$/g, '')
    const addresses = isIP(host) ? [host] : await resolve(host)
    const found = addresses.find(isPrivateAddress)
    if (found) throw new ImportOriginRefusedError(target.origin, found)
  }
}

async function resolveAll(host: string): Promise<readonly string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address)
  } catch {
    // A name that does not resolve reaches nothing; the import reports it page by page.
    return []
  }
}
