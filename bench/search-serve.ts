// The HTTP half of `npm run bench:search`: a real `fabu serve` on the corpus's database, asked
// GET /_fabu/search over loopback by 1 and then 20 concurrent clients on kept-alive connections.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { dirname, join, resolve } from 'node:path'
import type { SearchRequest } from '../src/search/index.ts'
import type { Store } from '../src/store/index.ts'

type Query = Omit<SearchRequest, 'siteId'>

export interface ServeBench {
  readonly store: Store
  readonly engine: 'sqlite' | 'postgres'
  readonly sqlitePath: string
  readonly postgresUrl: string
  readonly schema: string
  readonly siteId: number
  readonly queries: readonly Query[]
  readonly passes: number
  readonly loadTest: (
    clients: number,
    rounds: number,
    ask: (query: Query) => Promise<unknown>,
  ) => Promise<number[]>
  readonly log: (line: string) => void
}

const ROOT = resolve(import.meta.dirname, '..')
/** The V8 flags `npm run fabu` runs with, read from its script so the server runs as users run it. */
const CLI_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.fabu as string
)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'))

export async function measureServe(bench: ServeBench): Promise<void> {
  const dataDir = dirname(bench.sqlitePath)
  const site = await bench.store.db
    .selectFrom('sites')
    .select(['slug', 'output_prefix'])
    .where('id', '=', bench.siteId)
    .executeTakeFirstOrThrow()
  // The public site serves the published folder; the corpus was never published, so make it.
  mkdirSync(join(dataDir, 'sites', site.slug, site.output_prefix ?? ''), { recursive: true })
  // Twenty clients on one address would meet the per-address limit (120 a minute) at once.
  writeFileSync(join(dataDir, 'fabu.toml'), '[server]\nsearches_per_minute = 1000000\n')
  const env = { ...process.env }
  if (bench.engine === 'postgres') {
    const url = new URL(bench.postgresUrl)
    url.searchParams.set('options', `-c search_path=${bench.schema}`)
    env.DATABASE_URL = url.toString()
  } else delete env.DATABASE_URL
  const child = spawn(
    process.execPath,
    [
      ...CLI_NODE_FLAGS,
      join(ROOT, 'src/cli/main.ts'),
      'serve',
      '--data',
      dataDir,
      '--site',
      site.slug,
      '--port',
      '0',
      '--admin-port',
      '0',
      '--no-logs',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  try {
    const origin = await publicOrigin(child)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 })
    await waitUntilPublished(bench)
    const ask = (query: Query) => get(agent, `${origin}_fabu/search?${queryString(query)}`)
    const probe = await ask({ q: '计量' })
    if (probe.status === 404) {
      bench.log(`fabu serve (${origin}) has no GET /_fabu/search yet: HTTP figures skipped`)
      return
    }
    if (probe.status !== 200)
      throw new Error(`GET /_fabu/search answered ${probe.status}: ${probe.body.slice(0, 200)}`)
    bench.log(`fabu serve at ${origin}: GET /_fabu/search?q=计量 found ${JSON.parse(probe.body).total}`)
    for (const query of bench.queries) {
      const answer = await ask(query)
      if (answer.status !== 200) throw new Error(`${JSON.stringify(query)} answered ${answer.status}`)
    }
    for (const clients of [1, 20]) {
      const times = await bench.loadTest(clients, clients === 1 ? bench.passes : 1, async (query) => {
        const answer = await ask(query)
        // 429 would time the rate limit, not the search: fail loudly instead.
        if (answer.status !== 200) throw new Error(`${JSON.stringify(query)} answered ${answer.status}`)
      })
      bench.log(`HTTP to fabu serve, ${clients} client${clients > 1 ? 's' : ''}: ${summary(times)}`)
    }
    agent.destroy()
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
}

/**
 * `fabu serve` publishes what is pending when it starts, and the corpus was never published:
 * at 100,000 articles that is a full publish of a minute or more on both cores. Searches are
 * timed on a site at rest, as readers meet it, so wait until nothing is left to publish.
 */
async function waitUntilPublished(bench: ServeBench): Promise<void> {
  const started = performance.now()
  for (;;) {
    const pending = await bench.store.db
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('done_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(pending.count) === 0) break
    if (performance.now() - started > 15 * 60_000)
      throw new Error('fabu serve did not publish the corpus in 15 minutes')
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 1000))
  }
  const seconds = (performance.now() - started) / 1000
  if (seconds > 1)
    bench.log(`waited ${seconds.toFixed(0)} s for fabu serve to publish the corpus before timing`)
}

function queryString(query: Query): string {
  const params = new URLSearchParams({ q: query.q })
  if (query.column !== undefined) params.set('column', String(query.column))
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  if (query.in) params.set('in', query.in)
  if (query.sort) params.set('sort', query.sort)
  if (query.page !== undefined) params.set('page', String(query.page))
  return params.toString()
}

/** The public site's URL, as `fabu serve` prints it. */
async function publicOrigin(child: ChildProcess): Promise<string> {
  let output = ''
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  return new Promise((resolvePromise, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /serving .* at (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolvePromise(match[1].endsWith('/') ? match[1] : `${match[1]}/`)
    })
    child.once('exit', (code) => reject(new Error(`fabu serve exited (${code}): ${errors.slice(-2000)}`)))
  })
}

function get(agent: http.Agent, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    http
      .get(url, { agent }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          body += chunk
        })
        response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}

function summary(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0).toFixed(1)
  return `${times.length} requests, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`
}
