/**
 * The article body sanitizer. Bodies are mostly pasted from Word by editors, so the allow-list
 * keeps what such articles carry (headings, indented paragraphs, bordered tables with merged
 * cells, fonts and colours, images) and drops everything that can run script, reach out of the
 * page or hide text.
 *
 * sanitize-html does the allow-listing, but it reads markup with htmlparser2, which does not
 * build the tree a browser builds. So the body goes through parse5, the HTML standard's parser,
 * on both sides of it: before, so that sanitize-html sees only well-formed markup with the
 * elements a browser would create; after, until the markup reads back as itself, so that what
 * we store is exactly what a browser (and a second sanitizing) will see.
 */
import sanitizeHtml from 'sanitize-html'
import { assertWithinBodyLimits } from './body-limits.ts'
import {
  BODY_FONT_PX,
  dropHidingStyles,
  isVisibleColor,
  isVisibleSize,
  TABLE_PARTS,
} from './drop-hiding-styles.ts'
import {
  appendText,
  type BodyElement,
  type BodyNode,
  type BodyParent,
  isElement,
  parseBodyFragment,
  serializeBodyFragment,
} from './parse-body-fragment.ts'
import { TABLE_TAGS } from './table-tags.ts'

export interface SanitizeOptions {
  /** Hostnames whose https iframes are kept, e.g. 'player.bilibili.com'. Default: none. */
  readonly iframeHosts?: readonly string[]
  /** The input field the body came in, which an error refusing it names. Default: 'bodyHtml'. */
  readonly field?: string
}

/**
 * Returns the body with only allow-listed markup left. Idempotent: sanitizing the result
 * again returns it unchanged. Every step takes time linear in the size of the body; a body
 * past the structural limits of body-limits.ts is refused with a VALIDATION_FAILED.
 *
 * @example sanitizeBody('<p onclick="x()" class="MsoNormal">正文</p>') // '<p>正文</p>'
 */
export function sanitizeBody(html: string, options: SanitizeOptions = {}): string {
  const field = options.field ?? 'bodyHtml'
  assertWithinBodyLimits(html, field)
  const iframeHosts = options.iframeHosts ?? []
  const parsed = readAsBrowser(html, iframeHosts, field)
  const allowed = sanitizeHtml(parsed, sanitizeHtmlOptions(iframeHosts))
  return settle(allowed, iframeHosts, field)
}

// Elements dropped with everything inside them, since their content is no article text.
const DROPPED_WITH_CONTENT = [
  // Code, and what browsers do not render.
  ...['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'title', 'xmp', 'plaintext'],
  // Other languages, whose parsing rules differ from HTML's: the root of most mutation XSS.
  ...['svg', 'math'],
  // Plugins, frames and what a page's <head> holds.
  ...['object', 'embed', 'applet', 'frameset', 'frame', 'base', 'meta', 'link'],
  // Form controls; a form's own content is text and stays.
  ...['input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea'],
]

// sanitize-html writes markup its own way: `<br />`, a bare CR from a decoded &#13; (which
// the next parse reads as LF), a <li> left inside a <li> once the <section> between them is
// gone. Reading that back as a browser does gives the form we return, and it must read back
// as itself, or a second sanitizing would change it. One round has sufficed for every input
// we have tried (the XSS vectors and random tag soup); the cap makes a surprise an error
// instead of an endless loop.
const MAX_SETTLE_ROUNDS = 4

/** Repeats `readAsBrowser` until the markup reads back as itself. */
function settle(html: string, iframeHosts: readonly string[], field: string): string {
  let current = html
  for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
    const next = readAsBrowser(current, iframeHosts, field)
    if (next === current) return current
    current = next
  }
  throw new Error(`sanitizeBody: markup did not settle after ${MAX_SETTLE_ROUNDS} rounds`)
}

/**
 * Parses the markup as a browser parses the inside of a `<div>` in a standards-mode page, takes
 * out what must go with its content and the styles that would hide text, and serialises the
 * tree again.
 */
