import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'

const DIST = process.env.FABU_ADMIN_DIST ?? new URL('../../admin/dist/', import.meta.url).pathname
/** Issue 17: the admin's first screen must not wait for more than this, gzipped. */
const MAX_INITIAL_GZIPPED = 500 * 1000

interface Node {
  readonly nodeName: string
  readonly attrs?: readonly { readonly name: string; readonly value: string }[]
  readonly childNodes?: readonly Node[]
}

/** The scripts index.html makes the browser fetch before the first screen: the entry and its preloads. */
function initialScripts(html: string): string[] {
  const found = new Set<string>()
  const pending: Node[] = [parse(html) as unknown as Node]
  for (let node = pending.pop(); node; node = pending.pop()) {
    const attr = (name: string) => node.attrs?.find((each) => each.name === name)?.value
    const src = node.nodeName === 'script' ? attr('src') : undefined
    const preload = node.nodeName === 'link' && attr('rel') === 'modulepreload' ? attr('href') : undefined
    if (src ?? preload) found.add((src ?? preload) as string)
    pending.push(...(node.childNodes ?? []))
  }
  return [...found]
}

describe('the admin as built', () => {
  it('loads under 500 kB of gzipped JavaScript before its first screen', () => {
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error('the admin UI is not built: npm run build:admin (npm test does)')
    const scripts = initialScripts(readFileSync(join(DIST, 'index.html'), 'utf8'))
    expect(scripts.length).toBeGreaterThan(1)
    let gzipped = 0
    for (const script of scripts) {
      expect(script).toMatch(/^\/admin\/assets\/[\w.-]+\.js$/)
      gzipped += gzipSync(readFileSync(join(DIST, script.replace(/^\/admin\//, '')))).length
    }
    console.info(`admin: ${scripts.length} scripts before the first screen, ${gzipped} bytes gzipped`)
    expect(gzipped).toBeLessThan(MAX_INITIAL_GZIPPED)
  })
})
