import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe } from '../support/serve-process.ts'

const TOKEN = 'metrics-token-0123456789abcdef'

interface Sample {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/** Prometheus's text format, as a scraper reads it: comment lines, then `name{labels} value`. */
function parseMetrics(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = []
  const types = new Map<string, string>()
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type?.[1] && type[2]) types.set(type[1], type[2])
    if (!line || line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match?.[1] || !match[3]) throw new Error(`not a sample line: ${line}`)
    const labels: Record<string, string> = {}
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      if (pair[1]) labels[pair[1]] = pair[2] ?? ''
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) })
  }
  return { samples, types }
}

function sumOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0)
}

describe('the admin port’s /metrics', { timeout: 180_000 }, () => {
  let folder: string
  let server: ServeProcess
  const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    fetch(new URL('/metrics', server.adminUrl), { headers })

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-metrics-'))
    const data = join(folder, 'data')
    await mkdir(data)
    // The token only: not even this machine reads the metrics without it.
    await writeFile(join(data, 'fabu.toml'), `[metrics]\nallow = []\ntoken = "${TOKEN}"\n`)
    const env = { ...process.env, DATABASE_URL: '', FABU_AUDIT_KEY: '', FABU_INTERACTION_KEY: '' }
    expect((await runFabu(data, env, 'demo', '--json')).code).toBe(0)
    server = await startServe(data, env, 'simt')
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await rm(folder, { recursive: true, force: true })
  })

  it('reports publish runs, requests by route and status class, error codes and the process, to the token', async () => {
    // The server's queue publishes what `fabu demo` left pending; wait for its run to be counted.
    let parsed = parseMetrics(await (await scrape()).text())
    for (let i = 0; i < 600 && sumOf(parsed.samples, 'fabu_publish_duration_seconds_count') === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      parsed = parseMetrics(await (await scrape()).text())
    }
    expect((await fetch(server.publicUrl)).status).toBe(200)
    expect((await fetch(new URL('/assets/style.css', server.publicUrl))).status).toBe(200)
    expect((await fetch(new URL('/no/such/page.html', server.publicUrl))).status).toBe(404)
    expect((await fetch(new URL('/api/sites', server.adminUrl))).status).toBe(401)
    expect((await fetch(new URL('/healthz', server.adminUrl))).status).toBe(200)

    const answer = await scrape()
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toContain('text/plain')
    const { samples, types } = parseMetrics(await answer.text())
    expect(types.get('fabu_publish_duration_seconds')).toBe('histogram')
    expect(sumOf(samples, 'fabu_publish_duration_seconds_count', { site: 'simt' })).toBeGreaterThanOrEqual(1)
    expect(sumOf(samples, 'fabu_publish_pages_written_total', { site: 'simt' })).toBeGreaterThan(50)
    expect(samples.some((s) => s.name === 'fabu_publish_queue_depth')).toBe(true)
    expect(
      sumOf(samples, 'fabu_http_requests_total', { app: 'public', route: '/*', status: '2xx' }),
    ).toBeGreaterThanOrEqual(2)
    expect(
      sumOf(samples, 'fabu_http_requests_total', { app: 'public', status: '4xx' }),
    ).toBeGreaterThanOrEqual(1)
    expect(
      sumOf(samples, 'fabu_http_requests_total', { app: 'admin', route: '/api/sites', status: '4xx' }),
    ).toBe(1)
    expect(
      sumOf(samples, 'fabu_http_request_duration_seconds_count', { app: 'admin', route: '/healthz' }),
    ).toBe(1)
    expect(sumOf(samples, 'fabu_errors_total', { app: 'admin', code: 'UNAUTHENTICATED' })).toBe(1)
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter')
    expect(samples.some((s) => s.name === 'nodejs_heap_size_used_bytes')).toBe(true)
    // No series is named after a raw URL a visitor typed.
    expect(samples.some((s) => (s.labels.route ?? '').includes('no/such'))).toBe(false)
  })

  it('refuses a scrape without the token, or with a wrong one, even from this machine', async () => {
    const without = await scrape({})
    expect(without.status).toBe(403)
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
    expect((await scrape({ authorization: 'Bearer not-the-token' })).status).toBe(403)
    expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(200)
  })
})
