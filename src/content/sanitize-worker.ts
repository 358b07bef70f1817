import { parentPort } from 'node:worker_threads'
import { BodyLimitError } from './body-limits.ts'
import { sanitizeBody } from './sanitize-body.ts'

/** The worker side of the body sanitizer: one body a message, cleaned by sanitizeBody. */
export interface SanitizeTask {
  readonly html: string
  readonly field: string
  readonly iframeHosts: readonly string[]
}

export type SanitizeAnswer =
  | { readonly ready: true }
  | { readonly clean: string }
  | { readonly refused: BodyLimitError['limit'] }
  | { readonly failed: string }

parentPort?.postMessage({ ready: true } satisfies SanitizeAnswer)

parentPort?.on('message', (task: SanitizeTask) => {
  let answer: SanitizeAnswer
  try {
    answer = { clean: sanitizeBody(task.html, { field: task.field, iframeHosts: task.iframeHosts }) }
  } catch (error) {
    // Errors do not cross threads with their class; the limit is enough to make it again.
    answer = error instanceof BodyLimitError ? { refused: error.limit } : { failed: String(error) }
  }
  parentPort?.postMessage(answer)
})
