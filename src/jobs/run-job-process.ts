import { type ChildProcess, spawn } from 'node:child_process'

/** How the server starts a `fabu` command in a process of its own. */
export interface JobCommand {
  /** The Node.js binary and the arguments that run `fabu` (`[main.ts]`). */
  readonly execPath: string
  readonly args: readonly string[]
  /** Old-space limit of the job's process: a huge page cannot take the server's memory. */
  readonly memoryMb: number
  readonly env?: NodeJS.ProcessEnv
}

export interface JobProcess {
  readonly child: ChildProcess
  /** Resolves with the exit code (null when killed) and the last of what it printed on stderr. */
  readonly ended: Promise<{ code: number | null; stderr: string }>
}

/**
 * Runs a fabu command as a child process: the crawl and the parsing happen there, so the
 * server's event loop keeps answering while an import reads ten thousand pages.
 */
export function runJobProcess(command: JobCommand, args: readonly string[]): JobProcess {
  const child = spawn(
    command.execPath,
    [`--max-old-space-size=${command.memoryMb}`, ...command.args, ...args],
    { env: command.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    // The tail is what says why it stopped; the rest is progress noise.
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, stderr: `${stderr}\n${error.message}` }))
    child.on('close', (code) => resolve({ code, stderr }))
  })
  return { child, ended }
}
