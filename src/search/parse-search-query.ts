import { InvalidSearchQueryError } from '../errors/index.ts'
import { foldText, type QueryTokens, queryTokens } from './search-tokens.ts'

/** Longer queries are refused: a visitor types words, not paragraphs. */
export const MAX_QUERY_LENGTH = 100
/** Words a query may combine (each one is an index lookup). */
export const MAX_QUERY_TERMS = 10

/** One word or quoted phrase of a query, as typed (folded) and as tokens to find in a row. */
export interface QueryTerm {
  /** The folded text, for highlighting and synonyms: `全国文明单位`, `covid 19`. */
  readonly text: string
  readonly tokens: QueryTokens
}

/**
 * A visitor's query: words separated by spaces must all match, a quoted phrase matches as
 * it stands, `-word` excludes. Empty when nothing searchable is left (only punctuation, only
 * `-`): the search then finds nothing rather than everything.
 */
export interface SearchQuery {
  readonly include: readonly QueryTerm[]
  readonly exclude: readonly QueryTerm[]
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '「': '」', '『': '』' }

/** Parses a query; throws INVALID_SEARCH_QUERY when it is too long or has too many words. */
export function parseSearchQuery(raw: string): SearchQuery {
  const query = raw.trim()
  if ([...query].length > MAX_QUERY_LENGTH) {
    throw new InvalidSearchQueryError(
      `不能超过 ${MAX_QUERY_LENGTH} 个字符`,
      `longer than ${MAX_QUERY_LENGTH} characters`,
    )
  }
  const include: QueryTerm[] = []
  const exclude: QueryTerm[] = []
  for (const { text, isExcluded } of splitTerms(query)) {
    const tokens = queryTokens(text)
    if (!tokens) continue
    const term: QueryTerm = { text: foldText(text).trim(), tokens }
    const list = isExcluded ? exclude : include
    if (!list.some((known) => known.text === term.text)) list.push(term)
  }
  if (include.length + exclude.length > MAX_QUERY_TERMS) {
    throw new InvalidSearchQueryError(
      `词语不能超过 ${MAX_QUERY_TERMS} 个`,
      `more than ${MAX_QUERY_TERMS} words`,
    )
  }
  return { include, exclude }
}

/** The query's words and phrases, each with whether a `-` before it excludes it. */
function splitTerms(query: string): { text: string; isExcluded: boolean }[] {
  const terms: { text: string; isExcluded: boolean }[] = []
  const chars = [...query.normalize('NFKC')]
  let i = 0
  while (i < chars.length) {
    while (i < chars.length && /\s/u.test(chars[i] as string)) i++
    if (i >= chars.length) break
    let isExcluded = false
    if (chars[i] === '-') {
      isExcluded = true
      i++
    }
    const close = QUOTES[chars[i] as string]
    if (close !== undefined) {
      const end = chars.indexOf(close, i + 1)
      const stop = end === -1 ? chars.length : end
      terms.push({ text: chars.slice(i + 1, stop).join(''), isExcluded })
      i = stop + 1
      continue
    }
    const start = i
    while (i < chars.length && !/\s/u.test(chars[i] as string)) i++
    terms.push({ text: chars.slice(start, i).join(''), isExcluded })
  }
  return terms
}
