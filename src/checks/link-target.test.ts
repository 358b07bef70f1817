import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { linkTarget } from './link-target.ts'

const BASE = 'https://www.example.gov.cn/'

describe('where a link of a page leads in the site output', () => {
  it('resolves relative, absolute and same-site links to output files, and leaves other sites alone', () => {
    expect(linkTarget('../b/c.html', 'a/x/index.html', BASE)).toBe('a/b/c.html')
    expect(linkTarget('/tzgg/', 'a/index.html', BASE)).toBe('tzgg/index.html')
    expect(linkTarget('https://www.example.gov.cn/a.html#top', 'index.html', BASE)).toBe('a.html')
    expect(linkTarget('/%E9%80%9A%E7%9F%A5.html', 'index.html', BASE)).toBe('通知.html')
    expect(linkTarget('https://other.gov.cn/a.html', 'index.html', BASE)).toBeNull()
    expect(linkTarget('/_fabu/search?q=1', 'index.html', BASE)).toBeNull()
    expect(linkTarget('/other/a.html', 'index.html', 'https://www.example.gov.cn/site/')).toBeNull()
    expect(linkTarget('/a..%2F..%2Fetc/passwd', 'index.html', BASE)).toBe('a..%2F..%2Fetc/passwd')
  })

  it('never leads out of the output folder, whatever the link says', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('/x/..%2F..%2F..%2Fetc', '%2e%2e/%2e%2e/a', '..\\..\\a'),
        ),
        fc.constantFrom('index.html', 'a/b/c.html'),
        (href, page) => {
          const target = linkTarget(href, page, BASE)
          if (target === null) return
          expect(target.startsWith('/')).toBe(false)
          expect(target.split('/')).not.toContain('..')
        },
      ),
      { numRuns: 1000 },
    )
  })
})
