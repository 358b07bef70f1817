import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { stopProcess } from './support/serve-process.ts'

const main = new URL('../src/cli/main.ts', import.meta.url).pathname

// What a newcomer sees after `npm start`; the server is the same on either engine.
describe('fabu start, the first run', () => {
  let data: string
  let server: ChildProcess
  let stdout = ''
  let stderr = ''

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-start-'))
    server = spawn(process.execPath, [main, 'start', '--port', '0', '--admin-port', '0', '--data', data], {
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('Ctrl+C')) resolve()
      })
      server.on('exit', (code) => reject(new Error(`fabu start exited (${code}): ${stdout}${stderr}`)))
    })
  }, 180_000)
  afterAll(async () => {
    await stopProcess(server)
    await rm(data, { recursive: true, force: true })
  })

  it('ends its start-up with the demo accounts between two rules, just above how to stop it', () => {
    const lines = stdout.trimEnd().split('\n')
    expect(lines.at(-1)).toContain('Ctrl+C')
    const rules = lines.flatMap((line, index) => (/^═{40,}$/.test(line) ? [index] : []))
    expect(rules).toHaveLength(2)
    expect(rules[1]).toBe(lines.length - 2)
    const framed = lines.slice((rules[0] ?? 0) + 1, rules[1]).join('\n')
    expect(framed).toMatch(/sign in at http:\/\/127\.0\.0\.1:\d+\/admin\//)
    expect(framed).toContain('demo accounts (administrator, editor, reviewer)')
    for (const userName of ['admin', 'editor', 'reviewer'])
      expect(framed).toMatch(new RegExp(`^ {2}${userName} +\\S+ {2}\\S{8,}$`, 'm'))
  })

  it('writes no request logs unless asked', async () => {
    const admin = /admin at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1]
    const site = /serving .* at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1]
    expect((await fetch(`${admin}/healthz`)).status).toBe(200)
    expect((await fetch(`${site}/index.html`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(stderr).not.toContain('"reqId"')
    expect(stderr).not.toContain('"level"')
  })
})

describe('fabu start --logs FILE', () => {
  let data: string
  let server: ChildProcess

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-start-logs-'))
    server = spawn(
      process.execPath,
      [
        main,
        'start',
        '--port',
        '0',
        '--admin-port',
        '0',
        '--logs',
        join(data, 'requests.log'),
        '--data',
        data,
      ],
      { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
  }, 180_000)
  afterAll(async () => {
    await stopProcess(server)
    await rm(data, { recursive: true, force: true })
  })

  it('appends the admin’s request logs to the file, as JSON lines', async () => {
    let stdout = ''
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('Ctrl+C')) resolve()
      })
      server.on('exit', (code) => reject(new Error(`fabu start exited (${code}): ${stdout}`)))
    })
    const admin = /admin at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1]
    expect((await fetch(`${admin}/healthz`)).status).toBe(200)
    await vi.waitFor(async () => {
      const lines = (await readFile(join(data, 'requests.log'), 'utf8')).trim().split('\n')
      expect(lines.map((line) => JSON.parse(line).req?.url)).toContain('/healthz')
    })
  }, 180_000)
})
