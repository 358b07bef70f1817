import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { InvalidSearchQueryError } from '../errors/index.ts'
import { highlightText, snippetOf } from './highlight-text.ts'
import { fts5Expression, withSynonyms } from './match-expressions.ts'
import { parseSearchQuery } from './parse-search-query.ts'
import { indexTokens, indexTokenText, queryTokens } from './search-tokens.ts'

const HAN = [...'精神文明建设全国单位计量检定社会保险招聘公示质量标准张江']
const GAPS = [' ', '，', '。', '、', '\n', '（', '）']
/** Chinese text with punctuation and spaces between runs. */
const chineseText = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HAN) }, fc.constantFrom(...GAPS)), {
    maxLength: 40,
  })
  .map((chars) => chars.join(''))

/** Whether `needle` stands in `tokens` at consecutive places, its last one as a prefix if asked. */
function standsIn(
  tokens: readonly string[],
  needle: { tokens: readonly string[]; isPrefix: boolean },
): boolean {
  const last = needle.tokens.length - 1
  return tokens.some((_, start) =>
    needle.tokens.every((token, i) =>
      needle.isPrefix && i === last ? tokens[start + i]?.startsWith(token) : tokens[start + i] === token,
    ),
  )
}

describe('the search tokens', () => {
  it('find every substring of Chinese text that holds a character, where it stands', () => {
    fc.assert(
      fc.property(chineseText, fc.nat(), fc.nat(), (text, a, b) => {
        const chars = [...text]
        const start = Math.min(a, b) % (chars.length + 1)
        const piece = chars.slice(start, start + 1 + (Math.max(a, b) % 8)).join('')
        const query = queryTokens(piece)
        if (query === null) return
        expect(standsIn(indexTokens(text), query)).toBe(true)
      }),
    )
  })

  it('are handed to the index as the same text whichever way they are written out', () => {
    // Any text at all: ideographs of every script, astral characters, lone surrogates, marks.
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({
        unit: fc.constantFrom(...HAN, ...GAPS, 'a', 'Ｚ', '9', '𠀋', '\ud800', 'か', '한', '\u0301', 'ß'),
        maxLength: 80,
      }),
    )
    fc.assert(
      fc.property(anyText, (text) => {
        expect(indexTokenText(text)).toBe(indexTokens(text).join(' '))
      }),
      { numRuns: 1000 },
    )
    expect(indexTokenText('计'.repeat(100_000))).toBe(indexTokens('计'.repeat(100_000)).join(' '))
  })

  it('fold full-width and case, so ＡＢＣ１２ and abc12 are one token', () => {
    expect(indexTokens('ＡＢＣ１２ 计量')).toEqual(indexTokens('abc12 计量'))
    expect(indexTokens('精神文明')).toEqual(['精神', '神文', '文明', '明'])
    expect(queryTokens('文明')).toEqual({ tokens: ['文明'], isPrefix: false })
    expect(queryTokens('计')).toEqual({ tokens: ['计'], isPrefix: true })
  })

  it('turn any query into an FTS5 expression SQLite accepts, or refuse it with INVALID_SEARCH_QUERY', () => {
    const db = new DatabaseSync(':memory:')
    db.exec(
      "create virtual table t using fts5(title, body, sound, scope, content='', tokenize='unicode61 remove_diacritics 0')",
    )
    db.exec("insert into t (rowid, title, body, sound) values (1, '计量 量检 检定 定', 'nqi 2024', '')")
    const run = db.prepare('select rowid from t where t match ?')
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: 'binary' }), fc.boolean(), (raw, isTitleOnly) => {
        let query: ReturnType<typeof parseSearchQuery>
        try {
          query = parseSearchQuery(raw)
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidSearchQueryError)
          return
        }
        for (const term of [...query.include, ...query.exclude]) {
          for (const token of term.tokens.tokens) expect(token).toMatch(/^[\p{L}\p{N}]+$/u)
        }
        if (query.include.length === 0) return
        expect(() =>
          run.all(
            fts5Expression(
              withSynonyms(query, () => []),
              isTitleOnly,
            ),
          ),
        ).not.toThrow()
      }),
      { numRuns: 2_000 },
    )
    db.close()
  })
})

describe('highlighting', () => {
  it('keeps the text as it was, escaped, with only <mark> elements added', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }),
        (text, words) => {
          const html = highlightText(
            text,
            words.map((word) => word.normalize('NFKC').toLowerCase()),
          )
          const fragment = parseFragment(html)
          let plain = ''
          const pending = [...fragment.childNodes].reverse()
          for (let node = pending.pop(); node; node = pending.pop()) {
            if (node.nodeName === '#text') plain += (node as { value: string }).value
            else {
              expect(node.nodeName).toBe('mark')
              pending.push(...[...((node as { childNodes: typeof pending }).childNodes ?? [])].reverse())
            }
          }
          // An HTML parser reads CR as LF and NUL as U+FFFD, in any text.
          expect(plain).toBe(text.replace(/\r\n?/g, '\n').replaceAll('\0', '\ufffd'))
        },
      ),
    )
  })

  it('cuts a snippet from the text as it stands, around the first match, with the match marked', () => {
    fc.assert(
      fc.property(chineseText, chineseText, fc.constantFrom('计量', '文明', 'nqi'), (before, after, word) => {
        const text = `${before}${word === 'nqi' ? 'ＮＱＩ' : word}${after}`
        const snippet = snippetOf(text, [word], 30)
        const flat = text.replace(/\s+/g, ' ').trim()
        expect(flat).toContain(snippet.text.replace(/^…|…$/g, ''))
        expect(snippet.html).toContain('<mark>')
      }),
    )
  })

  it('marks a word written in full width where the query is half width', () => {
    expect(highlightText('关于ＮＱＩ专项的通知', ['nqi'])).toBe('关于<mark>ＮＱＩ</mark>专项的通知')
  })
})
