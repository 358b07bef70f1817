import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { buildZip, deflatedZeros } from '../../src/uploads/test-zip.ts'

const MiB = 1024 * 1024

/** A Windows program: an MZ stub whose e_lfanew points at a PE header for x86-64. */
export function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(1024)
  bytes.write('MZ', 0, 'latin1')
  bytes.writeUInt32LE(0x80, 0x3c)
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1')
  bytes.write('PE\0\0', 0x80, 'latin1')
  bytes.writeUInt16LE(0x8664, 0x84)
  return bytes
}

export function svgWithScript(): Buffer {
  return Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
      '<script>fetch("/api/users",{method:"POST"})</script><rect width="10" height="10"/></svg>',
  )
}

/** A PNG whose header claims width × height (valid CRCs) but whose pixel data is a few bytes. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A real 8×8 PNG. */
export function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#1e5aa8' } })
    .png()
    .toBuffer()
}

let bomb: Promise<Buffer> | undefined

/** A zip of one entry, 200 MiB of zeros really deflated (about 200 KB); built once per run. */
export function zipBomb(): Promise<Buffer> {
  bomb ??= deflatedZeros(200 * MiB).then((deflated) => buildZip([{ name: 'zeros.bin', deflated }]))
  return bomb
}

/** A small zip whose central directory claims its one entry unpacks to 600 MiB. */
export function zipClaiming600MiB(): Buffer {
  return buildZip([{ name: 'report.txt', data: Buffer.from('hello'.repeat(100)), declaredSize: 600 * MiB }])
}

/** Every file below `root`, as paths relative to it; none when the folder does not exist. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    },
  )
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort()
}
