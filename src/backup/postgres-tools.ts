import { spawn } from 'node:child_process'
import { BackupFailedError } from '../errors/index.ts'

/**
 * Runs pg_dump, pg_restore or psql against a DATABASE_URL. The password goes in PGPASSWORD
 * rather than on the command line, where `ps` would show it to every user of the machine.
 */
export async function runPostgresTool(
  tool: 'pg_dump' | 'pg_restore',
  databaseUrl: string,
  args: readonly string[],
): Promise<void> {
  const url = new URL(databaseUrl)
  const password = decodeURIComponent(url.password)
  url.password = ''
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }
  const target = tool === 'pg_dump' ? [url.toString()] : [`--dbname=${url.toString()}`]
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(tool, [...args, ...target], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let output = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString()
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new BackupFailedError(
          tool,
          error.code === 'ENOENT'
            ? `${tool} 未安装 / not installed (apt-get install postgresql-client)`
            : error.message,
          { cause: error },
        ),
      )
    })
    child.on('close', (code) => {
      if (code === 0) resolve(output)
      else reject(new BackupFailedError(tool, lastLines(output) || `exit status ${code}`))
    })
  })
  if (stderr.trim()) process.stderr.write(stderr)
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ')
}
