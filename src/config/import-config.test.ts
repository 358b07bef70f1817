import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveConfig } from './resolve-config.ts'

describe('the [import] section of fabu.toml', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-config-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('allows no private origin unless the operator lists one', () => {
    expect(resolveConfig(folder, {}).import.allowedPrivateOrigins).toEqual([])
  })

  it('keeps the listed origins as origins, whatever their trailing slash', async () => {
    await writeFile(
      join(folder, 'fabu.toml'),
      '[import]\nallowed_private_origins = ["http://10.0.0.5/", "http://oldsite.intranet:8080"]\n',
    )
    expect(resolveConfig(folder, {}).import.allowedPrivateOrigins).toEqual([
      'http://10.0.0.5',
      'http://oldsite.intranet:8080',
    ])
  })

  it('refuses a URL with a path, naming the key', async () => {
    await writeFile(
      join(folder, 'fabu.toml'),
      '[import]\nallowed_private_origins = ["http://10.0.0.5/admin"]\n',
    )
    expect(() => resolveConfig(folder, {})).toThrow(/import\.allowed_private_origins\.0/)
  })
})
