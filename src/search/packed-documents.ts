import { deserialize, serialize } from 'node:v8'
import type { SearchDocument } from './search-document.ts'

/**
 * Search documents packed by the thread that made them into one buffer, which crosses to the
 * index's writer thread by transfer rather than by copy. A bulk load's batch of a thousand
 * documents is some 30 MB: as objects it was copied into the thread that answers requests,
 * kept there while earlier batches were written, and copied out again to the writer.
 */
export interface PackedDocuments {
  readonly bytes: ArrayBuffer
  readonly count: number
}

export function packDocuments(documents: readonly SearchDocument[]): PackedDocuments {
  const packed = serialize(documents)
  // Transferred whole, so it must hold these bytes alone: v8's serializer hands over a buffer
  // of its own, copied only if it ever is a view into a bigger one.
  const isWhole = packed.byteOffset === 0 && packed.buffer.byteLength === packed.byteLength
  const bytes = isWhole
    ? (packed.buffer as ArrayBuffer)
    : packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength)
  return { bytes: bytes as ArrayBuffer, count: documents.length }
}

/**
 * The documents of a pack, which it consumes: its buffer (up to 64 MB outside the heap) is
 * let go at once rather than kept, by the message that brought it, while they are written.
 */
export function unpackDocuments(packed: PackedDocuments): SearchDocument[] {
  const documents = deserialize(new Uint8Array(packed.bytes)) as SearchDocument[]
  packed.bytes.transfer(0)
  return documents
}
