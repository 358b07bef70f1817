import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { diskFullFrom, ValidationError } from '../errors/index.ts'
import type { AcceptedUpload } from './accept-upload.ts'
import { THUMBNAIL_EXTENSION } from './process-image.ts'
import { storagePathFor } from './storage-path-for.ts'

/**
 * Writes an accepted upload (and its thumbnail) under `rootDir` at paths made from its hash.
 * The same content always lands on the same path, and a file already there is left alone,
 * so uploading a file twice stores it once. Returns the paths relative to `rootDir`.
 */
export async function storeUpload(
  rootDir: string,
  upload: AcceptedUpload,
): Promise<{ path: string; thumbnailPath: string | null }> {
  // The path stands for the content, so it must really be the content's hash.
  if (createHash('sha256').update(upload.bytes).digest('hex') !== upload.sha256) {
    throw new ValidationError('sha256', '与文件内容不符', 'does not match the bytes')
  }
  const path = storagePathFor(upload.sha256, upload.extension)
  await writeOnce(rootDir, path, upload.bytes)
  if (!upload.thumbnail) return { path, thumbnailPath: null }
  const thumbnailPath = storagePathFor(upload.sha256, THUMBNAIL_EXTENSION, 'thumb')
  await writeOnce(rootDir, thumbnailPath, upload.thumbnail)
  return { path, thumbnailPath }
}

/**
 * Writes to a hidden temporary name beside the target, then renames: a reader sees the whole
 * file or none. Two uploads racing on one path both rename identical bytes into place.
 */
async function writeOnce(rootDir: string, path: string, bytes: Uint8Array): Promise<void> {
  const target = join(rootDir, path)
  if (await exists(target)) return
  const temporary = join(dirname(target), `.${randomUUID()}.tmp`)
  try {
    await mkdir(dirname(target), { recursive: true })
    const file = await open(temporary, 'wx')
    try {
      await file.writeFile(bytes)
      // Flushed before the rename, so a crash cannot leave a complete name on empty content.
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    // A full disk names the file the upload was to become, not its temporary name.
    throw diskFullFrom(error, target) ?? error
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
