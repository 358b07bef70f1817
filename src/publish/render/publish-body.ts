/**
 * The last step of an article or page body before it reaches a published page.
 *
 * Published pages forbid inline styles (CSP without 'unsafe-inline'), yet a Word-pasted body
 * carries its alignment and first-line indent as `style` attributes; those become classes of
 * the theme's stylesheet (style-classes.ts). The body is parsed once with parse5, the HTML
 * standard's parser, into the sanitizer's own tree (parseBodyFragment), changed as a tree in one
 * walk and serialised once, so an attribute value holding `/>` or `"` stays a value: the
 * regular-expression rewrite this replaces let `alt="x/><img src=x onerror=…>"` close the tag
 * early and publish the script.
 */
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  type BodyElement,
  type BodyNode,
  type BodyParent,
  DROPPED_WITH_CONTENT,
  IFRAME_SANDBOX,
  isAllowedImageSource,
  isElement,
  parseBodyFragment,
  serializeBodyFragment,
  VALID_VALUES,
} from '../../markup/index.ts'
import { classAttributeForStyle } from './style-classes.ts'

const ALLOWED = new Set(ALLOWED_TAGS)
const DROPPED = new Set([...DROPPED_WITH_CONTENT, 'iframe'])
// The style is read into classes and never published: pages forbid inline styles.
const ATTRIBUTES_OF = new Map(
  [...ALLOWED_TAGS, 'iframe'].map((tag) => [
    tag,
    new Set(
      [...(ALLOWED_ATTRIBUTES['*'] ?? []), ...(ALLOWED_ATTRIBUTES[tag] ?? [])].filter((n) => n !== 'style'),
    ),
  ]),
)

export interface PublishedBody {
  /** The markup a page shows. */
  readonly html: string
  /** Its text, a space at every tag, for the description of a page without a summary. */
  readonly text: string
}

/**
 * Returns the body as a published page shows it: meaningful styles as fabu's classes, nothing
 * outside the body policy (src/content/body-policy.ts), serialised once.
 *
 * The check runs on every body, styled or not. Bodies are sanitized on save, so today it finds
 * nothing; it guards what the sanitizer of the day did not see: a later bug in a transformation
 * here, rows saved by an older, weaker sanitizer, and rows written around the services (an
 * import, a restored backup, hand-made SQL). Publishing is the last point before the public
 * sees a body, and the check costs little next to the parse that the styles need anyway.
 * Serialising the checked tree, rather than returning the stored string, also means the page
 * gets well-formed markup: no unclosed attribute or comment that could swallow the theme's own
 * markup around the body.
 *
 * @example publishBody('<p style="text-align:center" onclick="x()">通知</p>') // '<p class="fabu-align-center">通知</p>'
 */
export function publishBody(html: string): string {
  return publishBodyWithText(html).html
}

/** `publishBody`, and the body's text from the same walk. */
export function publishBodyWithText(html: string): PublishedBody {
  // Without a `<` there is no element: no style to turn into a class, nothing to check.
  if (!html.includes('<')) return { html, text: textWithoutTags(html) }
  const fragment = parseBodyFragment(html)
  const text = publishTree(fragment)
  return { html: serializeBodyFragment(fragment), text }
}

/**
 * The text of a body without tags. Only a character reference, a CR (read as LF) or a NUL
 * (ignored) reads as other text than it is written; any of them takes the parser.
 */
function textWithoutTags(html: string): string {
  if (!/[&\r\0]/.test(html)) return html
  let text = ''
  for (const node of parseBodyFragment(html).children) if (node.nodeType === 3) text += node.data
  return text
}

/** An element whose children are being read, and those of them it keeps so far. */
interface OpenParent {
  readonly parent: BodyParent
  readonly kept: BodyNode[]
  /** Whether `kept` differs from the parent's children: a node dropped or one unwrapped. */
  changed: boolean
}

/**
 * Applies the body policy to the tree in one walk in document order and returns the text left,
 * with a space at every element's start and end. Comments and elements of DROPPED_WITH_CONTENT
 * go with their content; an element outside the policy goes and its content takes its place,
 * as in the sanitizer. Each parent's kept children are gathered into a new array and set once:
 * removing nodes one at a time (cheerio's `.remove()` and `.replaceWith()`, each an indexOf and
 * a splice) takes time in the square of the number of siblings, and a body may hold 100,000
 * elements. A stack rather than recursion, since the tree may be thousands deep.
 */
