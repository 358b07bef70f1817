import yauzl, { type Entry, type ZipFile } from 'yauzl'
import type { UploadLimits } from './upload-limits.ts'
import { damagedArchive, decompressionBomb, notAllowed } from './upload-refusals.ts'

export type ZipFlavour = 'docx' | 'xlsx' | 'pptx' | 'ofd' | 'zip'

const MiB = 1024 * 1024
const RATIO_CHECKED_ABOVE = MiB

/** Whether the bytes start like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1
  )
}

/**
 * Tells a zip-based document from a plain zip by its entry names, after checking what the
 * central directory declares against the limits. Nothing is ever inflated: the declared sizes
 * are all a bomb has to be judged by, and all an honest archive needs.
 */
export async function inspectArchive(bytes: Buffer, limits: Readonly<UploadLimits>): Promise<ZipFlavour> {
  const zip = await openZip(bytes)
  try {
    if (zip.entryCount > limits.maxArchiveEntries) throw tooManyEntries(zip.entryCount, limits)
    return flavourOf(await checkedEntryNames(zip, limits))
  } finally {
    zip.close()
  }
}

async function openZip(bytes: Buffer): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false })
  } catch (error) {
    throw damagedArchive(error)
  }
}

async function checkedEntryNames(zip: ZipFile, limits: Readonly<UploadLimits>): Promise<string[]> {
  const names: string[] = []
  let unpackedBytes = 0
  for await (const entry of entriesOf(zip)) {
    checkRatio(entry, limits)
    unpackedBytes += entry.uncompressedSize
    if (unpackedBytes > limits.maxArchiveUnpackedBytes) throw tooLargeUnpacked(limits)
    names.push(entry.fileName)
  }
  return names
}

/** yauzl's entries, its errors (bad headers, `../` names) turned into a refusal. */
async function* entriesOf(zip: ZipFile): AsyncGenerator<Entry> {
  try {
    yield* zip.eachEntry()
  } catch (error) {
    throw damagedArchive(error)
  }
}

function checkRatio(entry: Entry, limits: Readonly<UploadLimits>): void {
  if (entry.uncompressedSize <= RATIO_CHECKED_ABOVE) return
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
  if (ratio <= limits.maxCompressionRatio) return
  const shown = Math.round(ratio).toLocaleString('en')
  throw decompressionBomb({
    zh: `其中一个文件压缩比 ${shown}:1，超过上限 ${limits.maxCompressionRatio}:1`,
    en: `an entry is compressed ${shown}:1, beyond the limit of ${limits.maxCompressionRatio}:1`,
  })
}

function tooManyEntries(count: number, limits: Readonly<UploadLimits>): Error {
  return decompressionBomb({
    zh: `包含 ${count} 个文件，超过上限 ${limits.maxArchiveEntries} 个`,
    en: `it holds ${count} entries, more than the limit of ${limits.maxArchiveEntries}`,
  })
}

function tooLargeUnpacked(limits: Readonly<UploadLimits>): Error {
  const mb = Math.round(limits.maxArchiveUnpackedBytes / MiB)
  return decompressionBomb({
    zh: `解压后总大小超过上限 ${mb} MB`,
    en: `it unpacks to more than the limit of ${mb} MB`,
  })
}

function flavourOf(names: readonly string[]): ZipFlavour {
  if (names.includes('[Content_Types].xml')) {
    // Macros run on the reader's computer; a public site should not hand them out.
    if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) {
      throw notAllowed({ zh: '含宏的 Office 文档', en: 'Office document with macros' })
    }
    if (names.some((name) => name.startsWith('word/'))) return 'docx'
    if (names.some((name) => name.startsWith('xl/'))) return 'xlsx'
    if (names.some((name) => name.startsWith('ppt/'))) return 'pptx'
  }
  if (names.includes('OFD.xml')) return 'ofd'
  return 'zip'
}
