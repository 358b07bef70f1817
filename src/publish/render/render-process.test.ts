import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RenderProcess } from './render-process.ts'

/** Files anywhere under the folder (Node keeps its cache in a folder per version). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
}

describe('a render process', () => {
  const saved = process.env.NODE_COMPILE_CACHE
  let folder = ''
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_COMPILE_CACHE
    else process.env.NODE_COMPILE_CACHE = saved
    rmSync(folder, { recursive: true, force: true })
  })

  it('keeps its compiled code for the next one, though the pool ends it with SIGKILL', async () => {
    folder = mkdtempSync(join(tmpdir(), 'fabu-compile-cache-'))
    process.env.NODE_COMPILE_CACHE = folder
    let ready: () => void = () => {}
    const isReady = new Promise<void>((resolve) => {
      ready = resolve
    })
    const child = new RenderProcess(128, {
      onMessage: (message) => {
        if ('ready' in message) ready()
      },
      onGone: () => {},
    })
    await isReady
    // The cache is written just after the ready message leaves: give it a moment.
    for (let waited = 0; waited < 5_000 && filesUnder(folder).length === 0; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await child.kill()
    // Its modules (LiquidJS, the HTML parsers, fabu's render code) are there for the next start.
    expect(filesUnder(folder).length).toBeGreaterThan(20)
  })
})