function publishTree(root: BodyParent): string {
  let text = ''
  const open: OpenParent[] = [{ parent: root, kept: [], changed: false }]
  // Nodes still to read, last first; `null` closes the innermost open parent.
  const pending: (BodyNode | null)[] = [null]
  pushChildren(pending, root)
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const current = open[open.length - 1] as OpenParent
    if (node === null) {
      open.pop()
      if (current.changed) setChildren(current.parent, current.kept)
      if (current.parent !== root) text += ' '
      continue
    }
    if (node.nodeType === 3) {
      current.kept.push(node)
      text += node.data
      continue
    }
    // Comments go; a body fragment holds no other kind of node outside a <template>, which goes.
    if (!isElement(node) || (node.name === 'iframe' ? !isPublishableIframe(node) : DROPPED.has(node.name))) {
      current.changed = true
      continue
    }
    const tag = node.name
    if (!ALLOWED.has(tag) && tag !== 'iframe') {
      current.changed = true
      pushChildren(pending, node)
      continue
    }
    publishAttributes(node)
    current.kept.push(node)
    text += ' '
    open.push({ parent: node, kept: [], changed: false })
    pending.push(null)
    // Browsers never render an iframe's children; they could only come back as markup.
    if (tag === 'iframe') node.children = []
    else pushChildren(pending, node)
  }
  return text
}

function pushChildren(pending: (BodyNode | null)[], parent: BodyParent): void {
  for (let i = parent.children.length - 1; i >= 0; i--) pending.push(parent.children[i] as BodyNode)
}

function setChildren(parent: BodyParent, children: BodyNode[]): void {
  parent.children = children
  let previous: BodyNode | null = null
  for (const child of children) {
    child.parent = parent
    child.prev = previous
    if (previous) previous.next = child
    previous = child
  }
  if (previous) previous.next = null
}

/**
 * Keeps the attributes the policy allows with values it allows, and the style as classes. They
 * go into a new object: deleting the others from the parser's one is several times slower.
 */
function publishAttributes(element: BodyElement): void {
  const tag = element.name
  const allowed = ATTRIBUTES_OF.get(tag)
  const attribs = element.attribs
  const published: Record<string, string> = Object.create(null)
  for (const name in attribs) {
    const raw = attribs[name] as string
    if (allowed?.has(name) && isAllowedValue(tag, name, raw)) published[name] = raw
  }
  if (tag === 'iframe') published.sandbox = IFRAME_SANDBOX
  // The class attribute holds fabu's own classes only: a theme's or a site's styles for other
  // class names must not reach into bodies.
  const classes = attribs.style === undefined ? '' : classAttributeForStyle(attribs.style)
  if (classes !== '') published.class = classes
  element.attribs = published
}

function isAllowedValue(tag: string, name: string, raw: string): boolean {
  const pattern = VALID_VALUES[name]
  // Word writes align=Center and valign=TOP; the sanitizer stores them as the pattern reads them.
  if (pattern && !pattern.test(name === 'type' ? raw.trim() : raw.trim().toLowerCase())) return false
  if (name === 'href' || name === 'src') return isAllowedUrl(tag, raw)
  return true
}

function isAllowedUrl(tag: string, url: string): boolean {
  // A browser ignores leading and trailing controls and spaces in a URL, and tab, CR and LF
  // anywhere; dropping every control and space before reading the scheme is stricter still.
  const cleaned = [...url].filter((character) => character > ' ').join('')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase()
  if (scheme === undefined) return tag !== 'iframe'
  const schemes = ALLOWED_SCHEMES_BY_TAG[tag] ?? ALLOWED_SCHEMES
  if (!schemes.includes(scheme)) return false
  return tag !== 'img' || isAllowedImageSource(url)
}

/**
 * The sanitizer kept an iframe only for the installation's video hosts, which the publisher
 * does not know: here it must at least load https and nothing inline, in the sandbox.
 */
function isPublishableIframe(iframe: BodyElement): boolean {
  const src = iframe.attribs.src
  return src !== undefined && isAllowedUrl('iframe', src)
}
