import { DiffTooComplexError } from '../errors/index.ts'
import { inlineTasks } from './inline-tasks.ts'
import type { RevisionDiff } from './revision-diff.ts'
import { WorkerPool } from './worker-pool.ts'
import type { StoredRevision } from './worker-tasks.ts'

export interface RevisionDifferOptions {
  /** Worker threads at most; default one: comparing revisions is rare, and the cores serve pages. */
  readonly workers?: number
  /** A comparison that takes longer has its worker terminated and fails with DIFF_TOO_COMPLEX. */
  readonly deadlineMs?: number
  /** The heap a worker may use before it is stopped, with the same failure. */
  readonly heapMb?: number
}

// Two revisions whose snapshots are this short together (a one-line notice and its metadata) are
// compared on the calling thread: 0.4 ms against 1 ms for the round trip to a warm worker and
// 30–60 ms to start a cold one. The word diff grows with length times changes, so the cut is low:
// snapshots of 770 characters changed every few words already take 10 ms, of 4,400 over 100 ms.
export const INLINE_MAX_SNAPSHOT_CHARS = 1_024

/**
 * Compares two stored revisions of an article in a worker thread (a WorkerPool of its own), so
 * that two long bodies never hold the thread that answers requests: 60,000 paragraphs take 1–3 s.
 */
export class RevisionDiffer {
  readonly #pool: WorkerPool

  constructor(options: RevisionDifferOptions = {}) {
    this.#pool = new WorkerPool({
      name: 'the revision differ',
      workers: options.workers ?? 1,
      // The text walk is linear and the word diff capped, so the longest bodies the structural
      // limits let through (100,000 elements, some MB) take a few seconds; this is several times that.
      deadlineMs: options.deadlineMs ?? 20_000,
      // Two 5 MB snapshots, their text and the diff's parts take well under 256 MB.
      heapMb: options.heapMb ?? 512,
    })
  }

  /** The differences between revisions `from` and `to`, as diffSnapshots finds them. */
  diff(articleId: number, from: StoredRevision, to: StoredRevision): Promise<RevisionDiff> {
    const input = { articleId, from, to }
    if (from.snapshotJson.length + to.snapshotJson.length <= INLINE_MAX_SNAPSHOT_CHARS) {
      return inlineTasks().then((tasks) => tasks.diffRevisions(input))
    }
    return this.#pool.run(
      'diffRevisions',
      input,
      () => new DiffTooComplexError(articleId, from.revision, to.revision, this.#pool.deadlineMs),
    )
  }

  /** Stops the workers; comparisons still waiting fail. */
  close(): Promise<void> {
    return this.#pool.close()
  }
}