function readAsBrowser(html: string, iframeHosts: readonly string[], field: string): string {
  const fragment = parseBodyFragment(html, field)
  keepArticleContent(fragment, iframeHosts)
  dropHidingStyles(fragment)
  return serializeBodyFragment(fragment)
}

// parse5 serialises recursively and runs out of stack a few thousand elements deep. Browsers
// stop nesting long before (Chromium at 512); below that depth we keep only the text.
const MAX_DEPTH = 512

const IS_DROPPED_WITH_CONTENT = new Set(DROPPED_WITH_CONTENT)

/**
 * One walk down the tree: keeps only the text of elements MAX_DEPTH down, drops the elements
 * of DROPPED_WITH_CONTENT and iframes from other hosts, and keeps a `<pre>`'s leading newline.
 * Each element's children are filtered into a new array once; removing them one at a time
 * (cheerio's `.remove()`, each an indexOf and a splice) and matching selectors over a long
 * list of siblings (css-select's removeSubsets) took time in the square of their number.
 */
function keepArticleContent(root: BodyParent, iframeHosts: readonly string[]): void {
  const pending: [BodyParent, number][] = [[root, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [parent, depth] = next
    const kept: BodyNode[] = []
    for (const child of parent.children) {
      if (!isElement(child)) {
        kept.push(child)
        continue
      }
      if (depth + 1 === MAX_DEPTH && child.children.some((node) => 'children' in node)) {
        const text = textOf(child)
        replaceChildren(child, [])
        appendText(child, text)
      }
      if (!isKeptElement(child, iframeHosts)) continue
      kept.push(child)
      pending.push([child, depth + 1])
    }
    if (kept.length < parent.children.length) replaceChildren(parent, kept)
    if (isElement(parent) && (parent.name === 'pre' || parent.name === 'listing')) {
      // The parser drops one newline right after `<pre>` and the serialiser does not write it
      // back, so a `<pre>` whose text starts with a newline would lose one on every round.
      const first = parent.children[0]
      if (first?.nodeType === 3 && first.data.startsWith('\n')) first.data = `\n${first.data}`
    }
  }
}

function isKeptElement(element: BodyElement, iframeHosts: readonly string[]): boolean {
  if (IS_DROPPED_WITH_CONTENT.has(element.name)) return false
  if (element.name !== 'iframe') return true
  const src = embedSource(element.attribs.src)
  if (!isAllowedIframeSource(src, iframeHosts)) return false
  element.attribs.src = src
  // Browsers never render an iframe's children; they could only come back as markup.
  replaceChildren(element, [])
  return true
}

function replaceChildren(parent: BodyParent, children: BodyNode[]): void {
  parent.children = children
  children.forEach((child, index) => {
    child.prev = children[index - 1] ?? null
    child.next = children[index + 1] ?? null
  })
}

/** The text inside a node, gathered without recursion since the tree may be thousands deep. */
function textOf(node: BodyNode): string {
  let text = ''
  const pending = [node]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.nodeType === 3) text += next.data
    else if ('children' in next) for (const child of next.children.toReversed()) pending.push(child)
  }
  return text
}

// Video sites hand out embed code with protocol-relative addresses (`//player.bilibili.com/…`).
function embedSource(src: string | undefined): string | undefined {
  const trimmed = src?.trim()
  return trimmed?.startsWith('//') ? `https:${trimmed}` : trimmed
}

const TABLE_ATTRIBUTES = [
  'colspan',
  'rowspan',
  'width',
  'height',
  'align',
  'valign',
  'border',
  'cellpadding',
  'cellspacing',
  'scope',
  'span',
]
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['style'],
  a: ['href', 'title', 'target', 'name', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  font: ['color', 'face', 'size'],
  ol: ['type', 'start'],
  ul: ['type'],
  li: ['type'],
  iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox'],
  ...Object.fromEntries(
    ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'figure', 'figcaption'].map(
      (tag) => [tag, ['align']],
    ),
  ),
  ...Object.fromEntries(TABLE_TAGS.map((tag) => [tag, TABLE_ATTRIBUTES])),
}
const ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'div', 'span'],
  ...['sub', 'sup', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'ins', 'font', 'small', 'big'],
  ...['ol', 'ul', 'li', 'dl', 'dt', 'dd', 'img', 'a', 'figure', 'figcaption'],
  ...TABLE_TAGS,
]

