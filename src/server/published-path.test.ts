import { resolve, sep } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { publishedPath } from './published-path.ts'

const ROOT = '/srv/fabu/sites/simt'

// Pieces attackers put in paths, encoded and not, mixed with ordinary names.
const piece = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2E',
    '.%2e',
    '%2e.',
    '%2f',
    '%2F',
    '%5c',
    '\\',
    '%00',
    '.git',
    '.env',
  ),
  fc.constantFrom(
    '..%2f',
    '%2e%2e%2f',
    '..%5c',
    '%c0%ae%c0%ae',
    '%252e%252e',
    '//',
    '/',
    'a',
    'index.html',
    '公告',
  ),
  fc.string({ maxLength: 6 }),
  fc.webSegment(),
)

describe('a request path in a published folder', () => {
  it('never names anything outside the site’s folder, whatever is sent', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, isFolder) => {
        const found = publishedPath(`/${pieces.join('/')}${isFolder ? '/' : ''}`)
        if (!found) return
        const target = resolve(ROOT, found.relative)
        expect(target === ROOT || target.startsWith(ROOT + sep)).toBe(true)
        expect(found.relative.split('/').some((segment) => segment.startsWith('.'))).toBe(false)
      }),
      { numRuns: 5_000 },
    )
  })

  it('decodes percent escapes once and refuses climbing, dotfiles, NUL and backslashes', () => {
    expect(publishedPath('/jcdj/%E5%85%AC%E5%91%8A.html')).toEqual({
      relative: 'jcdj/公告.html',
      isFolder: false,
    })
    expect(publishedPath('/tzgg/')).toEqual({ relative: 'tzgg', isFolder: true })
    expect(publishedPath('/')).toEqual({ relative: '', isFolder: true })
    for (const path of [
      '/../etc/passwd',
      '/a/%2e%2e/%2e%2e/etc',
      '/a%2f..%2f..%2fetc',
      '/.git/config',
      '/a\\..\\b',
      '/a%00.html',
      '/%E5%85',
    ])
      expect(publishedPath(path)).toBeNull()
    // Decoded once: %252e stays the literal name "%2e", which climbs nowhere.
    expect(publishedPath('/%252e%252e/x')).toEqual({ relative: '%2e%2e/x', isFolder: false })
  })
})
