/**
 * fabu's one tokenizer, shared by the index and the query and by both engines: the engines
 * are only handed tokens, never asked to segment Chinese themselves.
 *
 * Chinese has no spaces, and the commonest searches are two characters (招聘, 社保, 公示):
 * a run of Han (or kana, hangul) characters is indexed as its overlapping pairs plus its last
 * character alone, `精神文明` → 精神 神文 文明 明 , and a query is the phrase of its pairs, so
 * every substring of two or more characters is found exactly, and one character is found as
 * the prefix of a pair or a run's last character. Word segmentation alone missed 张江, 质量
 * and 标准 in a trial on the demo's titles; pairs cannot miss a substring.
 *
 * Latin words and numbers stay whole. Text is folded first (NFKC and lower case), so full-
 * and half-width forms, and upper and lower case, are the same token.
 */

/** A Latin word or a number longer than this is cut: nobody searches for a 200-digit number. */
export const MAX_WORD_LENGTH = 64

const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD = /[\p{L}\p{N}\p{M}]/u

export type CharClass = 'ideograph' | 'word' | 'gap'

export function charClass(char: string): CharClass {
  if (IDEOGRAPHIC.test(char)) return 'ideograph'
  if (WORD.test(char)) return 'word'
  return 'gap'
}

/** NFKC and lower case: ＡＢＣ１２３ and abc123 are one word, 〇 stays, ﹒ becomes . */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** A run of one kind of character, as it stands in the folded text. */
export interface TextRun {
  readonly kind: 'ideograph' | 'word'
  readonly text: string
}

/** The folded text's runs of ideographs and of word characters, in order; gaps dropped. */
export function textRuns(folded: string): TextRun[] {
  const runs: TextRun[] = []
  let kind: CharClass = 'gap'
  let current = ''
  for (const char of folded) {
    const next = charClass(char)
    if (next !== kind) {
      if (kind !== 'gap' && current) runs.push({ kind, text: current })
      current = ''
      kind = next
    }
    if (next !== 'gap') current += char
  }
  if (kind !== 'gap' && current) runs.push({ kind, text: current })
  return runs
}

/** The tokens a run is indexed as: a word whole; ideographs as pairs and the last alone. */
export function runTokens(run: TextRun): string[] {
  if (run.kind === 'word') return [[...run.text].slice(0, MAX_WORD_LENGTH).join('')]
  const chars = [...run.text]
  const tokens: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`)
  tokens.push(chars.at(-1) as string)
  return tokens
}

/** The tokens of a text as the index stores them, in order (positions are their places). */
export function indexTokens(text: string): string[] {
  const tokens: string[] = []
  for (const run of textRuns(foldText(text))) for (const token of runTokens(run)) tokens.push(token)
  return tokens
}

/**
 * A query word or phrase as a sequence of tokens to find at consecutive places. The last
 * run's lone last character is left out (the text may go on after it), so `文明` also finds
 * `精神文明建设`; a query that is one character alone is a prefix instead (`isPrefix`): it
 * stands at the start of a pair, or alone at the end of a run.
 */
export interface QueryTokens {
  readonly tokens: readonly string[]
  readonly isPrefix: boolean
}

export function queryTokens(text: string): QueryTokens | null {
  const runs = textRuns(foldText(text))
  const last = runs.at(-1)
  if (!last) return null
  const tokens: string[] = []
  for (const run of runs.slice(0, -1)) tokens.push(...runTokens(run))
  const lastTokens = runTokens(last)
  if (last.kind === 'ideograph' && lastTokens.length > 1) {
    tokens.push(...lastTokens.slice(0, -1))
    return { tokens, isPrefix: false }
  }
  tokens.push(...lastTokens)
  return { tokens, isPrefix: last.kind === 'ideograph' }
}
