import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './support/free-port.ts'
import { createGovSite, runFabu } from './support/run-fabu.ts'

describe('fabu serve on a port another program holds', () => {
  let folder: string
  let taken: Server
  let takenPort: number
  const env = { ...process.env, DATABASE_URL: '' }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-port-in-use-'))
    await createGovSite(folder, env)
    taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const address = taken.address()
    takenPort = typeof address === 'object' && address ? address.port : 0
  })
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve))
    await rm(folder, { recursive: true, force: true })
  })

  // Before, the error was printed and the process stayed, its site list timer logging a
  // closed database every 2 s: whoever started it saw a hang, not a stop.
  it.each(['--port', '--admin-port'])(
    'says which port (%s) and exits, leaving nothing running',
    async (option) => {
      const other = String(await freePort())
      const ports =
        option === '--port'
          ? ['--port', String(takenPort), '--admin-port', other]
          : ['--port', other, '--admin-port', String(takenPort)]
      const started = Date.now()
      const result = await runFabu(folder, env, 'serve', '--site', 'gov', '--no-logs', ...ports)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`${option}：无法在 127.0.0.1:${takenPort} 监听（EADDRINUSE）`)
      expect(result.stderr).toContain('cannot listen')
      expect(result.stderr).not.toContain('站点列表读取失败')
      expect(Date.now() - started).toBeLessThan(20_000)
    },
    30_000,
  )
})
