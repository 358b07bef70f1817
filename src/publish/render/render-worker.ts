import { flushCompileCache } from 'node:module'
import { isHeapCrowded } from './heap-check.ts'
import { PageRenderer } from './page-renderer.ts'
import { isResourceFailure, type RenderWorkerMessage, type RenderWorkerRequest } from './render-messages.ts'

/**
 * The render process: a child process of the publisher, started by the render pool. Templates
 * are untrusted; a V8 out-of-memory in a worker thread aborts the whole process (Node.js
 * issue 47224: one large array, a `concat` doubling, does it), while in a child process it ends
 * only the child. It posts each page's result as it finishes: that is also how the pool sees
 * progress, and knows which page was in hand if the process dies.
 */

/** Resolves once the message is handed to the OS: a page's result is out before the next page starts. */
function send(message: RenderWorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve()
    else process.send(message, undefined, undefined, () => resolve())
  })
}

let renderer: PageRenderer | undefined
/** Batches in arrival order: a batch is rendered only after the one before it. */
let line: Promise<void> = Promise.resolve()

process.on('message', (message: RenderWorkerRequest) => {
  if ('setup' in message) {
    line = line.then(() => {
      const { theme, context, outputRoot } = message.setup
      if (renderer?.hasTemplatesOf(theme)) renderer.startRun(context, outputRoot)
      else renderer = new PageRenderer(theme, context, outputRoot)
    })
    return
  }
  if ('answers' in message) {
    line = line.then(() => renderer?.addAnswers(message.answers))
    return
  }
  line = line.then(async () => {
    if (!renderer) throw new Error('render process got pages before its setup')
    for (const [i, job] of message.jobs.entries()) {
      // Waiting for each result to leave means that, should the next page kill this process,
      // the pool has every result before it and charges the right page (and template).
      const result = renderer.render(job, message.knownHashes[i])
      await send({ result })
      if (isResourceFailure(result) || isHeapCrowded()) {
        // The pool queues the rest of the batch again, for a fresh process.
        await send({ retiring: true })
        process.exit(0)
      }
    }
  })
})
// The publisher went away (it ended, or was killed): nothing is left to render for.
process.on('disconnect', () => process.exit(0))

// Node writes its compile cache (which the publisher passes on) when a process exits, and the
// pool ends render processes with SIGKILL: without this they never kept their compiled code,
// and two of them took 170-190 ms to start instead of 60-70. Entries already on disk are not
// written again. Before the ready message, so that the writing (after an upgrade, with a cold
// cache) is part of the start and not of the first page's deadline.
flushCompileCache()
// Listening now: the pool sends the setup and starts a page's deadline only after this, so a
// slow start is no runaway template.
void send({ ready: true })
