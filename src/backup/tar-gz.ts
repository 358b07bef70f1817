import { once } from 'node:events'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { createGunzip, createGzip, type Gzip } from 'node:zlib'
import { BackupInvalidError } from '../errors/index.ts'

/**
 * A gzip-compressed POSIX tar (ustar, with PAX records for long paths), written and read here
 * in one pass each. Tar rather than zip: it streams front to back with no central directory to
 * hold or seek for, gzip's trailing CRC and length catch a truncated or altered file, and an
 * operator can list or unpack a backup with the system's own `tar -tzf`.
 */
export interface TarWriter {
  /** Appends one regular file; `body` is either all its bytes or chunks adding up to `size`. */
  add(path: string, size: number, body: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>
  /** Writes the two zero blocks that end a tar, and the gzip trailer. */
  finish(): Promise<void>
  /** Stops writing and leaves the partial file for the caller to remove. */
  abort(): void
}

const BLOCK = 512

export function createTarGzWriter(path: string): TarWriter {
  const gzip: Gzip = createGzip({ level: 6 })
  const file: WriteStream = createWriteStream(path, { flags: 'wx', mode: 0o600 })
  gzip.pipe(file)
  let failure: Error | null = null
  gzip.on('error', (error) => {
    failure = error
  })
  file.on('error', (error) => {
    failure = error
  })
  const push = async (chunk: Uint8Array) => {
    if (failure) throw failure
    if (!gzip.write(chunk)) await once(gzip, 'drain')
  }
  return {
    async add(name, size, body) {
      if (Buffer.byteLength(name) > 99) await push(paxHeader(name))
      await push(header(name, size, '0'))
      let written = 0
      if (body instanceof Uint8Array) {
        await push(body)
        written = body.length
      } else {
        for await (const chunk of body) {
          await push(chunk)
          written += chunk.length
        }
      }
      // A file that changed size while it was read would shift every later header.
      if (written !== size) throw new Error(`${name} changed while it was read (${written} of ${size} bytes)`)
      const padding = (BLOCK - (size % BLOCK)) % BLOCK
      if (padding) await push(Buffer.alloc(padding))
    },
    async finish() {
      await push(Buffer.alloc(BLOCK * 2))
      gzip.end()
      await once(file, 'close')
      if (failure) throw failure
    },
    abort() {
      gzip.destroy()
      file.destroy()
    },
  }
}

function header(name: string, size: number, type: '0' | 'x'): Buffer {
  const block = Buffer.alloc(BLOCK)
  const short = Buffer.from(name).subarray(0, 99)
  short.copy(block, 0)
  block.write('0000644\0', 100, 'ascii')
  block.write('0000000\0', 108, 'ascii')
  block.write('0000000\0', 116, 'ascii')
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii')
  block.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'ascii',
  )
  block.write('        ', 148, 'ascii')
  block.write(type, 156, 'ascii')
  block.write('ustar\0' + '00', 257, 'ascii')
  block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148, 'ascii')
  return block
}

/** A PAX extended header carrying the full path, for paths past ustar's 99 bytes. */
function paxHeader(name: string): Buffer {
  const record = (length: number) => `${length} path=${name}\n`
  let length = Buffer.byteLength(record(0))
  while (Buffer.byteLength(record(length)) !== length) length = Buffer.byteLength(record(length))
  const body = Buffer.from(record(length))
  const padding = (BLOCK - (body.length % BLOCK)) % BLOCK
  return Buffer.concat([header('PaxHeader', body.length, 'x'), body, Buffer.alloc(padding)])
}

function checksum(block: Buffer): number {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0)
  return sum
}

/** What a reader is told of each file as it streams past. */
export interface TarEntryHandler {
  start(path: string, size: number): Promise<void>
  data(chunk: Buffer): Promise<void>
  end(): Promise<void>
}

/**
 * Streams a .tar.gz and hands each regular file to `handler`. Anything else — a link, a device,
 * a path leaving the folder, a bad header checksum, a stream cut short — is refused as
 * BACKUP_INVALID: a backup holds only the files fabu wrote into it.
 */
export async function readTarGz(path: string, handler: TarEntryHandler): Promise<void> {
  const gunzip = createReadStream(path).pipe(createGunzip())
  let pending: Buffer = Buffer.alloc(0)
  let remaining = 0 // bytes of the current file still to come
  let skip = 0 // padding after it
  let paxPath: string | null = null
  let paxBody: Buffer[] | null = null
  let isEnded = false
  const invalid = (why: string) => new BackupInvalidError(path, why)
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
      while (pending.length > 0) {
        if (isEnded) {
          if (pending.some((byte) => byte !== 0)) throw invalid('data after the end of the archive')
          pending = Buffer.alloc(0)
          break
        }
        if (remaining > 0) {
          const part = pending.subarray(0, remaining)
          pending = pending.subarray(part.length)
          remaining -= part.length
          if (paxBody) paxBody.push(Buffer.from(part))
          else await handler.data(part)
          if (remaining === 0) {
            if (paxBody) {
              paxPath = paxPathOf(Buffer.concat(paxBody))
              paxBody = null
            } else await handler.end()
          }
          continue
        }
        if (skip > 0) {
          const gap = Math.min(skip, pending.length)
          pending = pending.subarray(gap)
          skip -= gap
          continue
        }
        if (pending.length < BLOCK) break
        const block = pending.subarray(0, BLOCK)
        pending = pending.subarray(BLOCK)
        if (block.every((byte) => byte === 0)) {
          isEnded = true
          continue
        }
        const stored = Number.parseInt(block.toString('ascii', 148, 156).replace(/[\0 ]/g, ''), 8)
        if (stored !== checksum(block)) throw invalid('a damaged tar header')
        const size = Number.parseInt(block.toString('ascii', 124, 136).replace(/[\0 ]/g, '') || '0', 8)
        const type = block.toString('ascii', 156, 157)
        if (!Number.isSafeInteger(size) || size < 0) throw invalid('a damaged tar header')
        skip = (BLOCK - (size % BLOCK)) % BLOCK
        if (type === 'x') {
          paxBody = []
          remaining = size
          if (size === 0) throw invalid('an empty PAX header')
          continue
        }
        if (type !== '0' && type !== '\0') throw invalid(`an entry that is not a plain file (type ${type})`)
        const name = paxPath ?? block.toString('utf8', 0, 100).replace(/\0.*$/s, '')
        paxPath = null
        if (!isSafeRelativePath(name)) throw invalid(`an unsafe path: ${name}`)
        await handler.start(name, size)
        remaining = size
        if (size === 0) await handler.end()
      }
    }
  } catch (error) {
    if (error instanceof BackupInvalidError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error
    throw new BackupInvalidError(path, (error as Error).message, { cause: error })
  }
  if (!isEnded || remaining > 0) throw invalid('the archive ends early (truncated)')
}

function paxPathOf(body: Buffer): string | null {
  for (const line of body.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(line)
    if (match?.[1] !== undefined) return match[1]
  }
  return null
}

/** Relative, normalised, and inside the folder: no `..`, no absolute path, no empty segment. */
export function isSafeRelativePath(name: string): boolean {
  if (!name || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}
