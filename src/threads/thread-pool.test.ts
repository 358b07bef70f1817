import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ThreadPool } from './thread-pool.ts'

const folder = mkdtempSync(join(tmpdir(), 'fabu-threads-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** A worker module of the given source, for the pool to start. */
function workerOf(name: string, source: string): URL {
  const file = join(folder, name)
  writeFileSync(file, source)
  return pathToFileURL(file)
}

function poolOf(worker: URL, startsAtOnce: boolean) {
  return new ThreadPool<{ value: unknown }>({
    name: 'the test pool',
    worker,
    workers: 1,
    heapMb: 64,
    deadlineMs: 2_000,
    maxWaiting: 4,
    maxWaitMs: 60_000,
    startsAtOnce,
    settle: (answer) => ({ value: answer.value }),
  })
}

describe('a pool whose worker ends before it can take work', () => {
  // Ends in its start-up code without an uncaught error: Node reports the exit alone.
  const exiting = workerOf('exits.mjs', 'process.exit(5)\n')

  for (const startsAtOnce of [false, true]) {
    it(`fails the tasks waiting for it with its exit, at once (${startsAtOnce ? 'workers started at once' : 'started as tasks come'})`, async () => {
      const pool = poolOf(exiting, startsAtOnce)
      try {
        // Not SERVER_BUSY after a minute's wait, nor a wait for ever while workers like it start.
        await expect(pool.run('x', () => new Error('overrun'))).rejects.toThrow(/exited \(code 5\)/)
      } finally {
        await pool.close()
      }
    })
  }

  it('answers with a worker that starts', async () => {
    const echo = workerOf(
      'echo.mjs',
      "import { parentPort } from 'node:worker_threads'\nparentPort.postMessage({ ready: true })\nparentPort.on('message', (m) => parentPort.postMessage({ value: `got ${m}` }))\n",
    )
    const pool = poolOf(echo, false)
    try {
      expect(await pool.run('x', () => new Error('overrun'))).toBe('got x')
    } finally {
      await pool.close()
    }
  })
})

describe('a task with buffers to transfer', () => {
  it('hands them to the worker whole, leaving none behind on this side', async () => {
    const summing = workerOf(
      'sums.mjs',
      "import { parentPort } from 'node:worker_threads'\nparentPort.postMessage({ ready: true })\nparentPort.on('message', (m) => parentPort.postMessage({ value: new Uint8Array(m.bytes).reduce((a, b) => a + b, 0) }))\n",
    )
    const pool = poolOf(summing, false)
    try {
      const bytes = new Uint8Array([1, 2, 3, 250]).buffer
      expect(await pool.run({ bytes }, () => new Error('overrun'), [bytes])).toBe(256)
      // Moved, not copied: a batch of search documents is not kept twice (packed-documents.ts).
      expect(bytes.byteLength).toBe(0)
      // Handed over already: that task fails at once, and the worker takes the next.
      await expect(pool.run({ bytes }, () => new Error('overrun'), [bytes])).rejects.toThrow(
        /detached|transfer/i,
      )
      const more = new Uint8Array([7]).buffer
      expect(await pool.run({ bytes: more }, () => new Error('overrun'), [more])).toBe(7)
    } finally {
      await pool.close()
    }
  })
})
