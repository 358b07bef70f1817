import { once } from 'node:events'
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

/** One entry of a zip built for a test. */
export interface TestZipEntry {
  readonly name: string
  readonly data?: Buffer
  /** Compressed bytes made elsewhere (see `deflatedZeros`), with their unpacked size and CRC. */
  readonly deflated?: { readonly bytes: Buffer; readonly size: number; readonly crc: number }
  /** What the directory claims the entry unpacks to, true or not. */
  readonly declaredSize?: number
}

/** A minimal zip (deflate, no zip64) as Office, WPS or a hostile tool might write one. */
export function buildZip(entries: readonly TestZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const packed = packEntry(entry)
    const name = Buffer.from(entry.name, 'utf8')
    const local = Buffer.concat([header(0x04034b50, packed, name, null), packed.bytes])
    centrals.push(header(0x02014b50, packed, name, offset))
    locals.push(local)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** `size` zero bytes deflated a megabyte at a time, so a 200 MiB bomb never sits in memory. */
export async function deflatedZeros(size: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024)
  const deflate = createDeflateRaw({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  let crc = 0
  for (let written = 0; written < size; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - written))
    crc = crc32(piece, crc)
    if (!deflate.write(piece)) await once(deflate, 'drain')
  }
  deflate.end()
  await once(deflate, 'end')
  return { bytes: Buffer.concat(parts), size, crc }
}

interface PackedEntry {
  readonly bytes: Buffer
  readonly size: number
  readonly crc: number
}

function packEntry(entry: TestZipEntry): PackedEntry {
  if (entry.deflated) return { ...entry.deflated, size: entry.declaredSize ?? entry.deflated.size }
  const data = entry.data ?? Buffer.alloc(0)
  return { bytes: deflateRawSync(data), size: entry.declaredSize ?? data.length, crc: crc32(data) }
}

/** A local header (offset null) or a central directory header; both say deflate, UTF-8 names. */
function header(signature: number, packed: PackedEntry, name: Buffer, offset: number | null): Buffer {
  const isCentral = offset !== null
  const fields = Buffer.alloc(isCentral ? 46 : 30)
  let at = 0
  const put16 = (value: number) => {
    at = fields.writeUInt16LE(value, at)
  }
  const put32 = (value: number) => {
    at = fields.writeUInt32LE(value >>> 0, at)
  }
  put32(signature)
  if (isCentral) put16(20) // version made by
  put16(20) // version needed
  put16(0x0800) // flags: UTF-8 names
  put16(8) // deflate
  put32(0) // time and date
  put32(packed.crc)
  put32(packed.bytes.length)
  put32(Math.min(packed.size, 0xfffffffe))
  put16(name.length)
  put16(0) // extra field
  if (isCentral) {
    put16(0) // comment
    put16(0) // disk
    put16(0) // internal attributes
    put32(0) // external attributes
    put32(offset)
  }
  return Buffer.concat([fields, name])
}
