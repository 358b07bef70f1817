import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SearchDocument } from './search-document.ts'
import { inWriteSizedGroups } from './search-index-writes.ts'

/** A document whose text is `size` characters, numbered `refId`. */
function documentOf(refId: number, size: number): SearchDocument {
  return {
    siteId: 1,
    kind: 'article',
    refId,
    columnId: 1,
    revision: 1,
    title: '',
    url: `${refId}.html`,
    publishAt: null,
    issuingAgency: '',
    documentNo: '',
    bodyText: 'x'.repeat(size),
    titleTokens: '',
    bodyTokens: '',
    soundTokens: '',
    scopeTokens: '',
  }
}

describe('cutting a batch of search documents into writes the writer thread can hold', () => {
  it('keeps every document, in order, each write within the limit unless one document alone is over it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(300), { maxLength: 40 }),
        fc.integer({ min: 1, max: 500 }),
        (sizes, limit) => {
          const documents = sizes.map((size, i) => documentOf(i, size))
          const groups = inWriteSizedGroups(documents, limit)
          expect(groups.flat().map((document) => document.refId)).toEqual(documents.map((d) => d.refId))
          expect(groups.length).toBeGreaterThanOrEqual(1)
          for (const group of groups) {
            const chars = group.reduce((sum, document) => sum + document.bodyText.length, 0)
            if (group.length > 1) expect(chars).toBeLessThanOrEqual(limit)
            if (documents.length > 0) expect(group.length).toBeGreaterThan(0)
          }
          // Full groups: the next group's first document would not have fitted.
          for (let i = 0; i + 1 < groups.length; i++) {
            const chars = (groups[i] ?? []).reduce((sum, document) => sum + document.bodyText.length, 0)
            expect(chars + (groups[i + 1]?.[0]?.bodyText.length ?? 0)).toBeGreaterThan(limit)
          }
        },
      ),
    )
  })

  it('puts 200 articles of 5 MB into writes of 64 MB at most', () => {
    const tokens = 'y'.repeat(5_000_000)
    const sized = Array.from({ length: 200 }, (_, i) => ({ ...documentOf(i, 0), bodyTokens: tokens }))
    const groups = inWriteSizedGroups(sized, 32 * 1024 * 1024)
    expect(groups.length).toBe(34)
    expect(Math.max(...groups.map((group) => group.length))).toBe(6)
  })
})
