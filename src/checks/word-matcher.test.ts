import { describe, expect, it } from 'vitest'
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
