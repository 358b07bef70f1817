/**
 * fabu's one tokenizer, shared by the index and the query and by both engines: the engines
 * are only handed tokens, never asked to segment Chinese themselves.
 *
 * Chinese has no spaces, and the commonest searches are two characters (招聘, 社保, 公示):
 * a run of Han (or kana, hangul) characters is indexed as its first character alone, its
 * overlapping pairs and its last character alone, `精神文明` → 精 精神 神文 文明 明 (a run of
 * one character is that character), and a query is the phrase of its pairs, so every
 * substring of two or more characters is found exactly, and one character alone is found as
 * the prefix of a pair or a lone character. Word segmentation alone missed 张江, 质量 and 标准
 * in a trial on the demo's titles; pairs cannot miss a substring.
 *
 * The lone characters at a run's ends let a query of several runs say where its runs begin and
 * end: `第12345期` is 第 12345 期, exact, where without the first one 期 had to be a prefix (any
 * pair it begins), and FTS5 merged the lists of all those pairs first: 3.3 ms on 100,000
 * articles against 0.03 ms. 2024年, 第3号 and 〔2024〕5号 are such queries.
 *
 * Latin words and numbers stay whole. Text is folded first (NFKC and lower case), so full-
 * and half-width forms, and upper and lower case, are the same token.
 */

/** A Latin word or a number longer than this is cut: nobody searches for a 200-digit number. */
export const MAX_WORD_LENGTH = 64

// Letters and numbers only: a token must be one token to both engines. FTS5 reads them with its
// `ascii` tokenizer (migration 038), which cuts at ASCII punctuation and spaces and keeps
// every other character; PostgreSQL is handed them as lexemes. (A Han radical, ⺀, is a symbol.)
const IDEOGRAPHIC = /(?=[\p{L}\p{N}])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD = /[\p{L}\p{N}]/u

export type CharClass = 'ideograph' | 'word' | 'gap'

/**
 * Whether a character is an ideograph (Han, kana, hangul), a letter, digit or mark of a word, or
 * a gap. The common ranges are tested by number first: the Unicode property regexes, right for
 * everything, took most of the time of indexing a body.
 */
export function charClass(char: string): CharClass {
  const code = char.codePointAt(0) ?? 0
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
      ? 'word'
      : 'gap'
  }
  if (code >= 0x4e00 && code <= 0x9fff) return 'ideograph'
  if (IDEOGRAPHIC.test(char)) return 'ideograph'
  return WORD.test(char) ? 'word' : 'gap'
}

/** NFKC and lower case: ＡＢＣ１２３ and abc123 are one word, 〇 stays, ﹒ becomes . */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * foldText of one character (a code point), answered by number for ASCII and the common Han
 * block, which NFKC leaves as they are: marking a page of results folds a few thousand single
 * characters, and calling normalize for each was a twentieth of a search's time.
 */
export function foldChar(char: string): string {
  if (char.length === 1) {
    const code = char.charCodeAt(0)
    if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char
    if (code >= 0x4e00 && code <= 0x9fff) return char
  }
  return foldText(char)
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
  let start = 0
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i) ?? 0
    const width = code > 0xffff ? 2 : 1
    const next = charClass(width === 1 ? (folded[i] as string) : folded.slice(i, i + 2))
    if (next !== kind) {
      if (kind !== 'gap') runs.push({ kind, text: folded.slice(start, i) })
      kind = next
      start = i
    }
    i += width
  }
  if (kind !== 'gap') runs.push({ kind, text: folded.slice(start) })
  return runs
}

const SURROGATE = /[\ud800-\udfff]/

/**
 * The tokens a run is indexed as: a word whole; ideographs as the first alone, the pairs and
 * the last alone; one ideograph as itself.
 */
export function runTokens(run: TextRun): string[] {
  const { text } = run
  if (run.kind === 'word') {
    if (!SURROGATE.test(text)) return [text.slice(0, MAX_WORD_LENGTH)]
    return [[...text].slice(0, MAX_WORD_LENGTH).join('')]
  }
  const pairs = runPairs(text)
  if (pairs.length === 0) return [text]
  return [firstChar(text), ...pairs, lastChar(text)]
}

