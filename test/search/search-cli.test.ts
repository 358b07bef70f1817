import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFabu } from '../support/run-fabu.ts'

describe('fabu search', () => {
  let folder: string
  const fabu = (...args: string[]) => runFabu(folder, { ...process.env, DATABASE_URL: '' }, ...args)

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-search-cli-'))
    expect((await fabu('demo', '--json')).code).toBe(0)
    expect((await fabu('publish', '--json')).code).toBe(0)
  }, 120_000)
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('rebuilds the index, finds what publishing indexed, and takes synonyms from a file', async () => {
    const before = JSON.parse((await fabu('search', 'query', '计测院', '--json')).stdout) as { total: number }
    const reindexed = await fabu('search', 'reindex', '--json')
    expect(reindexed.code, reindexed.stderr).toBe(0)
    expect(JSON.parse(reindexed.stdout).indexed).toBeGreaterThan(40)
    const groups = join(folder, 'synonyms.txt')
    await writeFile(groups, '计测院，计量测试技术研究院\n社保 社会保险\n')
    const set = await fabu('search', 'synonyms', '--set', groups, '--json')
    expect(set.code, set.stderr).toBe(0)
    expect(JSON.parse(set.stdout)).toEqual([
      ['计测院', '计量测试技术研究院'],
      ['社保', '社会保险'],
    ])
    const after = JSON.parse((await fabu('search', 'query', '计测院', '--json')).stdout) as { total: number }
    expect(after.total).toBeGreaterThan(before.total)
  })

  it('refuses a bad query and a bad synonyms file with a clear error and changes nothing', async () => {
    const long = await fabu('search', 'query', 'x'.repeat(101))
    expect(long.code).toBe(1)
    expect(long.stderr).toContain('INVALID_SEARCH_QUERY')
    const groups = join(folder, 'bad.txt')
    await writeFile(groups, '只有一个词\n')
    const refused = await fabu('search', 'synonyms', '--set', groups)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('VALIDATION_FAILED')
    const kept = JSON.parse((await fabu('search', 'synonyms', '--json')).stdout) as string[][]
    expect(kept).toHaveLength(2)
  })
})
