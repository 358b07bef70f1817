import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isNearMiss } from './near-miss.ts'
import { normalizeText, originalRange } from './normalize-text.ts'
import { starterWords } from './starter-words.ts'
import { WordMatcher } from './word-matcher.ts'
import type { WordEntry } from './wording-entry.ts'

const protectedName = (word: string): WordEntry => ({
  word,
  kind: 'protected',
  level: 'block',
  suggestion: null,
})
const matcher = new WordMatcher([
  ...starterWords,
  protectedName('国务院办公厅'),
  protectedName('核心价值观'),
  protectedName('上海市计量测试技术研究院'),
])

const find = (text: string, field = 'body') => matcher.find([{ field, text }])

describe('the wording check', () => {
  it('finds listed words with their level, kind, suggestion and place', () => {
    const hits = find('欢迎台湾国代表团来访，本产品为国家级最佳选择')
    expect(hits.map((hit) => [hit.found, hit.kind, hit.level, hit.start, hit.end])).toEqual([
      ['台湾国', 'political', 'block', 2, 5],
      ['国家级', 'advertising', 'warn', 15, 18],
      ['最佳', 'advertising', 'warn', 18, 20],
    ])
    expect(hits[0]?.suggestion).toBe('台湾地区')
  })

  it('finds a word written with inserted spaces, punctuation or in full-width forms, and marks the text as written', () => {
    const text = '据报道，中 华·民\u3000国时期'
    const [hit] = find(text)
    expect(hit).toMatchObject({ word: '中华民国', found: '中 华·民\u3000国', level: 'block' })
    expect(text.slice(hit?.start, hit?.end)).toBe('中 华·民\u3000国')
    expect(
      new WordMatcher([{ word: 'ABC', kind: 'sensitive', level: 'block', suggestion: null }]).find([
        { field: 'title', text: 'ａ ｂ ｃ' },
      ]),
    ).toHaveLength(1)
  })

  it('flags protected names written one character off, with the name as the suggestion', () => {
    expect(find('国务院办公听发布通知').map((hit) => [hit.found, hit.suggestion, hit.isNearMiss])).toEqual([
      ['国务院办公听', '国务院办公厅', true],
    ])
    expect(find('弘扬社会主义核心价直观').map((hit) => [hit.found, hit.suggestion])).toEqual([
      ['核心价直观', '核心价值观'],
    ])
    // A long name: any one character off, sound alike or not.
    expect(find('上海市计量测试技术研究所召开会议')[0]).toMatchObject({
      found: '上海市计量测试技术研究所',
      suggestion: '上海市计量测试技术研究院',
    })
  })

  it('leaves protected names written right alone, and short names one character off that do not sound alike', () => {
    expect(find('国务院办公厅印发；培育和践行核心价值观')).toEqual([])
    expect(find('核心价格观')).toEqual([])
  })

  it('checks each text it is given and says which field a hit is in', () => {
    const hits = matcher.find([
      { field: 'title', text: '台湾国' },
      { field: 'alt.0', text: '南朝鲜代表' },
      { field: 'attachments.0.name', text: '最佳实践.pdf' },
    ])
    expect(hits.map((hit) => hit.field)).toEqual(['title', 'alt.0', 'attachments.0.name'])
  })
})

/**
 * The check done the slow obvious way: every listed word wherever its folded form occurs in the
 * folded text, and every window of a protected name's length that is the name one character
 * off (and no listed word itself), mapped back to the original.
 */
function naiveFind(entries: readonly WordEntry[], original: string) {
  const normal = normalizeText(original)
  const listed = new Map<string, WordEntry>()
  for (const entry of entries) {
    const folded = normalizeText(entry.word).text
    if (folded.length > 0 && !listed.has(folded)) listed.set(folded, entry)
  }
  const hits: [number, number, string, boolean][] = []
  for (const [folded, entry] of listed) {
    for (let at = 0; at + folded.length <= normal.text.length; at++) {
      const window = normal.text.slice(at, at + folded.length)
      const isHit =
        entry.kind === 'protected'
          ? folded.length >= 2 && isNearMiss(window, folded) && !listed.has(window)
          : window === folded
      if (!isHit) continue
      const [from, to] = originalRange(normal, at, at + folded.length)
      hits.push([from, to, entry.word, entry.kind === 'protected'])
    }
  }
  return hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]))
}

// Characters that read alike (听 厅 亭, 直 值), a pair outside the BMP, full-width and ASCII
// forms, and the noise writers insert; texts are made partly of the listed words themselves,
// so that words, names, near-misses and near-misses that are listed words meet often.
const char = fc.constantFrom('听', '厅', '亭', '直', '值', '国', '𠀋', '𠀌', 'Ａ', 'a', '2', ' ', '，')
const listEntry = fc.record({
  word: fc.string({ unit: char, minLength: 1, maxLength: 5 }),
  kind: fc.constantFrom('protected', 'protected', 'sensitive', 'political'),
  level: fc.constantFrom('block', 'warn'),
  suggestion: fc.constant(null),
}) as fc.Arbitrary<WordEntry>
const listAndText = fc.array(listEntry, { minLength: 1, maxLength: 8 }).chain((entries) =>
  fc.tuple(
    fc.constant(entries),
    fc
      .array(fc.oneof(char, fc.constantFrom(...entries.map((entry) => entry.word))), { maxLength: 16 })
      .map((parts) => parts.join('')),
  ),
)

describe('the wording check against a plain search', () => {
  it('finds the same words and near-misses at the same places of the original', () => {
    fc.assert(
      fc.property(listAndText, ([entries, text]) => {
        const hits = new WordMatcher(entries).find([{ field: 'body', text }])
        const found = hits
          .map((hit): [number, number, string, boolean] => [hit.start, hit.end, hit.word, hit.isNearMiss])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]))
        expect(found).toEqual(naiveFind(entries, text))
        for (const hit of hits) expect(hit.found).toBe(text.slice(hit.start, hit.end))
      }),
      { numRuns: 1000 },
    )
  })
})
