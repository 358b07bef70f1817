import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { privateCompileCacheFolder } from './compile-cache-folder.ts'

describe('the compile cache folder', () => {
  let root = ''
  const name = () => join(root, `fabu-compile-cache-${process.getuid?.()}`)
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fabu-cache-root-'))
  })
  afterEach(() => {
    rmSync(root, { recursive: true, force: true })
  })

  it('is made for this user alone, and found again on the next start', () => {
    const folder = privateCompileCacheFolder(root)
    expect(folder).toBe(name())
    expect(statSync(name()).mode & 0o777).toBe(0o700)
    expect(privateCompileCacheFolder(root)).toBe(name())
  })

  it('is refused when others may write into the folder at its name', () => {
    mkdirSync(name())
    chmodSync(name(), 0o777)
    expect(privateCompileCacheFolder(root)).toBeUndefined()
  })

  it('is refused when a link or a file stands at its name', () => {
    const elsewhere = join(root, 'elsewhere')
    mkdirSync(elsewhere, { mode: 0o700 })
    symlinkSync(elsewhere, name())
    expect(privateCompileCacheFolder(root)).toBeUndefined()
    rmSync(name())
    writeFileSync(name(), '')
    expect(privateCompileCacheFolder(root)).toBeUndefined()
  })
})
