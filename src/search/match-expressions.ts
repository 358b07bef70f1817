import type { QueryTerm, SearchQuery } from './parse-search-query.ts'
import { charClass, indexTokens, type QueryTokens } from './search-tokens.ts'

/**
 * A query as each engine's full-text syntax. A term is the phrase of its tokens; a term with
 * synonyms is any one of them; the terms must all match and the excluded ones must not.
 * The tokens hold letters and digits only (search-tokens.ts), so nothing a visitor types can
 * reach the engine's syntax; quotes are doubled all the same.
 */
export interface MatchAlternatives {
  /** The term and its synonyms, each as tokens. */
  readonly include: readonly (readonly QueryTokens[])[]
  readonly exclude: readonly (readonly QueryTokens[])[]
}

/** The query's terms with their synonyms; `synonymsOf` gives the other words of a term's groups. */
export function withSynonyms(
  query: SearchQuery,
  synonymsOf: (term: QueryTerm) => readonly QueryTokens[],
): MatchAlternatives {
  return {
    include: query.include.map((term) => [term.tokens, ...synonymsOf(term)]),
    exclude: query.exclude.map((term) => [term.tokens]),
  }
}

/**
 * The FTS5 MATCH expression; `isTitleOnly` limits the required terms to the title column. Words
 * are looked for in the title and body columns only: the sound column is for suggestions
 * (suggest-by-sound.ts) and scope for the site and columns (s12 c5), so a query typed in pinyin
 * (jiliang), or one that spells a scope token, must find nothing by them.
 */
export function fts5Expression(match: MatchAlternatives, isTitleOnly: boolean): string {
  const unwanted = fts5Excluded(match)
  const wanted = fts5Included(match, isTitleOnly)
  return unwanted ? `(${wanted}) NOT (${unwanted})` : wanted
}

const fts5Phrase = (tokens: QueryTokens) =>
  `"${tokens.tokens.join(' ').replaceAll('"', '""')}"${tokens.isPrefix ? ' *' : ''}`

/**
 * Whether a phrase is of ideographs only. Such tokens can stand in the title and body columns
 * alone: scope holds s12 and c5, and sound pinyin in Latin letters (search-document.ts). So
 * they need no `{title body}` filter, which FTS5 checks by reading each match's position
 * list: excluding 培训, in 99.85 % of the benchmark's articles, took 9.3 ms with the filter
 * and 5.6 ms without. Latin words and numbers keep it (`s12`, `jiliang` must not match there).
 */
function isIdeographic(tokens: QueryTokens): boolean {
  return tokens.tokens.every(
    (token) => charClass(String.fromCodePoint(token.codePointAt(0) ?? 0)) === 'ideograph',
  )
}

/** A phrase found in the title or the body. */
const fts5InText = (tokens: QueryTokens) =>
  isIdeographic(tokens) ? fts5Phrase(tokens) : `{title body} : ${fts5Phrase(tokens)}`

/** The required terms, all of them (each as any of its alternatives), in the title (and body). */
export function fts5Included(match: MatchAlternatives, isTitleOnly: boolean): string {
  if (isTitleOnly)
    return `{title} : (${match.include.map((alternatives) => `(${alternatives.map(fts5Phrase).join(' OR ')})`).join(' AND ')})`
  return `(${match.include.map((alternatives) => `(${alternatives.map(fts5InText).join(' OR ')})`).join(' AND ')})`
}

/** Any of the excluded terms, in the title or body; null when there are none. */
export function fts5Excluded(match: MatchAlternatives): string | null {
  if (match.exclude.length === 0) return null
  return `(${match.exclude.flatMap((alternatives) => alternatives.map(fts5InText)).join(' OR ')})`
}

/**
 * The PostgreSQL tsquery text, read by a plain cast (no parser, no stemming): the same tokens
 * the index was given. In title-only searches every lexeme is limited to weight A, the title's.
 * The title's sound cannot match: its lexemes carry SOUND_MARK, which no query token holds.
 */
export function tsQueryExpression(match: MatchAlternatives, isTitleOnly: boolean): string {
  const lexeme = (token: string, isPrefix: boolean, weight: string) =>
    `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${isPrefix || weight ? ':' : ''}${isPrefix ? '*' : ''}${weight}`
  const phrase = (tokens: QueryTokens, weight: string) =>
    tokens.tokens
      .map((token, i) => lexeme(token, tokens.isPrefix && i === tokens.tokens.length - 1, weight))
      .join(' <-> ')
  const anyOf = (alternatives: readonly QueryTokens[], weight: string) =>
    `(${alternatives.map((tokens) => `(${phrase(tokens, weight)})`).join(' | ')})`
  const required = match.include
    .map((alternatives) => anyOf(alternatives, isTitleOnly ? 'A' : ''))
    .join(' & ')
  const excluded = match.exclude.map((alternatives) => `!${anyOf(alternatives, '')}`)
  return [required, ...excluded].join(' & ')
}

/**
 * Whether a title holds every required term (one of its alternatives), as the index's title
 * column would match it: the term's tokens at consecutive places, the last one as a prefix when
 * the term is. The relevance tiers of up to MAX_COUNTED matches are found so, rather than by a
 * second search whose `NOT {title}` tested every document that has the words.
 */
export function titleHolds(title: string, match: MatchAlternatives): boolean {
  const tokens = indexTokens(title)
  const holds = (phrase: QueryTokens) => {
    const wanted = phrase.tokens
    const last = wanted.length - 1
    for (let at = 0; at + wanted.length <= tokens.length; at++) {
      let i = 0
      while (
        i < wanted.length &&
        (i === last && phrase.isPrefix
          ? (tokens[at + i] as string).startsWith(wanted[i] as string)
          : tokens[at + i] === wanted[i])
      )
        i++
      if (i === wanted.length) return true
    }
    return false
  }
  return match.include.every((alternatives) => alternatives.some(holds))
}
