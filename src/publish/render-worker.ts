import { PageRenderer } from './page-renderer.ts'
import type { RenderWorkerMessage, RenderWorkerRequest } from './render-messages.ts'

/**
 * The render process: a child process of the publisher, started by the render pool. Templates
 * are untrusted; a V8 out-of-memory in a worker thread aborts the whole process (Node.js
 * issue 47224: one large array, a `concat` doubling, does it), while in a child process it ends
 * only the child. It posts each page's result as it finishes: that is also how the pool sees
 * progress, and knows which page was in hand if the process dies.
 */

function send(message: RenderWorkerMessage): void {
  process.send?.(message)
}

let renderer: PageRenderer | undefined

process.on('message', (message: RenderWorkerRequest) => {
  if ('setup' in message) {
    const { theme, context, outputRoot } = message.setup
    renderer = new PageRenderer(theme, context, outputRoot)
    return
  }
  if ('answers' in message) {
    renderer?.addAnswers(message.answers)
    return
  }
  message.jobs.forEach((job, i) => {
    if (!renderer) throw new Error('render process got pages before its setup')
    send({ result: renderer.render(job, message.knownHashes[i]) })
  })
})
// The publisher went away (it ended, or was killed): nothing is left to render for.
process.on('disconnect', () => process.exit(0))

// Listening now: the pool sends the setup and starts a page's deadline only after this, so a
// slow start is no runaway template.
send({ ready: true })
