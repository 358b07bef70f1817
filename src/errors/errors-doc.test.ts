import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url).pathname

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('docs/errors.md', () => {
  const codesInCode = new Set(
    sourceFiles(join(root, 'src')).flatMap((file) =>
      // Both ways to declare an error: a `readonly code` of its own, or defineError's first argument.
      [
        ...readFileSync(file, 'utf8').matchAll(
          /readonly code = '([A-Z_]+)'|^export class \w+ extends defineError\(\s*'([A-Z_]+)'/gm,
        ),
      ].map((m) => m[1] ?? m[2]),
    ),
  )
  const codesInDocs = new Set(
    [...readFileSync(join(root, 'docs/errors.md'), 'utf8').matchAll(/^\| `([A-Z_]+)`\s*\|/gm)].map(
      (m) => m[1],
    ),
  )

  it('lists every error code the code can raise', () => {
    expect(codesInCode.size).toBeGreaterThan(5)
    expect([...codesInCode].filter((code) => !codesInDocs.has(code))).toEqual([])
  })

  it('lists no code that the code no longer has', () => {
    expect([...codesInDocs].filter((code) => !codesInCode.has(code))).toEqual([])
  })
})
