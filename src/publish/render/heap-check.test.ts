import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const HEAP_CHECK = join(import.meta.dirname, 'heap-check.ts')
const COLLECT_GARBAGE = join(import.meta.dirname, '../../threads/collect-garbage.ts')

describe('the render process’s heap check', () => {
  it('collects garbage in a process started without --expose-gc', () => {
    // A process of its own: the test runner's may have gc exposed already.
    const script = `
      const { isHeapCrowded } = await import(${JSON.stringify(HEAP_CHECK)})
      const { collectGarbage } = await import(${JSON.stringify(COLLECT_GARBAGE)})
      const exposedAtStart = typeof globalThis.gc === 'function'
      const { getHeapStatistics } = await import('node:v8')
      let junk = []
      for (let i = 0; i < 500000; i++) junk.push({ i, text: 'x' + i })
      const full = getHeapStatistics().used_heap_size
      junk = null
      collectGarbage()
      const after = getHeapStatistics().used_heap_size
      console.log(JSON.stringify({ exposedAtStart, freedMb: (full - after) / 1e6, crowded: isHeapCrowded() }))
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    const result = JSON.parse(out.trim())
    expect(result.exposedAtStart).toBe(false)
    expect(result.freedMb).toBeGreaterThan(10)
    expect(result.crowded).toBe(false)
  })
})
