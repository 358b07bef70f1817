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
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_STYLES,
  ALLOWED_TAGS,
  appendText,
  assertWithinBodyLimits,
  type BodyElement,
  type BodyNode,
  type BodyParent,
  COLOR_VALUE,
  DROPPED_WITH_CONTENT,
  FONT_FAMILY,
  IFRAME_SANDBOX,
  isAllowedImageSource,
  isElement,
  parseBodyFragment,
  serializeBodyFragment,
  VALID_VALUES,
} from '../markup/index.ts'
import {
  BODY_FONT_PX,
  dropHidingStyles,
  isVisibleColor,
  isVisibleSize,
  TABLE_PARTS,
} from './drop-hiding-styles.ts'

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

function sanitizeHtmlOptions(iframeHosts: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: iframeHosts.length > 0 ? [...ALLOWED_TAGS, 'iframe'] : ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedStyles: { '*': ALLOWED_STYLES },
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesByTag: ALLOWED_SCHEMES_BY_TAG,
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

function isAllowedIframeSource(src: string | undefined, iframeHosts: readonly string[]): src is string {
  if (src === undefined) return false
  try {
    const url = new URL(src)
    return url.protocol === 'https:' && iframeHosts.includes(url.hostname)
  } catch {
    return false
  }
}
