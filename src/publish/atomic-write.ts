import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import { threadId } from 'node:worker_threads'

/** Where half-written files wait: inside the output root (so rename is atomic), never served. */
export const TEMPORARY_FOLDER = '.fabu-tmp'

/**
 * Writes files so that a reader only ever sees a whole old file or a whole new one: the bytes
 * go to a temporary name beside the target, then one rename puts them in place.
 */
export class AtomicWriter {
  readonly root: string
  readonly #madeFolders = new Set<string>()
  #counter = 0

  constructor(root: string) {
    this.root = resolve(root)
    mkdirSync(join(this.root, TEMPORARY_FOLDER), { recursive: true })
  }

  /** Removes what a killed run left half-written; call before a run starts writing. */
  clearTemporaryFiles(): void {
    rmSync(join(this.root, TEMPORARY_FOLDER), { recursive: true, force: true })
    mkdirSync(join(this.root, TEMPORARY_FOLDER), { recursive: true })
  }

  write(path: string, body: string | Uint8Array): void {
    const target = this.resolve(path)
    const folder = dirname(target)
    if (!this.#madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true })
      this.#madeFolders.add(folder)
    }
    const temporary = join(this.root, TEMPORARY_FOLDER, `${process.pid}-${threadId}-${this.#counter++}.tmp`)
    try {
      writeFileSync(temporary, body)
      renameSync(temporary, target)
    } catch (error) {
      rmSync(temporary, { force: true })
      throw error
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
