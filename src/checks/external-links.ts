import { lookup as dnsLookup } from 'node:dns/promises'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isPrivateAddress } from './private-address.ts'

export type LinkOutcome = 'ok' | 'redirect' | 'broken' | 'timeout' | 'refused-private' | 'error'

export interface LinkResult {
  readonly url: string
  readonly outcome: LinkOutcome
  readonly status: number | null
  /** Where a redirect leads. */
  readonly location: string | null
  readonly detail: string | null
}

export interface LinkCheckOptions {
  /** Requests at once, over all hosts. */
  readonly concurrency?: number
  /** Milliseconds before a request counts as timed out. */
  readonly timeoutMs?: number
  /** Milliseconds between two requests to one host. */
  readonly perHostIntervalMs?: number
  /** The addresses a name resolves to; tests give their own. */
  readonly resolve?: (host: string) => Promise<readonly string[]>
  /** Addresses never connected to; tests of a loopback server narrow it. */
  readonly isForbidden?: (address: string) => boolean
  /**
   * Private addresses that may be connected to all the same, each exactly (`127.0.0.1`): set
   * only by tests and by an operator at the command line (`fabu check links --allow-address`),
   * never from a page or a request. Every other private address stays refused.
   */
  readonly allowAddresses?: readonly string[]
}

const systemResolve = async (host: string) =>
  (await dnsLookup(host, { all: true })).map((entry) => entry.address)

/**
 * Checks external links with HEAD requests (GET where HEAD is refused), a bounded number at
 * once, a pause between requests to one host, and a deadline each. A name is resolved first
 * and the request goes to the address that was checked, so no link (nor a DNS answer that
 * changes in between) can make the server connect to a private address.
 */
export async function checkExternalLinks(
  urls: readonly string[],
  options: LinkCheckOptions = {},
): Promise<LinkResult[]> {
  const concurrency = options.concurrency ?? 8
  const timeoutMs = options.timeoutMs ?? 10_000
  const interval = options.perHostIntervalMs ?? 1_000
  const resolve = options.resolve ?? systemResolve
  const allowed = new Set(options.allowAddresses ?? [])
  const forbids = options.isForbidden ?? isPrivateAddress
  const isForbidden = (address: string) => !allowed.has(address) && forbids(address)
  const nextSlot = new Map<string, number>()
  const unique = [...new Set(urls)]
  const results = new Map<string, LinkResult>()
  let index = 0

  async function waitForHost(host: string) {
    const now = Date.now()
    const slot = Math.max(now, nextSlot.get(host) ?? 0)
    nextSlot.set(host, slot + interval)
    if (slot > now) await new Promise((done) => setTimeout(done, slot - now))
  }

  async function worker() {
    for (let next = index++; next < unique.length; next = index++) {
      const url = unique[next] as string
      results.set(url, await checkOne(url))
    }
  }

  async function checkOne(url: string): Promise<LinkResult> {
    const result = (
      outcome: LinkOutcome,
      status: number | null,
      location: string | null,
      detail: string | null,
    ) => ({
      url,
      outcome,
      status,
      location,
      detail,
    })
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return result('error', null, null, 'not a URL')
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return result('error', null, null, 'not http(s)')
    const host = parsed.hostname.replace(/^\[|\]$/g, '')
    let addresses: readonly string[]
    try {
      addresses = await resolve(host)
    } catch (error) {
      return result('broken', null, null, `DNS: ${(error as NodeJS.ErrnoException).code ?? 'unresolved'}`)
    }
    if (addresses.length === 0 || addresses.some(isForbidden))
      return result('refused-private', null, null, addresses.join(', '))
    await waitForHost(host)
    const address = addresses[0] as string
    const answer = await send(parsed, address, 'HEAD', timeoutMs)
    const final =
      answer.status === 405 || answer.status === 501 ? await send(parsed, address, 'GET', timeoutMs) : answer
    if (final.error === 'timeout') return result('timeout', null, null, `${timeoutMs} ms`)
    if (final.error) return result('error', null, null, final.error)
    const status = final.status as number
    if (status >= 300 && status < 400) return result('redirect', status, final.location, null)
    if (status >= 400) return result('broken', status, null, null)
    return result('ok', status, null, null)
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker))
  return unique.map((url) => results.get(url) as LinkResult)
}

interface Answer {
  readonly status?: number
  readonly location: string | null
  readonly error?: string
}

function send(url: URL, address: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Answer> {
  return new Promise((done) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method,
        headers: { 'user-agent': 'fabu-link-check/0.1' },
        // Connect to the address that was checked, whatever the name resolves to now.
        lookup: ((
          _host: string,
          lookupOptions: { all?: boolean },
          callback: (...args: unknown[]) => void,
        ) => {
          const family = address.includes(':') ? 6 : 4
          if (lookupOptions.all) callback(null, [{ address, family }])
          else callback(null, address, family)
        }) as never,
      },
      (response) => {
        response.resume()
        done({ status: response.statusCode ?? 0, location: response.headers.location ?? null })
      },
    )
    request.setTimeout(timeoutMs, () => {
      request.destroy()
      done({ location: null, error: 'timeout' })
    })
    request.on('error', (error: NodeJS.ErrnoException) =>
      done({ location: null, error: error.code ?? error.message }),
    )
    request.end()
  })
}
