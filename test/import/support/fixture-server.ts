import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a fixture answers at one path: bytes with headers, or a handler for odd behaviour. */
export type Route =
  | { readonly body: string | Uint8Array; readonly type?: string; readonly status?: number }
  | ((request: IncomingMessage, response: ServerResponse, body: string) => void)

export interface FixtureServer {
  readonly origin: string
  /** Every request received, `GET /path?query`, in order. */
  readonly requests: string[]
  /** What the server answers; a test changes a page by setting its route. */
  readonly routes: Map<string, Route>
  close(): Promise<void>
}

/**
 * A small site on 127.0.0.1 on a free port: the routes by path (with query, or without as a
 * fallback), 404 for anything else. Tests read `requests` to see what the importer asked for.
 */
export async function serveFixture(routes: (origin: string) => Map<string, Route>): Promise<FixtureServer> {
  const requests: string[] = []
  let table: Map<string, Route> = new Map()
  const sockets = new Set<import('node:net').Socket>()
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = request.url ?? '/'
      requests.push(`${request.method} ${url}`)
      const route = table.get(url) ?? table.get(url.split('?')[0] ?? url)
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>')
        return
      }
      if (typeof route === 'function') return route(request, response, Buffer.concat(chunks).toString('utf8'))
      response.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html' }).end(route.body)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  table = routes(origin)
  return {
    origin,
    requests,
    get routes() {
      return table
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

/** Text as GBK bytes, through the one encoder Node has for it: a lookup from GB18030 decoding. */
export function gbk(text: string): Uint8Array {
  return encodeGb18030(text)
}

let table: Map<string, number[]> | null = null

function encodeGb18030(text: string): Uint8Array {
  if (!table) {
    // Every two-byte GBK sequence decoded once gives the reverse table.
    table = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const char = decoder.decode(new Uint8Array([lead, trail]))
        if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail])
      }
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) bytes.push(code)
    else {
      const pair = table.get(char)
      if (!pair) throw new Error(`not encodable in GBK: ${char}`)
      bytes.push(...pair)
    }
  }
  return new Uint8Array(bytes)
}
