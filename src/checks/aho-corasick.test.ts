import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AhoCorasick } from './aho-corasick.ts'

/** Every occurrence of every pattern, found the slow obvious way. */
function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = []
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1))
      found.push(`${index}:${at}:${at + pattern.length}`)
  })
  return found.sort()
}

function automaton(patterns: readonly string[], text: string): string[] {
  const found: string[] = []
  new AhoCorasick(patterns).search(text, (index, start, end) => found.push(`${index}:${start}:${end}`))
  return found.sort()
}

// A small alphabet makes overlaps, shared prefixes and failure chains common; a few
// ideographs and a character outside the BMP make sure units and pairs are handled alike.
const char = fc.constantFrom('a', 'b', 'c', '台', '湾', '国', '𠀋')
const word = fc.array(char, { minLength: 0, maxLength: 5 }).map((chars) => chars.join(''))

describe('the wording automaton', () => {
  it('finds the same words at the same places as a plain search, overlaps and repeats included', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(char, { maxLength: 60 }), (patterns, chars) => {
        const text = chars.join('')
        expect(automaton(patterns, text)).toEqual(naive(patterns, text))
      }),
      { numRuns: 500 },
    )
  })

  it('finds every occurrence of nested words (he, she, his, hers)', () => {
    expect(automaton(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['0:2:4', '1:1:4', '3:2:6'])
  })

  it('finds nothing with no words or an empty text', () => {
    expect(automaton([], '台湾国')).toEqual([])
    expect(automaton(['', '台湾'], '')).toEqual([])
  })

  it('reports words that are the same string each under its own number', () => {
    expect(automaton(['台湾', '台湾'], '台湾国')).toEqual(['0:0:2', '1:0:2'])
  })
})
