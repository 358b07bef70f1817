import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFabu } from '../support/run-fabu.ts'

describe('the roles of a process on SQLite, a one-machine installation', () => {
  let data: string
  const env = { ...process.env, DATABASE_URL: '', FABU_DAILY_CHECK: 'off' }
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-roles-'))
    expect((await runFabu(data, env, 'demo')).code).toBe(0)
  }, 120_000)
  afterAll(async () => {
    await rm(data, { recursive: true, force: true })
  })

  it('refuses fabu worker, saying it needs PostgreSQL', async () => {
    const result = await runFabu(data, env, 'worker')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('fabu worker needs PostgreSQL')
  }, 60_000)

  it('refuses fabu serve --no-worker, which would leave nobody to publish', async () => {
    const result = await runFabu(data, env, 'serve', '--no-worker', '--port', '0', '--admin-port', '0')
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('only on PostgreSQL can publishing be left to fabu worker')
  }, 60_000)

  it('refuses fabu search reindex --queue, and rebuilds the index itself without it', async () => {
    const queued = await runFabu(data, env, 'search', 'reindex', '--queue')
    expect(queued.code).not.toBe(0)
    expect(queued.stderr).toContain('on SQLite reindex without --queue')
    const direct = await runFabu(data, env, 'search', 'reindex')
    expect(direct.code).toBe(0)
    expect(direct.stdout).toMatch(/indexed \d+/)
  }, 120_000)
})
