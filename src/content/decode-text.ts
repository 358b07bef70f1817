import { InvalidEncodingError, UnsupportedCharsetError } from '../errors/index.ts'

/**
 * The charsets fabu reads text in, by the labels people write: UTF-8, and the Chinese legacy
 * ones old editors and Windows tools still save in. WHATWG decodes gb2312 and gbk with its
 * GB18030 decoder, a superset of both.
 */
const DECODERS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gbk',
  'x-gbk': 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
}

/** The charsets `decodeText` accepts, for help texts and option checks. */
export const TEXT_CHARSETS: readonly string[] = Object.keys(DECODERS)

/**
 * Decodes bytes as text in the charset they were declared in (UTF-8 when none was), strictly:
 * a byte sequence that is not valid in that charset is refused, never replaced by U+FFFD, so
 * a GBK file read as UTF-8 fails loudly instead of being stored as question marks. A leading
 * byte order mark is dropped.
 *
 * @param field what the text is, for the error: `body`, `--body-file`
 * @example decodeText(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), 'gbk', 'body') // '中文'
 */
export function decodeText(bytes: Uint8Array, charset: string | undefined, field: string): string {
  const label = (charset ?? '').trim().replace(/^"|"$/g, '').toLowerCase() || 'utf-8'
  const encoding = DECODERS[label]
  if (!encoding) throw new UnsupportedCharsetError(label)
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch (error) {
    if (error instanceof TypeError) throw new InvalidEncodingError(field, label.toUpperCase())
    throw error
  }
}

/** The charset parameter of a Content-Type header, if it has one: `text/html; charset=GBK` → `GBK`. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')
  return match?.[2]
}
