import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { InvalidSearchQueryError } from '../errors/index.ts'
import { highlightText, snippetOf } from './highlight-text.ts'
import { fts5Expression, withSynonyms } from './match-expressions.ts'
import { parseSearchQuery } from './parse-search-query.ts'
import {
  foldChar,
  foldText,
  indexTokens,
  indexTokenText,
  type QueryTokens,
  queryTokens,
  textRuns,
} from './search-tokens.ts'

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

/**
 * Pieces of a text mixing Chinese with numbers and Latin words (each behind a gap, so a slice
 * of pieces never cuts a word: words are found whole), and an astral ideograph.
 */
const MIXED_PIECES = [...HAN, ...GAPS, '，2024', ' nqi', '、a1', '（3', '𠀋']
const mixedPieces = fc.array(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HAN) }, fc.constantFrom(...MIXED_PIECES)),
  { maxLength: 30 },
)
/** A text as its runs, each between bars: where each run begins and ends, gaps dropped. */
const runsOf = (text: string) =>
  `|${textRuns(foldText(text))
    .map((run) => run.text)
    .join('|')}|`

describe('the search tokens', () => {
  it('find every piece of a text that mixes Chinese, numbers and words, where it stands', () => {
    fc.assert(
      fc.property(mixedPieces, fc.nat(), fc.nat(), (pieces, a, b) => {
        const start = Math.min(a, b) % (pieces.length + 1)
        const query = queryTokens(pieces.slice(start, start + 1 + (Math.max(a, b) % 10)).join(''))
        if (query === null) return
        expect(standsIn(indexTokens(pieces.join('')), query)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('find a query of several runs only where those runs stand, the inner ones whole', () => {
    // `第12345期` finds 第12345期刊 and 次第 12345 期间, not 第12345日期: the runs as the query
    // has them (gaps between them are not looked at), the first ending a run of the text and
    // the last beginning one.
    fc.assert(
      fc.property(mixedPieces, mixedPieces, (textPieces, queryPieces) => {
        const text = textPieces.join('')
        const raw = queryPieces.join('')
        const query = queryTokens(raw)
        if (query === null || !standsIn(indexTokens(text), query)) return
        const runs = runsOf(raw).slice(1, -1)
        expect(runsOf(text)).toContain(runs)
      }),
      { numRuns: 2000 },
    )
    const found = (text: string) => standsIn(indexTokens(text), queryTokens('第12345期') as QueryTokens)
    expect(found('第12345期刊')).toBe(true)
    expect(found('次第 12345 期间')).toBe(true)
    expect(found('第12345日期')).toBe(false)
    expect(found('第123456期')).toBe(false)
    expect(queryTokens('第12345期')).toEqual({ tokens: ['第', '12345', '期'], isPrefix: false })
  })

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

  it('reach the SQLite full-text index each as one token, as its tokenizer reads them', () => {
    const db = new DatabaseSync(':memory:')
    // The index's own table (migration 038) and FTS5's view of the tokens it holds, in order.
    db.exec("create virtual table t using fts5(body, tokenize='ascii')")
    db.exec("create virtual table v using fts5vocab('t', 'instance')")
    const insert = db.prepare('insert into t (rowid, body) values (1, ?)')
    const held = db.prepare('select term from v order by "offset"')
    const anyText = fc.string({
      unit: fc.constantFrom(
        ...HAN,
        ...GAPS,
        'a',
        'Ｚ',
        '9',
        '𠀋',
        '\ud800',
        'か',
        '한',
        '\u0301',
        'ß',
        'Ω',
        'é',
      ),
      maxLength: 60,
    })
    fc.assert(
      fc.property(anyText, (text) => {
        db.exec('delete from t')
        insert.run(indexTokenText(text))
        expect(held.all().map((row) => row.term)).toEqual(indexTokens(text))
      }),
      { numRuns: 500 },
    )
  })

  it('fold every character alone as they fold in a text, fast path or not', () => {
    // Every code point, lone surrogates included: the fast path must never disagree with NFKC.
    const differing: number[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code)
      if (foldChar(char) !== foldText(char)) differing.push(code)
    }
    expect(differing).toEqual([])
    expect(foldChar('Ｑ')).toBe('q')
    expect(foldChar('Q')).toBe('q')
    expect(foldChar('計')).toBe('計')
  })

  it('fold full-width and case, so ＡＢＣ１２ and abc12 are one token', () => {
    expect(indexTokens('ＡＢＣ１２ 计量')).toEqual(indexTokens('abc12 计量'))
    expect(indexTokens('精神文明')).toEqual(['精', '精神', '神文', '文明', '明'])
    expect(queryTokens('文明')).toEqual({ tokens: ['文明'], isPrefix: false })
    expect(queryTokens('计')).toEqual({ tokens: ['计'], isPrefix: true })
  })

  it('turn any query into an FTS5 expression SQLite accepts, or refuse it with INVALID_SEARCH_QUERY', () => {
    const db = new DatabaseSync(':memory:')
    db.exec("create virtual table t using fts5(title, body, sound, scope, content='', tokenize='ascii')")
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

  it('places the snippet where folding the whole body placed it, folding only up to the first match', () => {
    // The snippet as it was made before (the whole body folded): the reference.
    const wholeFolded = (text: string, words: readonly string[]) => {
      const flat = text.replace(/\s+/g, ' ').trim()
      const folded = flat.normalize('NFKC').toLowerCase()
      let first = -1
      for (const word of words) {
        const at = word ? folded.indexOf(word) : -1
        if (at !== -1 && (first === -1 || at < first)) first = at
      }
      return first === -1 ? 0 : Math.round((first * flat.length) / Math.max(1, folded.length))
    }
    // Han, ASCII in both cases, full-width letters and spaces: characters NFKC folds one by one.
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...HAN) },
      fc.constantFrom(...GAPS),
      fc.constantFrom('N', 'Q', 'I', 'n', 'q', 'i', 'Ｎ', 'Ｑ', 'Ｉ', 'ｎ', '１', '1'),
    )
    const run = (maxLength: number) => fc.array(piece, { maxLength }).map((chars) => chars.join(''))
    // A word written in full width or capitals well before its plain form, or after it.
    const body = fc.oneof(
      run(300),
      fc
        .tuple(
          run(60),
          fc.constantFrom('ＮＱＩ', 'NQI', 'Nqi', '计量'),
          run(200),
          fc.constantFrom('nqi', '计量'),
          run(60),
        )
        .map((parts) => parts.join('')),
    )
    const word = fc.constantFrom('计量', '文明', 'nqi', 'n', '1', '标准物质', '无此')
    fc.assert(
      fc.property(
        body,
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 10, max: 80 }),
        (text, words, length) => {
          const flat = text.replace(/\s+/g, ' ').trim()
          const near = wholeFolded(text, words)
          const start = Math.max(0, near - Math.floor(length / 4))
          const expected = `${start > 0 ? '…' : ''}${flat.slice(start, Math.min(flat.length, start + length))}${start + length < flat.length ? '…' : ''}`
          expect(snippetOf(text, words, length).text).toBe(expected)
        },
      ),
    )
  })

  it('marks a word written in full width where the query is half width', () => {
    expect(highlightText('关于ＮＱＩ专项的通知', ['nqi'])).toBe('关于<mark>ＮＱＩ</mark>专项的通知')
  })
})
