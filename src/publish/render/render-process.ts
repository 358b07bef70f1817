import { type ChildProcess, fork } from 'node:child_process'
import { setPriority } from 'node:os'
import { fileURLToPath } from 'node:url'
import { withCompileCache } from '../../threads/index.ts'
import type { RenderWorkerMessage, RenderWorkerRequest } from './render-messages.ts'

const WORKER = fileURLToPath(new URL('./render-worker.ts', import.meta.url))
/** Enough of the end of a dead process's stderr to tell an out-of-memory from a crash. */
const STDERR_TAIL = 4_000
/** Niceness 10: the scheduler prefers the server's process when both want the CPU. */
const RENDER_NICENESS = 10

export interface RenderProcessEvents {
  readonly onMessage: (message: RenderWorkerMessage) => void
  /** Called once when the process has ended, for whatever reason, with words for the report. */
  readonly onGone: (reason: string) => void
}

/**
 * One render process: a child process with its own V8 heap, capped by `--max-old-space-size`.
 * Whatever a template makes it do (a heap the size of its cap, one allocation past it, V8
 * aborting), only this process ends: the server's own heap is never involved.
 */
export class RenderProcess {
  readonly #child: ChildProcess
  #stderr = ''
  #isGone = false
  readonly #gone: Promise<void>

  constructor(heapMb: number, events: RenderProcessEvents) {
    this.#child = fork(WORKER, [], {
      // Its own flags, never the parent's (an inspector port, a test runner's loaders).
      execArgv: [
        `--max-old-space-size=${heapMb}`,
        '--max-semi-space-size=8',
        '--disable-warning=ExperimentalWarning',
      ],
      // Structured clone over the channel: Uint8Array assets and nested data arrive as sent.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: withCompileCache(process.env),
    })
    try {
      // Below the server's own priority: on a busy machine, answering requests comes before
      // rendering, so a template burning CPU cannot stall the admin or the public site.
      if (this.#child.pid !== undefined) setPriority(this.#child.pid, RENDER_NICENESS)
    } catch {
      // Not permitted here (some containers): the process runs at the server's priority.
    }
    this.#child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-STDERR_TAIL)
    })
    this.#child.on('message', (message: RenderWorkerMessage) => {
      if (!this.#isGone) events.onMessage(message)
    })
    this.#gone = new Promise((resolve) => {
      const end = (reason: string) => {
        if (this.#isGone) return
        this.#isGone = true
        events.onGone(reason)
        resolve()
      }
      // 'close' comes after the stderr pipe is drained, so the reason can quote it; and the
      // channel's 'disconnect' after the last result in it is read. Both, or the pool would
      // charge a page the process had finished with the death of the page after it.
      let closed: string | undefined
      let isDisconnected = false
      const settle = () => {
        if (closed !== undefined && isDisconnected) end(closed)
      }
      this.#child.on('disconnect', () => {
        isDisconnected = true
        settle()
      })
      this.#child.on('close', (code, signal) => {
        closed = describeExit(code, signal, this.#stderr, heapMb)
        isDisconnected ||= !this.#child.connected
        settle()
      })
      this.#child.on('error', (error) => {
        // A failed spawn never closes; a failed send is followed by the close.
        if (this.#child.pid === undefined) end(`render process could not start: ${error.message}`)
      })
    })
  }

  get isGone(): boolean {
    return this.#isGone
  }

  send(message: RenderWorkerRequest): void {
    if (this.#isGone || !this.#child.connected) return
    // A process dying meanwhile is reported by its close; the failed send says nothing new.
    this.#child.send(message, () => {})
  }

  /** Ends the process at once (a page past its deadline, the pool closing). */
  async kill(): Promise<void> {
    if (!this.#isGone) this.#child.kill('SIGKILL')
    await this.#gone
  }
}

function describeExit(code: number | null, signal: string | null, stderr: string, heapMb: number): string {
  if (/heap out of memory|Reached heap limit|Allocation failed/.test(stderr))
    return `the template used more than the renderer's ${heapMb} MB of memory; the renderer was stopped`
  return signal
    ? `the render process was stopped (${signal})`
    : `the render process exited (code ${code ?? 'unknown'})`
}
