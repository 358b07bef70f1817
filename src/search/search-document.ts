import { pinyin } from 'pinyin-pro'
import { storedBodyText } from '../content/index.ts'
import type { ArticleRow } from '../store/index.ts'
import { charClass, indexTokenText } from './search-tokens.ts'

/** What a document is: its ref_id is an article's, a single-page column's or a letter's (case) id. */
export type SearchKind = 'article' | 'page' | 'letter'

/** What the index keeps of a published article or single page, and the tokens it finds it by. */
export interface SearchDocument {
  readonly siteId: number
  readonly kind: SearchKind
  readonly refId: number
  readonly columnId: number
  readonly revision: number
  readonly title: string
  /** The page's path in the site's output folder: `xwzx/2024/05/06/12.html`. */
  readonly url: string
  readonly publishAt: string | null
  readonly issuingAgency: string
  readonly documentNo: string
  /** The body as text, for snippets. */
  readonly bodyText: string
  /**
   * The tokens, each list as one text, separated by spaces (tokens hold letters and digits
   * only): as FTS5 takes them, and a rebuild's documents cross from the threads that make them
   * as a few strings rather than thousands.
   */
  readonly titleTokens: string
  /** The body's tokens, then those of the other fields searched (source, keywords, 文号 …). */
  readonly bodyTokens: string
  /** The title's sound: pairs of pinyin syllables, for "did you mean" (suggest-by-sound.ts). */
  readonly soundTokens: string
  /** Where it is found: its site and the columns it is in (scopeTokens). */
  readonly scopeTokens: string
}

/** The scope tokens of a document: `s<site>` and `c<column>` for its home and quoted columns. */
export function scopeTokens(siteId: number, columnIds: readonly number[]): string[] {
  return [`s${siteId}`, ...new Set(columnIds.map((id) => `c${id}`))]
}

/** Far longer than any article; a body beyond it is searched by its first part only. */
const MAX_TEXT = 1_000_000

/** An article as the search indexes it: the row as published. */
export function articleDocument(row: ArticleRow, quotedIn: readonly number[]): SearchDocument {
  const bodyText = storedBodyText(row.body_html).slice(0, MAX_TEXT)
  const attachments = (JSON.parse(row.attachments) as { name?: string }[]).map((file) => file.name ?? '')
  const extras = [
    row.subtitle,
    row.source,
    row.author,
    row.summary,
    ...(JSON.parse(row.keywords) as string[]),
    ...attachments,
    row.index_no ?? '',
    row.topic_category ?? '',
    row.issuing_agency ?? '',
    row.document_no ?? '',
    ...(JSON.parse(row.subject_words) as string[]),
  ].filter((value) => value.length > 0)
  return {
    siteId: row.site_id,
    kind: 'article',
    refId: row.id,
    columnId: row.column_id,
    revision: row.revision,
    title: row.title,
    url: row.url_path ?? '',
    publishAt: row.publish_at,
    issuingAgency: row.issuing_agency ?? '',
    documentNo: row.document_no ?? '',
    bodyText,
    titleTokens: indexTokenText(row.title),
    // A gap (an empty line) between fields: a phrase does not run from one into the next.
    bodyTokens: indexTokenText([bodyText, ...extras].join('\n')),
    soundTokens: soundTokens(row.title).join(' '),
    scopeTokens: scopeTokens(row.site_id, [row.column_id, ...quotedIn]).join(' '),
  }
}

/** A single-page column (关于我们) as the search indexes it. */
export function pageDocument(page: {
  readonly siteId: number
  readonly columnId: number
  readonly name: string
  readonly path: string
  readonly bodyHtml: string
  readonly updatedAt: string
}): SearchDocument {
  const bodyText = storedBodyText(page.bodyHtml).slice(0, MAX_TEXT)
  return {
    siteId: page.siteId,
    kind: 'page',
    refId: page.columnId,
    columnId: page.columnId,
    revision: 0,
    title: page.name,
    url: `${page.path}/index.html`,
    publishAt: page.updatedAt,
    issuingAgency: '',
    documentNo: '',
    bodyText,
    titleTokens: indexTokenText(page.name),
    bodyTokens: indexTokenText(bodyText),
    soundTokens: soundTokens(page.name).join(' '),
    scopeTokens: scopeTokens(page.siteId, [page.columnId]).join(' '),
  }
}

/**
 * A text's sound as pairs of toneless pinyin syllables of its Chinese characters, `计量检定` →
 * jiliang liangjian jianding: a query that finds nothing (记量, or typed as pinyin, jiliang)
 * finds the titles that sound like it.
 */
export function soundTokens(text: string): string[] {
  const syllables = soundOf(text)
  const tokens: string[] = []
  for (let i = 0; i + 1 < syllables.length; i++) {
    const a = syllables[i] as string
    const b = syllables[i + 1] as string
    if (a && b) tokens.push(`${a}${b}`)
  }
  return tokens
}

const LATIN_LETTERS = /^\p{Script=Latin}+$/u

/** Each character's toneless syllable, or '' for one that is not Chinese or has no reading. */
export function soundOf(text: string): string[] {
  const chars = [...text]
  const sounds = pinyin(text, { toneType: 'none', type: 'array' })
  // pinyin-pro gives one entry per character when asked for an array.
  // pinyin-pro gives a character it has no reading for back as it is: no sound, so the sound
  // column holds Latin letters only, and a query's ideographs can never match there.
  return chars.map((char, i) => {
    const sound = charClass(char) === 'ideograph' ? (sounds[i] ?? '').toLowerCase() : ''
    return LATIN_LETTERS.test(sound) ? sound : ''
  })
}
