import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFabu } from './support/run-fabu.ts'

// The choice of site is the CLI's own; it runs on the embedded default engine.
describe('commands without --site on an installation of two sites', () => {
  let data: string
  const env = { ...process.env, DATABASE_URL: '', FABU_DEFAULT_SITE: '' }
  const fabu = (...args: string[]) => runFabu(data, env, ...args)

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-default-site-'))
    const sites: readonly (readonly [string, string])[] = [
      ['simt', '计量院'],
      ['jyj', '教育局'],
    ]
    for (const [slug, name] of sites) {
      const made = await fabu(
        'site',
        'create',
        '--slug',
        slug,
        '--name',
        name,
        '--base-url',
        `https://${slug}.example.cn`,
      )
      expect(made.code, made.stderr).toBe(0)
      const column = await fabu('column', 'create', '--site', slug, '--name', `${name}通知`, '--slug', 'tzgg')
      expect(column.code, column.stderr).toBe(0)
    }
  }, 60_000)
  afterAll(async () => {
    await rm(data, { recursive: true, force: true })
  })

  it('are refused with a message naming --site and [cli] default_site while neither is given', async () => {
    const refused = await fabu('column', 'list')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('--site')
    expect(refused.stderr).toContain('default_site')
  })

  it('use the site fabu.toml names, and --site still wins over it', async () => {
    await writeFile(join(data, 'fabu.toml'), '[cli]\ndefault_site = "jyj"\n')
    const listed = await fabu('column', 'list')
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toContain('教育局通知')
    expect(listed.stdout).not.toContain('计量院通知')
    const chosen = await fabu('column', 'list', '--site', 'simt')
    expect(chosen.stdout).toContain('计量院通知')
    await writeFile(join(data, 'fabu.toml'), '[cli]\ndefault_site = "nosuch"\n')
    const unknown = await fabu('column', 'list')
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toContain('nosuch')
  }, 60_000)
})