/** A run of ideographs as its overlapping pairs: none for one character. */
function runPairs(text: string): string[] {
  const tokens: string[] = []
  if (!SURROGATE.test(text)) {
    // One UTF-16 unit a character: pairs are slices, the commonest case by far.
    for (let i = 0; i + 1 < text.length; i++) tokens.push(text.slice(i, i + 2))
    return tokens
  }
  const chars = [...text]
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`)
  return tokens
}

const firstChar = (text: string) => String.fromCodePoint(text.codePointAt(0) ?? 0)
const lastChar = (text: string) => [...text.slice(-2)].at(-1) as string

/** The tokens of a text as the index stores them, in order (positions are their places). */
export function indexTokens(text: string): string[] {
  const tokens: string[] = []
  for (const run of textRuns(foldText(text))) for (const token of runTokens(run)) tokens.push(token)
  return tokens
}

const utf16 = new TextDecoder('utf-16le')
/** indexTokenText's output buffer, kept between calls: a body makes about 6,000 code units. */
let tokenBuffer = new Uint16Array(1 << 16)

/**
 * `indexTokens(text).join(' ')`, as the index is handed its tokens, written code unit by code
 * unit into one buffer: making a string of every pair and joining them took most of the time
 * of building an article's search document (167 µs against 57 for a body of 2,000 characters).
 */
export function indexTokenText(text: string): string {
  const folded = foldText(text)
  // At most three units a character (a pair and its space), and the first character of a run
  // alone with its space and a space before it: five units for a run of two.
  if (tokenBuffer.length < folded.length * 4 + 2) tokenBuffer = new Uint16Array(folded.length * 4 + 2)
  const out = tokenBuffer
  let length = 0
  const write = (token: string) => {
    for (let i = 0; i < token.length; i++) out[length++] = token.charCodeAt(i)
  }
  let kind: CharClass = 'gap'
  let start = 0
  const endRun = (end: number) => {
    if (kind === 'gap') return
    if (length > 0) out[length++] = 0x20
    if (kind === 'ideograph' && !SURROGATE.test(folded.slice(start, end))) {
      // The common case: one unit a character, so the tokens are written from the text itself.
      if (end - start > 1) {
        out[length++] = folded.charCodeAt(start)
        out[length++] = 0x20
      }
      for (let i = start; i + 1 < end; i++) {
        out[length++] = folded.charCodeAt(i)
        out[length++] = folded.charCodeAt(i + 1)
        out[length++] = 0x20
      }
      out[length++] = folded.charCodeAt(end - 1)
    } else write(runTokens({ kind, text: folded.slice(start, end) }).join(' '))
  }
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i) ?? 0
    const width = code > 0xffff ? 2 : 1
    const next: CharClass =
      code >= 0x4e00 && code <= 0x9fff
        ? 'ideograph'
        : charClass(width === 1 ? (folded[i] as string) : folded.slice(i, i + 2))
    if (next !== kind) {
      endRun(i)
      kind = next
      start = i
    }
    i += width
  }
  endRun(folded.length)
  return utf16.decode(out.subarray(0, length))
}

/**
 * A query word or phrase as a sequence of tokens to find at consecutive places. Its runs are
 * indexed runs, except that the first may be the end of a longer one (no first character
 * alone) and the last the start of one (no last character alone), so `文明` also finds
 * `精神文明建设`. A query that is one character alone is a prefix instead (`isPrefix`): it
 * stands at the start of a pair, or alone.
 */
export interface QueryTokens {
  readonly tokens: readonly string[]
  readonly isPrefix: boolean
}

export function queryTokens(text: string): QueryTokens | null {
  const runs = textRuns(foldText(text))
  if (runs.length === 0) return null
  const tokens: string[] = []
  runs.forEach((run, i) => {
    if (run.kind === 'word') {
      tokens.push(...runTokens(run))
      return
    }
    const pairs = runPairs(run.text)
    if (pairs.length === 0) tokens.push(run.text)
    else {
      if (i > 0) tokens.push(firstChar(run.text))
      tokens.push(...pairs)
      if (i < runs.length - 1) tokens.push(lastChar(run.text))
    }
  })
  const only = runs.length === 1 ? runs[0] : undefined
  return { tokens, isPrefix: only?.kind === 'ideograph' && runPairs(only.text).length === 0 }
}