// Sandboxed, yet a video player still plays. Safe only because the allowed hosts are other
// origins: a same-origin frame with scripts and same-origin could lift its own sandbox.
const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation'

function sanitizeHtmlOptions(iframeHosts: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: iframeHosts.length > 0 ? [...ALLOWED_TAGS, 'iframe'] : ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedStyles: { '*': ALLOWED_STYLES },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'], iframe: ['https'] },
    allowedIframeHostnames: [...iframeHosts],
    allowIframeRelativeUrls: false,
    // The same list readAsBrowser removes, so nothing of such an element's content could
    // come back as text should one ever reach sanitize-html.
    nonTextTags: [...DROPPED_WITH_CONTENT, 'iframe'],
    disallowedTagsMode: 'discard',
    transformTags: { '*': checkAttributeValues },
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
  }
}

const NUMBER = /^\d{1,5}$/
const DIMENSION = /^\d{1,5}(?:\.\d+)?(?:px|%)?$/
const VALID_VALUES: Record<string, RegExp> = {
  align: /^(?:left|right|center|justify)$/,
  valign: /^(?:top|middle|bottom|baseline)$/,
  scope: /^(?:row|col|rowgroup|colgroup)$/,
  target: /^(?:_blank|_self|_parent|_top)$/,
  type: /^(?:1|a|A|i|I|disc|circle|square)$/,
  colspan: NUMBER,
  rowspan: NUMBER,
  span: NUMBER,
  start: /^-?\d{1,9}$/,
  border: NUMBER,
  cellpadding: NUMBER,
  cellspacing: NUMBER,
  width: DIMENSION,
  height: DIMENSION,
  size: /^[+-]?[1-7]$/,
}

const STYLE_PROPERTY = /(?<=^|;)\s*[-a-z]+\s*(?=:)/gi

/** Drops attribute values outside their allowed forms, and adds what safety requires. */
function checkAttributeValues(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const checked: sanitizeHtml.Attributes = {}
  for (const [name, raw] of Object.entries(attribs)) {
    // Word writes align=Center and valign=TOP; browsers read these case-insensitively.
    const value = name === 'type' ? raw.trim() : raw.trim().toLowerCase()
    const pattern = VALID_VALUES[name]
    if (pattern && !pattern.test(value)) continue
    checked[name] = pattern ? value : raw
  }
  // Pages from IE-era editors say `TEXT-INDENT: 2em`; CSS property names ignore case.
  if (checked.style !== undefined) {
    checked.style = checked.style.replace(STYLE_PROPERTY, (property) => property.toLowerCase())
  }
  if (tagName === 'font') {
    const color = checked.color
    if (color !== undefined && !(COLOR_VALUE.test(color) && isVisibleColor(color))) delete checked.color
    if (checked.face !== undefined && !FONT_FAMILY.test(checked.face)) delete checked.face
  }
  if (!TABLE_PARTS.has(tagName)) {
    for (const size of ['width', 'height']) {
      const value = checked[size]
      if (value !== undefined && !isVisibleSize(value, BODY_FONT_PX)) delete checked[size]
    }
  }
  if (tagName === 'img' && checked.src !== undefined && !isAllowedImageSource(checked.src)) delete checked.src
  if (tagName === 'a') {
    // A page opened in a new window must not get a handle on ours (window.opener).
    if (checked.target !== undefined) checked.rel = 'noopener noreferrer'
    else delete checked.rel
  }
  if (tagName === 'iframe') checked.sandbox = IFRAME_SANDBOX
  return { tagName, attribs: checked }
}

// Pasted screenshots arrive inline; only raster types, so no SVG with script in it.
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]+={0,2}$/i

