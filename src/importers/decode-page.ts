/**
 * Turns the bytes of an old site's page into text. Legacy government pages declare GB2312 or
 * GBK, often only in a `<meta>`, sometimes wrongly, and use characters outside GB2312 (堃 喆
 * 昇 镕): every GB label is decoded as GB18030, its superset. A page no charset decodes
 * cleanly is refused rather than stored with U+FFFD or 锟斤拷 (UTF-8 replacement characters
 * once saved as GBK, then read back).
 */
export type DecodedPage =
  | { readonly ok: true; readonly text: string; readonly charset: string }
  | { readonly ok: false; readonly reason: string }

const GB = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'gb_2312-80', 'csgb2312', 'chinese', 'cp936'])
const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8'])
const GARBLED = '锟斤拷'

/** The canonical decoder name for a declared label, or null for one fabu does not read. */
export function decoderFor(label: string | null | undefined): 'utf-8' | 'gb18030' | 'big5' | null {
  const name = (label ?? '').trim().toLowerCase()
  if (UTF8.has(name)) return 'utf-8'
  if (GB.has(name)) return 'gb18030'
  if (name === 'big5' || name === 'big5-hkscs') return 'big5'
  return null
}

/** The charset a Content-Type header declares: `text/html; charset=GBK` → `GBK`. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')
  return match?.[1] ?? null
}

/**
 * The charset a page declares in its first 1024 bytes, as the HTML standard's prescan finds
 * it: `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. The
 * bytes are read as Latin-1, which keeps every ASCII byte where it is.
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag)
    if (direct?.[1]) return direct[1]
  }
  return null
}

function strictly(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * Decodes a page: the header's charset, else the `<meta>` one, else UTF-8; when the declared
 * charset does not decode cleanly the others are tried (declarations are sometimes wrong).
 *
 * @example decodePage(gbkBytes, 'text/html') // { ok: true, text: '…', charset: 'gb18030' }
 */
export function decodePage(bytes: Uint8Array, contentType?: string | null): DecodedPage {
  const declared = decoderFor(headerCharset(contentType)) ?? decoderFor(metaCharset(bytes))
  const order = [...new Set([declared ?? 'utf-8', 'utf-8', 'gb18030'])]
  for (const encoding of order) {
    const text = strictly(bytes, encoding)
    if (text === null) continue
    if (text.includes('\uFFFD') || text.includes(GARBLED)) {
      return {
        ok: false,
        reason: '页面含乱码（U+FFFD 或 锟斤拷）/ the page holds garbled text (U+FFFD or 锟斤拷)',
      }
    }
    return { ok: true, text, charset: encoding }
  }
  return {
    ok: false,
    reason: `无法按 ${order.join(', ')} 解码 / cannot be decoded as ${order.join(', ')}`,
  }
}
