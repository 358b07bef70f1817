import { declaration, hideStyles } from './style-attributes.ts'
import { wordListsToLists } from './word-lists.ts'

/** Markup fit for the editor, and how many pictures could not come along. */
export interface CleanedHtml {
  readonly html: string
  /** Pictures pointing into the copying computer (file:, cid:), which no browser may read. */
  readonly droppedImages: number
}

// Gone with everything inside: code, the document head, Word's VML drawings.
const DROPPED = new Set(['script', 'style', 'meta', 'link', 'title', 'head', 'xml', 'template', 'noscript'])
const DROPPED_ALSO = 'iframe, object, embed, svg, math, input, button, select, textarea'
// Gone, their content kept: Word's character formatting and layout boxes.
const UNWRAPPED = new Set(['span', 'font', 'div', 'section', 'article', 'center', 'small', 'big'])
const ALIGNED = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th'])
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify'])
const KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  a: ['href'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  ol: ['start'],
}

/**
 * Pasted markup as the editor should read it. Word (and WPS) fill the clipboard with layout:
 * `mso-` styles, `class="MsoNormal"`, `<o:p>`, conditional comments and VML. What the
 * article means stays (paragraphs, headings, bold, italic, underline, lists, links, tables
 * with merged cells, alignment, first-line indent); the rest goes before tiptap parses it.
 *
 * Styles come out as `data-fabu-style` (see style-attributes.ts), which the editor reads.
 *
 * @example cleanPastedHtml('<p class=MsoNormal style="text-indent:32pt;mso-char-indent-count:2.0">正文<o:p></o:p></p>')
 * // { html: '<p data-fabu-style="text-indent: 2em">正文</p>', droppedImages: 0 }
 */
export function cleanPastedHtml(html: string): CleanedHtml {
  const body = new DOMParser().parseFromString(hideStyles(html), 'text/html').body
  // Lists first: they are found by the mso-list styles and markers the cleaning removes.
  wordListsToLists(body)
  removeComments(body)
  for (const element of body.querySelectorAll(DROPPED_ALSO)) element.remove()
  let droppedImages = 0
  // Deepest first, so unwrapping an element moves children that are clean already.
  for (const element of [...body.querySelectorAll('*')].reverse()) {
    const tag = element.localName
    if (DROPPED.has(tag) || tag.startsWith('v:') || isPageBreak(element)) element.remove()
    else if (tag === 'img' && !isReachable(element.getAttribute('src'))) {
      element.remove()
      droppedImages++
    } else if (UNWRAPPED.has(tag) || tag.includes(':') || (tag === 'a' && !isSafeLink(element)))
      element.replaceWith(...element.childNodes)
    else keepMeaning(element, tag)
  }
  return { html: body.innerHTML, droppedImages }
}

function removeComments(root: HTMLElement): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
}

/** Leaves the attributes the editor reads, and of the styles only alignment and first-line indent. */
function keepMeaning(element: Element, tag: string): void {
  const style = element.getAttribute('data-fabu-style') ?? ''
  // The editor's own markup (copied inside it) says alignment and indent in data attributes.
  const alignment = ALIGNED.has(tag)
    ? alignmentOf(style, element.getAttribute('data-text-align') ?? element.getAttribute('align'))
    : null
  const indent = tag === 'p' ? (element.getAttribute('data-text-indent') ?? indentOf(style)) : null
  // ProseMirror marks what it copies with data-pm-slice, to paste it as it was cut.
  const kept = [...(KEPT_ATTRIBUTES[tag] ?? []), 'data-pm-slice']
  for (const name of element.getAttributeNames()) if (!kept.includes(name)) element.removeAttribute(name)
  const declarations = [
    ...(alignment ? [`text-align: ${alignment}`] : []),
    ...(indent ? [`text-indent: ${indent}`] : []),
  ]
  if (declarations.length > 0) element.setAttribute('data-fabu-style', declarations.join('; '))
}

function alignmentOf(style: string, align: string | null): string | null {
  const value = declaration(style, 'text-align') ?? align?.toLowerCase() ?? null
  if (value === 'both' || value === 'distribute') return 'justify'
  return value && ALIGNMENTS.has(value) && value !== 'left' ? value : null
}

/** Word gives 首行缩进 2 字符 as `mso-char-indent-count:2.0` beside a length in points. */
function indentOf(style: string): string | null {
  const characters = Number.parseFloat(declaration(style, 'mso-char-indent-count') ?? '')
  if (characters > 0) return `${Number(characters.toFixed(2))}em`
  const length = declaration(style, 'text-indent')
  const match = length ? /^(\d+(?:\.\d+)?)(pt|px|em|cm|mm)$/.exec(length) : null
  return match && Number(match[1]) > 0 ? `${Number(Number(match[1]).toFixed(2))}${match[2]}` : null
}

function isPageBreak(element: Element): boolean {
  return element.localName === 'br' && /page-break/i.test(element.getAttribute('data-fabu-style') ?? '')
}

/** Pictures on the web, on the site, or inline (those are uploaded before they are kept). */
function isReachable(src: string | null): boolean {
  return src !== null && /^(?:https?:\/\/|\/(?!\/)|data:image\/)/i.test(src.trim())
}

function isSafeLink(element: Element): boolean {
  const href = element.getAttribute('href')?.trim()
  return Boolean(href && /^(?:https?:|mailto:|\/(?!\/))/i.test(href))
}
