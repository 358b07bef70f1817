import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const COLLECT_GARBAGE = join(import.meta.dirname, 'collect-garbage.ts')

/** Runs the body in a Node process of its own (the test runner's may have gc exposed) and returns what it printed. */
function inFreshProcess(body: string): Record<string, number | boolean> {
  const script = `
    const { collectGarbage } = await import(${JSON.stringify(COLLECT_GARBAGE)})
    const { getHeapStatistics } = await import('node:v8')
    const exposedAtStart = typeof globalThis.gc === 'function'
    let junk = []
    for (let i = 0; i < 1_500_000; i++) junk.push({ i, text: 'x' + i, more: [i, i + 1] })
    const heapFull = getHeapStatistics().used_heap_size
    const rssFull = process.memoryUsage.rss()
    junk = null
    ${body}
    console.log(JSON.stringify({
      exposedAtStart,
      heapFreedMb: (heapFull - getHeapStatistics().used_heap_size) / 1e6,
      rssFreedMb: (rssFull - process.memoryUsage.rss()) / 1e6,
    }))
  `
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
  return JSON.parse(out.trim())
}

describe('collecting garbage on a thread that knows a phase left some', () => {
  it('frees the garbage in a process started without --expose-gc', () => {
    const result = inFreshProcess('collectGarbage()')
    expect(result.exposedAtStart).toBe(false)
    expect(result.heapFreedMb).toBeGreaterThan(100)
  })

  it('gives the freed memory back to the system when asked to', () => {
    // A plain collection keeps the emptied pages for the heap to reuse: the process stays as big.
    const result = inFreshProcess('collectGarbage({ releasesMemory: true })')
    expect(result.heapFreedMb).toBeGreaterThan(100)
    expect(result.rssFreedMb).toBeGreaterThan(100)
  })
})
