import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname

/** A `fabu serve` running as a process of its own, as an operator runs it. */
export interface ServeProcess {
  readonly pid: number
  readonly adminUrl: string
  readonly publicUrl: string
  /** What it printed on stderr so far (the publisher's complaints, a V8 fatal error). */
  stderr(): string
  isAlive(): boolean
  /** SIGTERM, then waits for the process to end. */
  stop(): Promise<void>
}

export async function startServe(data: string, env: NodeJS.ProcessEnv, site: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [main, 'serve', '--site', site, '--port', '0', '--admin-port', '0', '--no-logs', '--data', data],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const urls = await new Promise<{ adminUrl: string; publicUrl: string }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const publicUrl = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1]
      const adminUrl = /admin at (http:\/\/127\.0\.0\.1:\d+)\/admin\//.exec(stdout)?.[1]
      if (publicUrl && adminUrl) resolve({ adminUrl, publicUrl })
    })
    child.on('exit', (code) => reject(new Error(`fabu serve exited (${code}): ${stdout}${stderr}`)))
  })
  return {
    pid: child.pid ?? 0,
    ...urls,
    stderr: () => stderr,
    isAlive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      await stopProcess(child)
      await exited
    },
  }
}

/**
 * SIGTERM, then waits for the process to end: a server lets the publish in progress finish
 * before it exits, so its data folder may only be removed after that.
 */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  await exited
}

export interface WatchReport {
  readonly polls: number
  /** Answers that were not 200, or took 1 s or more, or never came: what the second client saw. */
  readonly failures: readonly string[]
  readonly slowestMs: number
}

/**
 * A second client polling the admin's /healthz and a public page every ~100 ms while `work`
 * runs, each answer allowed one second.
 */
export async function whileWatched<T>(
  server: ServeProcess,
  publicPath: string,
  work: () => Promise<T>,
): Promise<{ result: T; watch: WatchReport }> {
  const failures: string[] = []
  let polls = 0
  let slowestMs = 0
  let isRunning = true
  const poll = async (url: string) => {
    while (isRunning) {
      const started = performance.now()
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
        await response.arrayBuffer()
        const ms = performance.now() - started
        slowestMs = Math.max(slowestMs, ms)
        if (response.status !== 200) failures.push(`${url}: ${response.status}`)
        else if (ms >= 1_000) failures.push(`${url}: ${Math.round(ms)} ms`)
      } catch (error) {
        failures.push(`${url}: ${(error as Error).name} ${(error as Error).message}`)
      }
      polls++
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const watchers = [poll(`${server.adminUrl}/healthz`), poll(`${server.publicUrl}${publicPath}`)]
  let result: T
  try {
    result = await work()
  } finally {
    isRunning = false
    await Promise.all(watchers)
  }
  return { result, watch: { polls, failures, slowestMs } }
}

/** The processes `pid` started, as Linux lists them (render processes of a server). */
export function childrenOf(pid: number): number[] {
  const children: number[] = []
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim()
    if (listed) children.push(...listed.split(/\s+/).map(Number))
  }
  return children
}
