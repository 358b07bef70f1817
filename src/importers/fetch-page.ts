/** What one request to the old site gave. */
export type Fetched =
  | {
      readonly ok: true
      /** The URL after redirects. */
      readonly url: string
      readonly status: number
      readonly contentType: string | null
      readonly bytes: Uint8Array
    }
  | { readonly ok: false; readonly url: string; readonly reason: string }

export interface FetchLimits {
  /** The one origin requests may go to, `http://www.example.gov.cn`. */
  readonly origin: string
  /** Hosts (`files.example.gov.cn`, with `:port` where not the default) whose files may be fetched too. */
  readonly assetHosts?: readonly string[]
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly maxRedirects: number
  readonly userAgent: string
}

export const defaultFetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'fabu-import/0.1 (+https://github.com/fabu)',
} as const

/**
 * Fetches one URL of the site being imported. A URL or redirect outside the origin is refused
 * before any connection is made (another host, a private address a link points at); the whole
 * exchange, body included, must finish within the timeout; a body larger than `maxBytes` is
 * cut off and refused rather than held in memory.
 */
export async function fetchPage(
  url: string,
  limits: FetchLimits,
  init: { readonly method?: 'GET' | 'POST'; readonly form?: Record<string, string>; maxBytes?: number } = {},
): Promise<Fetched> {
  const maxBytes = init.maxBytes ?? limits.maxBytes
  const signal = AbortSignal.timeout(limits.timeoutMs)
  let current = url
  try {
    for (let hop = 0; hop <= limits.maxRedirects; hop++) {
      if (!isInOrigin(current, limits.origin) && !isOnHost(current, limits.assetHosts ?? [])) {
        return { ok: false, url, reason: `不在所导入的站点内 / outside the imported site: ${current}` }
      }
      const response = await fetch(current, {
        method: hop === 0 ? (init.method ?? 'GET') : 'GET',
        redirect: 'manual',
        signal,
        headers: { 'user-agent': limits.userAgent, accept: '*/*' },
        ...(hop === 0 && init.form ? { body: new URLSearchParams(init.form) } : {}),
      })
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        current = new URL(location, current).href
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        return { ok: false, url, reason: `HTTP ${response.status}` }
      }
      const declared = Number(response.headers.get('content-length') ?? 0)
      if (declared > maxBytes) {
        await response.body?.cancel()
        return { ok: false, url, reason: tooLarge(maxBytes) }
      }
      const bytes = await readAtMost(response, maxBytes)
      if (!bytes) return { ok: false, url, reason: tooLarge(maxBytes) }
      return {
        ok: true,
        url: current,
        status: response.status,
        contentType: response.headers.get('content-type'),
        bytes,
      }
    }
    return {
      ok: false,
      url,
      reason: `重定向超过 ${limits.maxRedirects} 次 / more than ${limits.maxRedirects} redirects`,
    }
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') {
      return {
        ok: false,
        url,
        reason: `超时（${limits.timeoutMs} ms）/ timed out after ${limits.timeoutMs} ms`,
      }
    }
    return { ok: false, url, reason: `请求失败 / request failed: ${(error as Error).message}` }
  }
}

function tooLarge(maxBytes: number): string {
  return `超过 ${maxBytes} 字节 / larger than ${maxBytes} bytes`
}

async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    total += next.value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(next.value)
  }
  return Buffer.concat(chunks)
}

/** Whether `url` is on exactly `origin` (scheme, host and port), with no credentials in it. */
export function isInOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.origin === new URL(origin).origin && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** Whether `url` is on one of `hosts` (over HTTP or HTTPS), with no credentials in it. */
export function isOnHost(url: string, hosts: readonly string[]): boolean {
  try {
    const parsed = new URL(url)
    return (
      /^https?:$/.test(parsed.protocol) &&
      hosts.includes(parsed.host) &&
      parsed.username === '' &&
      parsed.password === ''
    )
  } catch {
    return false
  }
}
