import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTarGzWriter, readTarGz } from './tar-gz.ts'

async function entriesOf(path: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  let current = ''
  await readTarGz(path, {
    start: async (name) => {
      current = name
      found[name] = ''
    },
    data: async (chunk) => {
      found[current] += chunk.toString()
    },
    end: async () => {},
  })
  return found
}

describe('the backup archive format', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-tar-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('reads back what it wrote, long and Chinese paths included', async () => {
    const path = join(folder, 'a.tar.gz')
    const writer = createTarGzWriter(path)
    const long = `sites/simt/uploads/ab/cd/${'e'.repeat(64)}.thumb.webp`
    await writer.add('fabu.toml', 3, Buffer.from('a=1'))
    await writer.add(long, 600, Buffer.alloc(600, 'x'))
    await writer.add('sites/政务/uploads/说明.txt', 6, Buffer.from('说明'))
    await writer.finish()
    expect(await entriesOf(path)).toEqual({
      'fabu.toml': 'a=1',
      [long]: 'x'.repeat(600),
      'sites/政务/uploads/说明.txt': '说明',
    })
  })

  it('refuses a path that leaves the folder, and an archive without its end', async () => {
    const escaping = join(folder, 'escaping.tar.gz')
    const writer = createTarGzWriter(escaping)
    await writer.add('../keys/audit.key', 1, Buffer.from('k'))
    await writer.finish()
    await expect(entriesOf(escaping)).rejects.toMatchObject({ code: 'BACKUP_INVALID' })

    const whole = join(folder, 'whole.tar.gz')
    const good = createTarGzWriter(whole)
    await good.add('fabu.toml', 3, Buffer.from('a=1'))
    await good.finish()
    // Valid gzip around a tar cut after its first file: the missing end blocks give it away.
    const tar = gunzipSync(await readFile(whole))
    const cut = join(folder, 'cut.tar.gz')
    await writeFile(cut, gzipSync(tar.subarray(0, 1024)))
    await expect(entriesOf(cut)).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
    await writeFile(join(folder, 'junk.tar.gz'), 'not gzip at all')
    await expect(entriesOf(join(folder, 'junk.tar.gz'))).rejects.toMatchObject({ code: 'BACKUP_INVALID' })
  })
})
