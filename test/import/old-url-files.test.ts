import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeOldUrlFiles } from '../../src/importers/index.ts'

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

describe('the old URLs written into a published folder', () => {
  it('never writes outside the folder nor a broken nginx map line, whatever the old paths', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E%2e',
        '',
        'art',
        'a b',
        'x"y',
        'x\\y',
        '%0a',
        '\n',
        '.hidden',
        '%2f',
      ),
      fc.stringMatching(/^[a-z0-9_%.-]{1,8}$/),
    )
    const oldPath = fc
      .tuple(fc.array(segment, { maxLength: 5 }), fc.constantFrom('.html', '.htm', '/', '.asp?id=1', ''))
      .map(([segments, end]) => `/${segments.join('/')}${end}`)
    await fc.assert(
      fc.asyncProperty(fc.array(oldPath, { minLength: 1, maxLength: 6 }), async (paths) => {
        const outer = await mkdtemp(join(tmpdir(), 'fabu-old-urls-'))
        try {
          const root = join(outer, 'site')
          await mkdir(root)
          await writeOldUrlFiles(
            paths.map((path) => ({ oldPath: path, newUrl: '/jcdj/1.html' })),
            root,
          )
          for (const file of await filesUnder(outer)) expect(file.startsWith(`${root}/`)).toBe(true)
          const map = await readFile(join(root, 'fabu-old-urls.map'), 'utf8')
          const body = map.slice(map.indexOf('$fabu_old_url {') + 15, map.lastIndexOf('}'))
          for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
            expect(line).toMatch(/^ {4}(?:default ""|"[^"\s\\]+" "[^"\s\\]+");$/)
          }
        } finally {
          await rm(outer, { recursive: true, force: true })
        }
      }),
      { numRuns: 60 },
    )
  })

  it('never overwrites a page the site published at an old path', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fabu-old-urls-'))
    try {
      await mkdir(join(root, 'col'), { recursive: true })
      await writeFile(join(root, 'col/index.html'), '<h1>published</h1>')
      const written = await writeOldUrlFiles(
        [
          { oldPath: '/col/index.html', newUrl: '/a/index.html' },
          { oldPath: '/art/1.html', newUrl: '/a/1.html' },
        ],
        root,
      )
      expect(written.pages).toBe(1)
      expect(await readFile(join(root, 'col/index.html'), 'utf8')).toBe('<h1>published</h1>')
      expect(await readFile(join(root, 'art/1.html'), 'utf8')).toContain('href="/a/1.html"')
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
