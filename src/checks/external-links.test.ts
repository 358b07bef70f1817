import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkExternalLinks } from './external-links.ts'
import { isPrivateAddress } from './private-address.ts'

describe('checking external links', () => {
  let server: Server
  let base: string
  const seen: string[] = []

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.headers.host} ${request.url}`)
      if (request.url === '/ok') response.writeHead(200).end('ok')
      else if (request.url === '/moved') response.writeHead(301, { location: '/ok' }).end()
      else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end(), 3_000)
      else response.writeHead(404).end()
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  })

  it('reports 200, 301, 404 and a timeout, and never connects to a private address', async () => {
    const port = (server.address() as AddressInfo).port
    const results = await checkExternalLinks(
      [
        `${base}/ok`,
        `${base}/moved`,
        `${base}/gone`,
        `${base}/slow`,
        `http://intranet.example:${port}/secret`,
      ],
      {
        timeoutMs: 500,
        perHostIntervalMs: 0,
        // The loopback server stands in for the internet; the intranet name resolves to 10.x.
        resolve: async (host) => (host === 'intranet.example' ? ['10.1.2.3'] : ['127.0.0.1']),
        isForbidden: (address) => address !== '127.0.0.1' && isPrivateAddress(address),
      },
    )
    expect(results.map((result) => [result.outcome, result.status, result.location])).toEqual([
      ['ok', 200, null],
      ['redirect', 301, '/ok'],
      ['broken', 404, null],
      ['timeout', null, null],
      ['refused-private', null, null],
    ])
    expect(seen.some((line) => line.includes('intranet') || line.includes('/secret'))).toBe(false)
  })

  it('refuses a link whose name resolves to a private address by default, without a request', async () => {
    const [result] = await checkExternalLinks([`${base}/ok`], { resolve: async () => ['127.0.0.1'] })
    expect(result?.outcome).toBe('refused-private')
  })

  it('spaces the requests to one host', async () => {
    const started = Date.now()
    await checkExternalLinks([`${base}/ok`, `${base}/gone`, `${base}/moved`], {
      perHostIntervalMs: 200,
      resolve: async () => ['127.0.0.1'],
      isForbidden: () => false,
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(400)
  })

  it('knows the private ranges of both address families', () => {
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true)
    for (const address of ['8.8.8.8', '202.96.209.133', '2400:3200::1'])
      expect(isPrivateAddress(address), address).toBe(false)
  })
})
