import { isElement, parseBodyFragment } from '../markup/index.ts'
import type { Tx } from '../store/index.ts'
import type { Article } from './article.ts'
import { htmlToText } from './html-to-text.ts'

/** One text of an article that wording is checked in: `field` names it (`title`, `body`, `alt.2`). */
export interface CheckedText {
  readonly field: string
  readonly text: string
}

/** A word from the site's lists found in a text, with its place in that text (UTF-16, end exclusive). */
export interface WordingHit {
  readonly field: string
  readonly start: number
  readonly end: number
  /** The text as written there, spaces and punctuation included. */
  readonly found: string
  /** The list entry it matched (for a near-miss: the protected name it resembles). */
  readonly word: string
  readonly kind: string
  /** `block` (禁用) refuses submit and publish; `warn` (提示) only shows. */
  readonly level: 'block' | 'warn'
  readonly suggestion: string | null
  /** A protected name written one character off (疑似错字), not the listed word itself. */
  readonly isNearMiss: boolean
}

/**
 * Checks wording before an article goes to review or out. Content does not know the lists or
 * how they match (the checks folder does); whoever opens the app plugs an implementation in.
 * It reads through the caller's transaction, so it sees the article as the service does.
 */
export interface WordingGate {
  check(
    db: Pick<Tx, 'selectFrom'>,
    siteId: number,
    texts: readonly CheckedText[],
  ): Promise<readonly WordingHit[]>
}

/**
 * An article as a save returns it: with the wording hits of what was saved, as warnings. A save
 * is never refused for them; 禁用 hits refuse submit and publish only.
 */
export type SavedArticle = Article & { readonly wordingHits: readonly WordingHit[] }

/** How a reviewer overrides 禁用 hits: the reason is kept in the audit record with the hits. */
export interface WordingOverride {
  readonly overrideReason?: string | undefined
}

type ArticleFields = Pick<Article, 'title' | 'subtitle' | 'summary' | 'bodyHtml' | 'attachments'>

/** The texts of an article a reader sees: title, subtitle, summary, body, image alt texts, attachment names. */
export function articleTexts(article: ArticleFields): CheckedText[] {
  const texts: CheckedText[] = [
    { field: 'title', text: article.title },
    { field: 'subtitle', text: article.subtitle },
    { field: 'summary', text: article.summary },
    { field: 'body', text: htmlToText(article.bodyHtml) },
  ]
  altTexts(article.bodyHtml).forEach((alt, index) => {
    texts.push({ field: `alt.${index}`, text: alt })
  })
  article.attachments.forEach((attachment, index) => {
    texts.push({ field: `attachments.${index}.name`, text: attachment.name })
  })
  return texts.filter((entry) => entry.text.length > 0)
}

function altTexts(html: string): string[] {
  const alts: string[] = []
  // Document order without recursion: children go on the stack last first.
  const pending = [...parseBodyFragment(html).children].reverse()
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (!isElement(node)) continue
    if (node.name === 'img' && node.attribs.alt) alts.push(node.attribs.alt)
    for (let i = node.children.length - 1; i >= 0; i--)
      pending.push(node.children[i] as (typeof pending)[number])
  }
  return alts
}
