import { isUtf8 } from 'node:buffer'
import type { FileTypeResult } from 'file-type'
import type { BilingualMessage } from '../errors/index.ts'
import { type ContentType, contentTypeOf, type Extension } from './content-types.ts'
import { inspectArchive, looksLikeZip } from './inspect-archive.ts'
import { type Markup, sniffMarkup } from './sniff-markup.ts'
import type { UploadLimits } from './upload-limits.ts'
import { notAllowed, refused, svgRefused } from './upload-refusals.ts'

/** file-type's verdicts that we accept as they are (apng: sharp keeps its first frame, a PNG). */
const ACCEPTED: Readonly<Record<string, Extension>> = {
  jpg: 'jpg',
  png: 'png',
  apng: 'png',
  gif: 'gif',
  webp: 'webp',
  pdf: 'pdf',
  rar: 'rar',
  '7z': '7z',
  mp4: 'mp4',
  mp3: 'mp3',
}

/** An OLE2 compound file says nothing of what it holds, so for these the name must tell. */
const LEGACY_OFFICE: ReadonlySet<string> = new Set(['doc', 'xls', 'ppt', 'wps', 'et'])

const NAMED: Readonly<Record<string, BilingualMessage>> = {
  exe: { zh: 'Windows 可执行文件', en: 'Windows executable' },
  elf: { zh: 'Linux 可执行文件（ELF）', en: 'ELF executable' },
  macho: { zh: 'macOS 可执行文件', en: 'Mach-O executable' },
  script: { zh: '脚本', en: 'script' },
  html: { zh: 'HTML 网页', en: 'HTML page' },
  xml: { zh: 'XML 文档', en: 'XML document' },
}

/**
 * Decides what a file is from its bytes alone; the name only picks between types the bytes
 * cannot tell apart (legacy Office files) and marks text as wanted (.txt, .csv).
 * Throws UploadRefusedError for anything not allowed, naming what was found.
 */
export async function detectContentType(
  bytes: Buffer,
  fileName: string,
  limits: Readonly<UploadLimits>,
): Promise<ContentType> {
  if (bytes.length === 0) throw refused({ zh: '文件是空的', en: 'the file is empty' })
  // Zips never reach file-type, which would inflate entries to look inside them.
  if (looksLikeZip(bytes)) return contentTypeOf(await inspectArchive(bytes, limits))
  // Loaded by the first upload, not by every command that opens the upload rules.
  const { fileTypeFromBuffer } = await import('file-type')
  const found = await fileTypeFromBuffer(bytes)
  if (found && found.ext !== 'xml') return fromFileType(found, fileName)
  return fromText(bytes, fileName)
}

function fromFileType(found: FileTypeResult, fileName: string): ContentType {
  const accepted = ACCEPTED[found.ext]
  if (accepted) return contentTypeOf(accepted)
  const named = extensionOf(fileName)
  if (found.ext === 'cfb' && LEGACY_OFFICE.has(named)) return contentTypeOf(named as Extension)
  if (found.ext === 'cfb') {
    throw notAllowed({
      zh: 'OLE2 复合文档，但文件名不是 .doc、.xls、.ppt、.wps 或 .et',
      en: 'OLE2 compound file not named .doc, .xls, .ppt, .wps or .et',
    })
  }
  throw notAllowed(
    NAMED[found.ext] ?? { zh: `${found.ext}（${found.mime}）`, en: `${found.ext}, ${found.mime}` },
  )
}

function fromText(bytes: Buffer, fileName: string): ContentType {
  const markup = sniffMarkup(bytes)
  if (markup) throw markupRefused(markup)
  const named = extensionOf(fileName)
  if (named !== 'txt' && named !== 'csv') {
    throw notAllowed(
      looksLikeText(bytes)
        ? { zh: '纯文本，只接受 .txt 或 .csv 文件名', en: 'plain text, accepted only as .txt or .csv' }
        : { zh: '无法识别的类型', en: 'unrecognised content' },
    )
  }
  if (bytes.includes(0)) {
    throw refused({
      zh: '文本文件含有 NUL 字符，不是纯文本',
      en: 'the text file contains NUL bytes: not plain text',
    })
  }
  if (!isUtf8(bytes)) {
    throw refused({
      zh: '文本文件须为 UTF-8 编码，请另存为 UTF-8 后再上传',
      en: 'text files must be UTF-8; save the file as UTF-8 and upload it again',
    })
  }
  return contentTypeOf(named)
}

function markupRefused(markup: Markup): Error {
  return markup === 'svg' ? svgRefused() : notAllowed(NAMED[markup] as BilingualMessage)
}

function looksLikeText(bytes: Buffer): boolean {
  return !bytes.includes(0) && isUtf8(bytes)
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0
    ? base
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    : ''
}
