import { createHash } from 'node:crypto'
import { TooLargeError } from '../errors/index.ts'
import { type Extension, isImageExtension } from './content-types.ts'
import { detectContentType } from './detect-content-type.ts'
import { type ImageOptions, processImage } from './process-image.ts'
import { safeDisplayName } from './safe-display-name.ts'
import { resolveLimits, type UploadLimits } from './upload-limits.ts'

/** An upload found safe to store, with the bytes to store (images re-encoded). */
export interface AcceptedUpload {
  readonly kind: 'image' | 'attachment'
  /** Decided by content, never by name. */
  readonly mimeType: string
  /** Canonical, lower case, by content: 'jpg', 'docx', 'ofd', … */
  readonly extension: Extension
  /** The original name made safe, its extension corrected to `extension`; Chinese is kept. */
  readonly displayName: string
  /** Hex SHA-256 of `bytes`. */
  readonly sha256: string
  readonly bytes: Buffer
  /** Images only: a WebP of the first frame, at most 400 px wide. */
  readonly thumbnail: Buffer | null
  readonly width?: number
  readonly height?: number
  /** Images scaled for the web, when asked: the full-size picture, to store as an attachment. */
  readonly original?: AcceptedUpload | null
}

/**
 * Checks an uploaded file and prepares it for storing, without touching the file system.
 * Throws TooLargeError (413) above the size limit and UploadRefusedError (422) for a type not
 * allowed, a script, an image or archive bomb, or a file that cannot be read.
 *
 * @example const upload = await acceptUpload({ bytes, fileName: '关于2024年计量工作的通知.pdf' })
 */
export async function acceptUpload(
  input: { bytes: Buffer; fileName: string },
  limits?: Partial<UploadLimits>,
  imageOptions: ImageOptions = {},
): Promise<AcceptedUpload> {
  const resolved = resolveLimits(limits)
  if (input.bytes.length > resolved.maxFileBytes) {
    throw new TooLargeError({ zh: '上传的文件', en: 'the uploaded file' }, resolved.maxFileBytes)
  }
  const type = await detectContentType(input.bytes, input.fileName, resolved)
  const described = { ...type, displayName: safeDisplayName(input.fileName, type.extension) }
  if (!isImageExtension(type.extension)) {
    return { ...described, sha256: sha256Of(input.bytes), bytes: input.bytes, thumbnail: null }
  }
  const { original, ...image } = await processImage(input.bytes, type.extension, resolved, imageOptions)
  return {
    ...described,
    ...image,
    sha256: sha256Of(image.bytes),
    original: original && {
      ...described,
      kind: 'attachment',
      bytes: original.bytes,
      sha256: sha256Of(original.bytes),
      thumbnail: null,
      width: original.width,
      height: original.height,
    },
  }
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
