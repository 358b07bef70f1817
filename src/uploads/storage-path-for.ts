import { ValidationError } from '../errors/index.ts'
import { isKnownExtension } from './content-types.ts'

/**
 * Where a stored file lives under the uploads folder, made from its content hash alone so that
 * no uploaded name ever reaches the file system. Two folder levels keep each folder small.
 *
 * @example storagePathFor('ab12…', 'png')          // 'ab/12/ab12….png'
 * @example storagePathFor('ab12…', 'webp', 'thumb') // 'ab/12/ab12….thumb.webp'
 */
export function storagePathFor(sha256: string, extension: string, variant?: 'thumb'): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new ValidationError('sha256', '须为 64 位小写十六进制摘要', 'must be 64 lower-case hex digits')
  }
  if (!isKnownExtension(extension)) {
    throw new ValidationError(
      'extension',
      `不是允许的扩展名：${extension}`,
      `not an allowed extension: ${extension}`,
    )
  }
  const suffix = variant === 'thumb' ? `thumb.${extension}` : extension
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.${suffix}`
}
