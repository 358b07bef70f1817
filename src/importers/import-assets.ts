import { basename } from 'node:path'
import { type CheerioAPI, load } from 'cheerio'
import type { Attachment } from '../content/index.ts'
import { acceptUpload, defaultUploadLimits, storeUpload } from '../uploads/index.ts'
import { isOnHost } from './fetch-page.ts'
import type { PageSource } from './page-source.ts'

/** A file of the old site that could not come in, for the report. */
export interface AssetFailure {
  readonly url: string
  readonly reason: string
}

/** A file of the old site as it now lies in fabu's uploads. */
export interface StoredFile {
  readonly url: string
  readonly name: string
  readonly size: number
  readonly mimeType: string
}

const ATTACHMENT = /\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|txt|csv)$/i
const DOWNLOAD = /\/module\/download\/downfile\.jsp$/i

/**
 * Brings an article's images and attachments of the old site into fabu's uploads, through
 * the same checks an editor's upload passes (type by content, size and pixel limits), keeps
 * their names, and points the body at the new files. Links to other pages of the old site
 * become site paths, to be pointed at the new URLs once publishing has given them. Files on
 * the source's asset hosts come in as the origin's do; links to other sites are left as they are.
 */
export async function importAssets(
  bodyHtml: string,
  source: PageSource,
  uploadsDir: string,
  /** Files already brought in by this run, by old URL (null for one refused). */
  stored: Map<string, StoredFile | null> = new Map(),
  /** The installation's upload limit, which an editor's upload meets too. */
  maxFileBytes: number = defaultUploadLimits.maxFileBytes,
): Promise<{ bodyHtml: string; attachments: Attachment[]; failures: AssetFailure[] }> {
  // The body was serialized by cheerio (lower-case tags): one without `<img` or `<a` holds no
  // file or link, and many bodies of a large site are such: parsing them again cost some 4 %
  // of an import's CPU (bench/RESULTS.md).
  if (!bodyHtml.includes('<img') && !bodyHtml.includes('<a'))
    return { bodyHtml, attachments: [], failures: [] }
  const $ = load(`<div id="fabu-body">${bodyHtml}</div>`)
  const attachments: Attachment[] = []
  const failures: AssetFailure[] = []

  async function bring(url: string, fallbackName: string) {
    if (stored.has(url)) return stored.get(url) ?? null
    const fetched = await source.get(url, { maxBytes: maxFileBytes })
    let result: StoredFile | null = null
    if (!fetched.ok) failures.push({ url, reason: fetched.reason })
    else {
      try {
        const accepted = await acceptUpload(
          { bytes: Buffer.from(fetched.bytes), fileName: fallbackName },
          { maxFileBytes },
        )
        const path = await storeUpload(uploadsDir, accepted)
        result = {
          url: `/uploads/${path.path}`,
          name: accepted.displayName,
          size: accepted.bytes.length,
          mimeType: accepted.mimeType,
        }
      } catch (error) {
        failures.push({ url, reason: (error as Error).message })
      }
    }
    stored.set(url, result)
    return result
  }

  for (const element of $('#fabu-body img[src]').toArray()) {
    const src = $(element).attr('src') ?? ''
    if (!isSameOrigin(src, source.origin) && !isOnHost(src, source.assetHosts)) continue
    const file = await bring(src, nameFromUrl(src))
    if (file) $(element).attr('src', file.url)
    else $(element).remove()
  }
  for (const element of $('#fabu-body a[href]').toArray()) {
    const href = $(element).attr('href') ?? ''
    const isOwn = isSameOrigin(href, source.origin)
    // A file host's pages are another site's: only its files come in.
    if (!isOwn && !isOnHost(href, source.assetHosts)) continue
    const url = new URL(href)
    if (ATTACHMENT.test(url.pathname) || DOWNLOAD.test(url.pathname)) {
      const name = url.searchParams.get('filename') || attachmentName($, element, url)
      const file = await bring(href, name)
      if (file) {
        $(element).attr('href', file.url)
        attachments.push({ name: file.name, url: file.url, size: file.size, mimeType: file.mimeType })
      }
    } else if (isOwn) {
      // The new site takes over the old one's address: its pages are linked by path, so that
      // an imported one can be pointed at its new URL and any other one meets a redirect.
      $(element).attr('href', `${url.pathname}${url.search}${url.hash}`)
    }
  }
  return { bodyHtml: $('#fabu-body').html() ?? '', attachments: attachments.slice(0, 100), failures }
}

function isSameOrigin(value: string, origin: string): boolean {
  try {
    return new URL(value).origin === origin
  } catch {
    return false
  }
}

function nameFromUrl(url: string): string {
  try {
    return decodeURIComponent(basename(new URL(url).pathname)) || 'file'
  } catch {
    return 'file'
  }
}

/** The link's own text where it names the file (`附件：2024年计划.docx`), else the URL's file name. */
function attachmentName($: CheerioAPI, element: Parameters<CheerioAPI>[0], url: URL): string {
  const text = $(element)
    .text()
    .replace(/^附件\s*\d*\s*[:：]?\s*/, '')
    .trim()
  const fromUrl = nameFromUrl(url.href)
  const extension = /\.[a-z0-9]+$/i.exec(fromUrl)?.[0] ?? ''
  if (!text) return fromUrl
  return /\.[a-z0-9]{2,4}$/i.test(text) ? text : `${text}${extension}`
}
