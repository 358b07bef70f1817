import { execFile } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A real, tiny file system (tmpfs) mounted at `folder`, so a test meets a genuinely full disk
 * (ENOSPC from the kernel) without filling the machine's. Needs root, as the developers' and
 * CI's machines run; `unmount` must be called before the folder is removed.
 */
export async function mountSmallDisk(folder: string, size = '64k'): Promise<{ unmount(): Promise<void> }> {
  await mkdir(folder, { recursive: true })
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder])
  } catch (error) {
    throw new Error(`cannot mount a small tmpfs at ${folder} (these tests need root): ${String(error)}`)
  }
  return { unmount: () => run('umount', [folder]).then(() => undefined) }
}

/** Writes filler into `folder` until its disk refuses more: from then on every write fails. */
export async function fillDisk(folder: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await writeFile(join(folder, `filler-${i}`), Buffer.alloc(4096, 1))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return
      throw error
    }
  }
}

/** Every file under `folder`, relative to it, without the filler. */
export async function filesOn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('filler-'))
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort()
}
