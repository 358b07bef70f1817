import { availableParallelism } from 'node:os'
import { BodyTooComplexError } from '../errors/index.ts'
import { inlineTasks } from './inline-tasks.ts'
import { WorkerPool } from './worker-pool.ts'

export interface BodySanitizerOptions {
  /** Hostnames whose https iframes bodies may embed. */
  readonly iframeHosts: readonly string[]
  /** Worker threads at most; default two (one on a single core). */
  readonly workers?: number
  /** A body that takes longer has its worker terminated and is refused with BODY_TOO_COMPLEX. */
  readonly deadlineMs?: number
  /** The heap a worker may use before it is stopped, with the same refusal. */
  readonly heapMb?: number
  /** Bodies waiting for a worker at most; one more is refused with SERVER_BUSY (default 8). */
  readonly maxWaiting?: number
  /** How long a body may wait for a worker before it is refused with SERVER_BUSY (the deadline). */
  readonly maxWaitMs?: number
}

// Bodies this short (an empty column page, a line of text) are cleaned on the calling thread,
// where they take a millisecond or two less than the round trip to a worker. A longer one goes
// to a worker however it is built: 500 characters of formatting tags reopened in each paragraph
// that follows make the parser build thousands of elements (150 ms), while 256 characters can
// make a few hundred at most.
export const INLINE_MAX_CHARS = 256

/**
 * Cleans article and page bodies with sanitizeBody in worker threads (a WorkerPool of its own),
 * so that no body, however large or hostile, blocks the thread that answers requests. A body
 * past its deadline or heap cap has its worker terminated and is refused with BODY_TOO_COMPLEX;
 * one that finds the queue full, or waits longer than the deadline, is refused with SERVER_BUSY.
 */
export class BodySanitizer {
  readonly #iframeHosts: readonly string[]
  readonly #pool: WorkerPool

  constructor(options: BodySanitizerOptions) {
    this.#iframeHosts = [...options.iframeHosts]
    this.#pool = new WorkerPool({
      name: 'the body sanitizer',
      workers: options.workers ?? Math.min(2, availableParallelism()),
      // A 5 MB body pasted from Word (55,000 elements) takes 4–12 s, depending on what else the
      // machine is doing; nothing within the structural limits should take longer than that.
      deadlineMs: options.deadlineMs ?? 30_000,
      // That body needs between 128 and 256 MB of heap while it is cleaned.
      heapMb: options.heapMb ?? 512,
      // Two workers serve every site's saves, so a few slow bodies must not hold up the rest
      // for long: past eight waiting, or half a minute's wait, a save is refused as busy.
      maxWaiting: options.maxWaiting,
      maxWaitMs: options.maxWaitMs,
    })
  }

  /** The body cleaned by sanitizeBody; a refusal names `field`. */
  async sanitize(html: string, field: string): Promise<string> {
    const input = { html, field, iframeHosts: this.#iframeHosts }
    if (html.length <= INLINE_MAX_CHARS) return (await inlineTasks()).sanitize(input)
    return this.#pool.run('sanitize', input, () => new BodyTooComplexError(field, this.#pool.deadlineMs))
  }

  /** Stops the workers; bodies still waiting fail. */
  close(): Promise<void> {
    return this.#pool.close()
  }
}