function isAllowedImageSource(src: string): boolean {
  // A browser ignores leading and trailing controls and spaces in a URL, and tab, CR and LF
  // anywhere; dropping every control and space before looking at the scheme is stricter still.
  const cleaned = [...src].filter((character) => character > ' ').join('')
  return !/^data:/i.test(cleaned) || IMAGE_DATA_URL.test(cleaned)
}

function isAllowedIframeSource(src: string | undefined, iframeHosts: readonly string[]): src is string {
  if (src === undefined) return false
  try {
    const url = new URL(src)
    return url.protocol === 'https:' && iframeHosts.includes(url.hostname)
  } catch {
    return false
  }
}

// Style values: each pattern matches the whole value and admits no function but the colour
// ones with plain numbers inside, so url(), expression() and friends have no way in.
const LENGTH = String.raw`[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:px|pt|pc|em|rem|ex|ch|cm|mm|in|q|%|vw|vh)?`
const COLOR = String.raw`#[0-9a-f]{3,8}|(?:rgba?|hsla?)\([\d.%\s,/+-]*\)|[a-z]+`
const COLOR_VALUE = new RegExp(`^(?:${COLOR})$`, 'i')
const FONT_NAME = String.raw`"[^"\\;{}<>]*"|'[^'\\;{}<>]*'|[\p{L}\p{N}_ .-]+`
const FONT_FAMILY = new RegExp(`^\\s*(?:${FONT_NAME})(?:\\s*,\\s*(?:${FONT_NAME}))*\\s*$`, 'u')
const BOX = new RegExp(`^(?:${LENGTH}|auto)(?:\\s+(?:${LENGTH}|auto)){0,3}$`, 'i')
const SIZE = new RegExp(`^(?:${LENGTH}|auto)$`, 'i')
const BORDER = new RegExp(`^(?:${LENGTH}|${COLOR}|[a-z-]+)(?:\\s+(?:${LENGTH}|${COLOR}|[a-z-]+)){0,3}$`, 'i')
const SIDES = ['top', 'right', 'bottom', 'left']

const ALLOWED_STYLES: Record<string, RegExp[]> = {
  'text-align': [/^(?:left|right|center|justify|start|end)$/i],
  'text-indent': [new RegExp(`^${LENGTH}$`, 'i')],
  'line-height': [new RegExp(`^(?:normal|${LENGTH})$`, 'i')],
  color: [COLOR_VALUE],
  'background-color': [COLOR_VALUE],
  // Word highlights with `background:yellow`; only a colour is let through, never an image.
  background: [COLOR_VALUE],
  'font-size': [new RegExp(`^(?:${LENGTH}|(?:xx?-)?(?:small|large)|medium|smaller|larger)$`, 'i')],
  'font-family': [FONT_FAMILY],
  'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
  'font-style': [/^(?:normal|italic|oblique)$/i],
  'text-decoration': [
    /^(?:none|(?:underline|overline|line-through)(?:\s+(?:underline|overline|line-through))*)$/i,
  ],
  'vertical-align': [
    new RegExp(`^(?:baseline|sub|super|top|text-top|middle|bottom|text-bottom|${LENGTH})$`, 'i'),
  ],
  width: [SIZE],
  height: [SIZE],
  'border-collapse': [/^(?:collapse|separate)$/i],
  'white-space': [/^(?:normal|nowrap|pre|pre-wrap|pre-line|break-spaces)$/i],
  margin: [BOX],
  padding: [BOX],
  border: [BORDER],
  'border-width': [BORDER],
  'border-style': [BORDER],
  'border-color': [BORDER],
  'border-spacing': [BOX],
  ...Object.fromEntries(
    SIDES.flatMap((side) => [
      [`margin-${side}`, [BOX]],
      [`padding-${side}`, [BOX]],
      [`border-${side}`, [BORDER]],
      [`border-${side}-width`, [BORDER]],
      [`border-${side}-style`, [BORDER]],
      [`border-${side}-color`, [BORDER]],
    ]),
  ),
}
