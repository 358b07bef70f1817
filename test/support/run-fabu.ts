import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)
const main = new URL('../../src/cli/main.ts', import.meta.url).pathname

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `fabu … --data <folder>` as an operator would, with its exit code and output. */
export async function runFabu(folder: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args, '--data', folder], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** `fabu site create` of the site 政府网 (slug gov) in the folder, as an operator's first step; fails the test if refused. */
export async function createGovSite(folder: string, env: NodeJS.ProcessEnv): Promise<void> {
  const site = await runFabu(
    folder,
    env,
    'site',
    'create',
    '--slug',
    'gov',
    '--name',
    '政府网',
    '--base-url',
    'https://gov.example.cn',
  )
  if (site.code !== 0) throw new Error(`fabu site create failed: ${site.stderr}`)
}
