import { lstatSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A folder for Node's compile cache that only this user can write, or undefined where none can
 * be had (then fabu runs without the cache). Node's default, `<tmpdir>/node-compile-cache`, is
 * shared by every user of the machine: another local user could make it first and leave there
 * compiled code that fabu, and its render processes, would then load.
 */
export function privateCompileCacheFolder(root: string = tmpdir()): string | undefined {
  const uid = process.getuid?.()
  if (uid === undefined) return undefined
  const folder = join(root, `fabu-compile-cache-${uid}`)
  try {
    mkdirSync(folder, { mode: 0o700 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
  }
  try {
    // Not followed: a link someone else placed at the name is refused, as is their folder.
    const found = lstatSync(folder)
    if (!found.isDirectory() || found.uid !== uid || (found.mode & 0o077) !== 0) return undefined
  } catch {
    return undefined
  }
  return folder
}
