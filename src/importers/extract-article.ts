import { Readability } from '@mozilla/readability'
import { type Cheerio, type CheerioAPI, load } from 'cheerio'
import type { AnyNode, Element } from 'domhandler'
import { parseHTML } from 'linkedom'
import { cleanBody, isChromeText } from './clean-body.ts'
import { readColumnTrail, type TrailStep } from './column-trail.ts'
import { readDisclosure, type ShownDisclosure } from './disclosure-fields.ts'
import { type PageMeta, readPageMeta } from './page-meta.ts'
import { parsePublishTime } from './parse-publish-time.ts'
import { isArticlePath, recogniseSystem, type SiteSystem } from './recognise-system.ts'

/** An article as read from an old site's page, before anything is stored. */
export interface ExtractedArticle {
  readonly title: string
  readonly subtitle: string
  /** `2017-12-14 16:44` in the old site's zone, or null when the page shows none. */
  readonly publishAt: string | null
  readonly source: string
  readonly author: string
  readonly keywords: readonly string[]
  readonly summary: string
  /** Cleaned of page chrome, links and images made absolute; not yet sanitized. */
  readonly bodyHtml: string
  /** The column path from the breadcrumb (or the ColumnName meta tag). */
  readonly trail: readonly TrailStep[]
  readonly disclosure: ShownDisclosure | null
}

/** What a page is: an article, or a page whose links lead on (lists, columns, the home page). */
export type PageReading =
  | { readonly kind: 'article'; readonly system: SiteSystem; readonly article: ExtractedArticle }
  | { readonly kind: 'other'; readonly system: SiteSystem; readonly title: string }

const BODY_SELECTORS: Readonly<Record<SiteSystem, string>> = {
  jcms: '#zoom, .zoom, #Zoom',
  trs: '.TRS_Editor, .TRS_UEDITOR, .TRS_PreAppend, .trs_editor_view',
  ucap: '#UCAP-CONTENT',
  dede: '.viewbox .content, #article_content, .article_content, .content',
  phpcms: '#Article .content, .article_content, .content',
  generic: '#UCAP-CONTENT, .article-content, .article_content, #content, .content, article',
}
const TITLE_SELECTORS = 'h1, .title, .article-title, .art_title, td.title, #title'

/**
 * Reads one decoded page: the government meta tags first, then the selectors of the system
 * that made it (JCMS, TRS), then Readability for systems fabu does not know.
 */
export function readPage(html: string, url: string, parsed?: CheerioAPI): PageReading {
  // The crawler parses a page once and reads its links from the same tree.
  const $ = parsed ?? load(html)
  const system = recogniseSystem($, url)
  const meta = readPageMeta($)
  const bodyRoot = findBody($, system)
  const looksLikeArticle = meta.articleTitle !== '' || isArticlePath(system, url) || hasPublishLine($)
  if (!looksLikeArticle) return { kind: 'other', system, title: $('title').text().trim() }
  const body = bodyRoot ? bodyFrom($, bodyRoot, url) : readabilityBody(html, url)
  if (body === null) return { kind: 'other', system, title: $('title').text().trim() }
  return { kind: 'article', system, article: fieldsOf($, meta, body, url) }
}

function fieldsOf($: CheerioAPI, meta: PageMeta, bodyHtml: string, url: string): ExtractedArticle {
  const title = (meta.articleTitle || titleOf($)).slice(0, 300)
  const info = infoText($)
  const trail = readColumnTrail($, url, title)
  return {
    title,
    subtitle: subtitleOf($),
    publishAt:
      parsePublishTime(meta.pubDate) ??
      parsePublishTime(/(?:发布日期|发布时间|日期|时间)\s*[:：]\s*([^|｜]{8,30})/.exec(info)?.[1] ?? ''),
    source: (meta.contentSource || (/(?:来源|信息来源)\s*[:：]\s*([^\s|｜　]+)/.exec(info)?.[1] ?? '')).slice(
      0,
      100,
    ),
    author: (meta.author || (/(?:作者|撰稿人?|供稿)\s*[:：]\s*([^\s|｜　]+)/.exec(info)?.[1] ?? '')).slice(
      0,
      100,
    ),
    keywords: meta.keywords
      .split(/[,，;；、\s]+/)
      .map((word) => word.trim().slice(0, 50))
      .filter(Boolean)
      .slice(0, 30),
    summary: meta.description.slice(0, 2000),
    bodyHtml,
    trail:
      trail.length > 0 ? trail : meta.columnName ? [{ name: meta.columnName.slice(0, 100), url: null }] : [],
    disclosure: readDisclosure($),
  }
}

