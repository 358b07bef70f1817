import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { BodyTooComplexError } from '../errors/index.ts'
import { BodyLimitError } from './body-limits.ts'
import { sanitizeBody } from './sanitize-body.ts'
import type { SanitizeAnswer, SanitizeTask } from './sanitize-worker.ts'

export interface BodySanitizerOptions {
  /** Hostnames whose https iframes bodies may embed. */
  readonly iframeHosts: readonly string[]
  /** Worker threads at most; default two (one on a single core). */
  readonly workers?: number
  /** A body that takes longer has its worker terminated and is refused with BODY_TOO_COMPLEX. */
  readonly deadlineMs?: number
  /** The heap a worker may use before it is stopped, with the same refusal. */
  readonly heapMb?: number
}

// Bodies this short (an empty column page, a line of text) are cleaned on the calling thread,
// where they take a millisecond or two less than the round trip to a worker. A longer one goes
// to a worker however it is built: 500 characters of formatting tags reopened in each paragraph
// that follows make the parser build thousands of elements (150 ms), while 256 characters can
// make a few hundred at most.
export const INLINE_MAX_CHARS = 256

interface Task {
  readonly html: string
  readonly field: string
  readonly resolve: (clean: string) => void
  readonly reject: (error: unknown) => void
}

interface Slot {
  readonly worker: Worker
  isReady: boolean
  task: Task | undefined
  timer: NodeJS.Timeout | undefined
}

/**
 * Cleans article and page bodies with sanitizeBody in worker threads, so that no body, however
 * large or hostile, blocks the thread that answers requests. Workers start when first needed
 * and hold no process open while idle; each body gets a deadline and each worker a heap cap,
 * past which the worker is terminated (a new one starts for the next body) and the caller gets
 * BODY_TOO_COMPLEX.
 */
export class BodySanitizer {
  readonly #iframeHosts: readonly string[]
  readonly #size: number
  readonly #deadlineMs: number
  readonly #heapMb: number
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  #isClosed = false

  constructor(options: BodySanitizerOptions) {
    this.#iframeHosts = [...options.iframeHosts]
    this.#size = options.workers ?? Math.min(2, availableParallelism())
    // A 5 MB body pasted from Word (55,000 elements) takes 4–12 s, depending on what else the
    // machine is doing; nothing within the structural limits should take longer than that.
    this.#deadlineMs = options.deadlineMs ?? 30_000
    // That body needs between 128 and 256 MB of heap while it is cleaned.
    this.#heapMb = options.heapMb ?? 512
  }

  /** The body cleaned by sanitizeBody; a refusal names `field`. */
  async sanitize(html: string, field: string): Promise<string> {
    if (html.length <= INLINE_MAX_CHARS) return sanitizeBody(html, { field, iframeHosts: this.#iframeHosts })
    if (this.#isClosed) throw new Error('the body sanitizer is closed')
    return new Promise((resolve, reject) => {
      this.#queue.push({ html, field, resolve, reject })
      this.#dispatch()
    })
  }

  /** Stops the workers; bodies still waiting fail. */
  async close(): Promise<void> {
    this.#isClosed = true
    const closed = new Error('the body sanitizer is closed')
    for (const task of this.#queue.splice(0)) task.reject(closed)
    const slots = this.#slots.splice(0)
    for (const slot of slots) {
      clearTimeout(slot.timer)
      slot.task?.reject(closed)
      slot.task = undefined
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const idle = this.#slots.find((slot) => slot.isReady && slot.task === undefined)
      if (!idle) {
        const starting = this.#slots.filter((slot) => !slot.isReady).length
        if (starting < this.#queue.length && this.#slots.length < this.#size) this.#spawn()
        return
      }
      const task = this.#queue.shift() as Task
      idle.task = task
      // Held open while it works, so a command-line save cannot exit before its body is back.
      idle.worker.ref()
      idle.worker.postMessage({
        html: task.html,
        field: task.field,
        iframeHosts: this.#iframeHosts,
      } satisfies SanitizeTask)
      idle.timer = setTimeout(
        () => this.#stop(idle, new BodyTooComplexError(task.field, this.#deadlineMs)),
        this.#deadlineMs,
      )
    }
  }

  #spawn(): void {
    const worker = new Worker(new URL('./sanitize-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.#heapMb, maxYoungGenerationSizeMb: 32 },
    })
    const slot: Slot = { worker, isReady: false, task: undefined, timer: undefined }
    this.#slots.push(slot)
    worker.on('message', (answer: SanitizeAnswer) => this.#answered(slot, answer))
    worker.on('error', (error) => {
      const task = slot.task
      if (task) {
        // Out of memory, most likely: the body asked for more than a worker may have.
        this.#stop(slot, new BodyTooComplexError(task.field, this.#deadlineMs))
      } else if (!slot.isReady) {
        // The worker could not start; the bodies waiting would wait for ever.
        for (const waiting of this.#queue.splice(0)) waiting.reject(error)
        this.#stop(slot, error)
      }
    })
    worker.on('exit', (code) => {
      if (slot.task) this.#stop(slot, new Error(`the body sanitizer's worker exited (code ${code})`))
    })
  }

  #answered(slot: Slot, answer: SanitizeAnswer): void {
    if (!this.#slots.includes(slot)) return
    if ('ready' in answer) {
      slot.isReady = true
      slot.worker.unref()
      this.#dispatch()
      return
    }
    const task = slot.task
    clearTimeout(slot.timer)
    slot.task = undefined
    slot.worker.unref()
    if (task) {
      if ('clean' in answer) task.resolve(answer.clean)
      else if ('refused' in answer) task.reject(new BodyLimitError(task.field, answer.refused))
      else task.reject(new Error(`sanitizing a body failed: ${answer.failed}`))
    }
    this.#dispatch()
  }

  /** Fails the slot's body (if any) with `error`, and terminates its worker. */
  #stop(slot: Slot, error: unknown): void {
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    this.#slots.splice(index, 1)
    clearTimeout(slot.timer)
    slot.task?.reject(error)
    slot.task = undefined
    void slot.worker.terminate()
    this.#dispatch()
  }
}
