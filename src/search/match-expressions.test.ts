import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fts5Expression, type MatchAlternatives, withSynonyms } from './match-expressions.ts'
import { parseSearchQuery, type SearchQuery } from './parse-search-query.ts'
import { soundTokens } from './search-document.ts'
import type { QueryTokens } from './search-tokens.ts'
import { indexTokenText } from './search-tokens.ts'

// Han characters (one without a reading in pinyin-pro, 𠀀), Latin words that spell a scope token
// (s1, c2) or a title's sound (jiliang), numbers, and gaps.
const PIECES = [...'计量检定社会保险文明单位培训', '𠀀', 'nqi', 's1', 'c2', 'jiliang', '2024', ' ', '，']
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''))
const query = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' -', '"')), {
    minLength: 1,
    maxLength: 10,
  })
  .map((pieces) => pieces.join(''))

/** Every phrase limited to the title and body columns, as the expression was first written. */
function filteredEverywhere(match: MatchAlternatives, isTitleOnly: boolean): string {
  const phrase = (tokens: QueryTokens) => `"${tokens.tokens.join(' ')}"${tokens.isPrefix ? ' *' : ''}`
  const anyOf = (alternatives: readonly QueryTokens[]) => `(${alternatives.map(phrase).join(' OR ')})`
  const wanted = `${isTitleOnly ? '{title}' : '{title body}'} : (${match.include.map(anyOf).join(' AND ')})`
  if (match.exclude.length === 0) return wanted
  return `(${wanted}) NOT ({title body} : (${match.exclude.map(anyOf).join(' OR ')}))`
}

describe('a query in FTS5', () => {
  it('finds words in titles and bodies only, never by a document’s site, columns or sound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, body: text }), { minLength: 1, maxLength: 12 }),
        query,
        fc.boolean(),
        (documents, raw, isTitleOnly) => {
          let parsed: SearchQuery
          try {
            parsed = parseSearchQuery(raw)
          } catch {
            return
          }
          if (parsed.include.length === 0) return
          const db = new DatabaseSync(':memory:')
          db.exec(
            "create virtual table t using fts5(title, body, sound, scope, content='', tokenize='ascii')",
          )
          const insert = db.prepare('insert into t (rowid, title, body, sound, scope) values (?, ?, ?, ?, ?)')
          documents.forEach((document, i) => {
            insert.run(
              i + 1,
              indexTokenText(document.title),
              indexTokenText(document.body),
              soundTokens(document.title).join(' '),
              's1 c2',
            )
          })
          const found = (expression: string) =>
            db
              .prepare('select rowid from t where t match ? order by rowid')
              .all(expression)
              .map((row) => row.rowid)
          const match = withSynonyms(parsed, () => [])
          expect(found(fts5Expression(match, isTitleOnly))).toEqual(
            found(filteredEverywhere(match, isTitleOnly)),
          )
          db.close()
        },
      ),
      { numRuns: 1_000 },
    )
  })
})
