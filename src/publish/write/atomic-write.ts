import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { threadId } from 'node:worker_threads'
import { diskFullFrom } from '../../errors/index.ts'

/** Where half-written files wait: inside the output root (so rename is atomic), never served. */
export const TEMPORARY_FOLDER = '.fabu-tmp'

/**
 * Writes files so that a reader only ever sees a whole old file or a whole new one: the bytes
 * go to a temporary name beside the target, then one rename puts them in place. Each process
 * has a temporary folder of its own, so a publish in one (the server's) is never disturbed by
 * another (`fabu publish`) clearing up after a killed run.
 */
export class AtomicWriter {
  readonly root: string
  readonly #temporary: string
  readonly #madeFolders = new Set<string>()
  #counter = 0

  constructor(root: string) {
    this.root = resolve(root)
    this.#temporary = join(this.root, TEMPORARY_FOLDER, String(process.pid))
    try {
      mkdirSync(this.#temporary, { recursive: true })
    } catch (error) {
      throw diskFullFrom(error, this.root) ?? error
    }
  }

  /** Removes what killed runs left half-written: this process's files and those of dead processes. */
  clearTemporaryFiles(): void {
    for (const entry of readdirSync(join(this.root, TEMPORARY_FOLDER))) {
      if (entry === String(process.pid) || !isRunning(Number(entry))) {
        rmSync(join(this.root, TEMPORARY_FOLDER, entry), { recursive: true, force: true })
      }
    }
    mkdirSync(this.#temporary, { recursive: true })
  }

  write(path: string, body: string | Uint8Array): void {
    const target = this.resolve(path)
    const folder = dirname(target)
    if (!this.#madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true })
      this.#madeFolders.add(folder)
    }
    const temporary = join(this.#temporary, `${threadId}-${this.#counter++}.tmp`)
    try {
      writeFileSync(temporary, body)
      renameSync(temporary, target)
    } catch (error) {
      rmSync(temporary, { force: true })
      // Named by the page, not the temporary file: that is the path the operator knows.
      throw diskFullFrom(error, target) ?? error
    }
  }

  remove(path: string): void {
    rmSync(this.resolve(path), { force: true })
  }

  /** The absolute path of an output path, refusing anything that would leave the root. */
  resolve(path: string): string {
    const target = resolve(join(this.root, path))
    if (!target.startsWith(this.root + sep)) throw new Error(`output path leaves the site folder: ${path}`)
    return target
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
