import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stopProcess } from './support/serve-process.ts'

const run = promisify(execFile)
const main = new URL('../src/cli/main.ts', import.meta.url).pathname

// The server is the same on either engine; this story runs on the embedded default.
describe('fabu serve', () => {
  let data: string
  let server: ChildProcess
  let origin: string
  const env = { ...process.env, DATABASE_URL: '' }
  const fabu = (...args: string[]) => run(process.execPath, [main, ...args, '--data', data], { env })

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-serve-'))
    await fabu('demo')
    await fabu('publish')
    server = spawn(
      process.execPath,
      [main, 'serve', '--port', '0', '--admin-port', '0', '--no-logs', '--data', data],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    origin = await new Promise<string>((resolve, reject) => {
      let output = ''
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
        if (match?.[1]) resolve(match[1])
      })
      server.on('exit', (code) => reject(new Error(`fabu serve exited (${code}): ${output}`)))
    })
  }, 120_000)

  afterAll(async () => {
    await stopProcess(server)
    await rm(data, { recursive: true, force: true })
  })

  it('serves the published site with its security headers', async () => {
    const response = await fetch(`${origin}/index.html`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await response.text()).toContain('上海市计量测试技术研究院')
    expect((await fetch(`${origin}/no-such-page.html`)).status).toBe(404)
  })

  it('publishes an article edited meanwhile without being asked', async () => {
    const created = JSON.parse(
      (await fabu('article', 'create', '--column', 'tzgg', '--title', '服务中发布的通知', '--json')).stdout,
    )
    await fabu('article', 'publish', String(created.id))
    let page = ''
    for (let i = 0; i < 60 && !page.includes('服务中发布的通知'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      page = await (await fetch(`${origin}/tzgg/index.html`)).text()
    }
    expect(page).toContain('服务中发布的通知')
  }, 30_000)
})