/** The body element the system puts articles in; JCMS's content markers come first. */
function findBody($: CheerioAPI, system: SiteSystem): Cheerio<AnyNode> | null {
  const marked = betweenMarkers($)
  if (marked) return marked
  for (const selector of [BODY_SELECTORS[system], BODY_SELECTORS.generic]) {
    const found = $(selector).first()
    if (found.length > 0 && found.text().trim().length > 0) return found
  }
  return null
}

/**
 * JCMS wraps the body in `<!--ZJEG_RSS.content.begin-->` … `end` comments, or between
 * `<meta name="ContentStart">` and `<meta name="ContentEnd">`: the nodes between them, which
 * are siblings in the pages it writes, become one wrapper.
 */
function betweenMarkers($: CheerioAPI): Cheerio<AnyNode> | null {
  const all = $('*').contents().toArray()
  const isBegin = (node: AnyNode) =>
    (node.type === 'comment' && /ZJEG_RSS\.content\.begin/i.test(node.data)) ||
    (node.type === 'tag' && node.name === 'meta' && /^contentstart$/i.test(node.attribs.name ?? ''))
  const isEnd = (node: AnyNode) =>
    (node.type === 'comment' && /ZJEG_RSS\.content\.end/i.test(node.data)) ||
    (node.type === 'tag' && node.name === 'meta' && /^contentend$/i.test(node.attribs.name ?? ''))
  const begin = all.find(isBegin)
  if (!begin) return null
  const wrapper = $('<div></div>')
  for (let node = begin.next; node && !isEnd(node); node = node.next) wrapper.append($(node).clone())
  return wrapper.text().trim() === '' && wrapper.find('img').length === 0 ? null : wrapper
}

function bodyFrom($: CheerioAPI, root: Cheerio<AnyNode>, url: string): string {
  const copy = $('<div></div>').append(root.clone().contents())
  cleanBody($, copy)
  absolutise($, copy, url)
  return copy.html() ?? ''
}

/** For a system fabu does not know: Readability's reading of the page, cleaned the same way. */
function readabilityBody(html: string, url: string): string | null {
  // linkedom gives a fragment without <html> no document element, which Readability refuses.
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`,
  )
  if (!document.documentElement) return null
  let parsed: ReturnType<Readability['parse']> = null
  try {
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 50,
    }).parse()
  } catch {
    // Markup Readability cannot walk has no body it could find.
    return null
  }
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < 20) return null
  const $ = load(`<div id="fabu-body">${parsed.content}</div>`)
  const root = $('#fabu-body')
  cleanBody($, root)
  absolutise($, root, url)
  return root.html() ?? ''
}

/** Links and images relative to the old page are made absolute, to be told apart and rewritten later. */
function absolutise($: CheerioAPI, root: Cheerio<AnyNode>, url: string): void {
  for (const [selector, attribute] of [
    ['a[href]', 'href'],
    ['img[src]', 'src'],
  ] as const) {
    root.find(selector).each((_, element) => {
      const value = $(element).attr(attribute) ?? ''
      if (/^(?:#|mailto:|tel:|javascript:)/i.test(value.trim())) return
      try {
        $(element).attr(attribute, new URL(value, url).href)
      } catch {
        $(element).removeAttr(attribute)
      }
    })
  }
}

function titleOf($: CheerioAPI): string {
  const heading = ($(TITLE_SELECTORS).toArray() as Element[])
    .map((element) => $(element).text().replace(/\s+/g, ' ').trim())
    .find((text) => text !== '' && !text.startsWith('——') && !isChromeText(text))
  if (heading) return heading
  return (
    $('title')
      .text()
      .split(/[-_|｜]/)[0]
      ?.trim() ?? ''
  )
}

/** The subtitle line, which the old theme prints after the title with a leading ——. */
function subtitleOf($: CheerioAPI): string {
  const line = ($('body *').toArray() as Element[])
    .filter((element) => $(element).children().length === 0)
    .map((element) => $(element).text().replace(/\s+/g, ' ').trim())
    .find((text) => /^[—－-]{2}/.test(text) && text.length < 300)
  return line ? line.replace(/^[—－-]+\s*/, '').slice(0, 300) : ''
}

/** The text of the lines around the body that carry the date, source and author. */
function infoText($: CheerioAPI): string {
  return ($('body *').toArray() as Element[])
    .filter((element) => $(element).children().length === 0 || $(element).is('td, div, p, span'))
    .map((element) => $(element).text().replace(/\s+/g, ' ').trim())
    .filter((text) => text.length < 200 && /发布日期|发布时间|来源|作者|日期|时间/.test(text))
    .join(' | ')
}

function hasPublishLine($: CheerioAPI): boolean {
  return /(?:发布日期|发布时间)\s*[:：]/.test($('body').text())
}
