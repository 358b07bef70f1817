import { copyFile, mkdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { diskFullFrom } from '../errors/index.ts'
import { isKnownExtension } from './content-types.ts'
import { THUMBNAIL_EXTENSION } from './process-image.ts'
import { storagePathFor } from './storage-path-for.ts'

// Reads text (a body, a cover image URL, attachment URLs) for the one shape a stored upload's
// URL has; nothing is rewritten, so the text is never parsed as HTML here.
const STORED_URL = /\/uploads\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})\.([a-z0-9]{2,4})\b/g

/**
 * Copies the uploads that `texts` point to from one site's uploads folder to another's, at
 * the same content-hash paths (so the copied article's URLs stay right), with their
 * thumbnails. Files already there, or missing at the source, are left alone.
 * Returns how many files were copied.
 */
export async function copyStoredUploads(
  fromRoot: string,
  toRoot: string,
  texts: readonly string[],
): Promise<number> {
  const paths = new Set<string>()
  for (const text of texts) {
    for (const match of text.matchAll(STORED_URL)) {
      const [, sha256 = '', extension = ''] = match
      if (!isKnownExtension(extension)) continue
      paths.add(storagePathFor(sha256, extension))
      paths.add(storagePathFor(sha256, THUMBNAIL_EXTENSION, 'thumb'))
    }
  }
  let copied = 0
  for (const path of paths) {
    const source = join(fromRoot, path)
    const target = join(toRoot, path)
    if (!(await exists(source)) || (await exists(target))) continue
    try {
      await mkdir(dirname(target), { recursive: true })
      await copyFile(source, target)
      copied++
    } catch (error) {
      throw diskFullFrom(error, target) ?? error
    }
  }
  return copied
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
