/**
 * The last step of an article or page body before it reaches a published page.
 *
 * Published pages forbid inline styles (CSP without 'unsafe-inline'), yet a Word-pasted body
 * carries its alignment and first-line indent as `style` attributes; those become classes of
 * the theme's stylesheet (style-classes.ts). The body is parsed once with parse5, the HTML
 * standard's parser the sanitizer uses, changed as a tree and serialised once, so an attribute
 * value holding `/>` or `"` stays a value: the regular-expression rewrite this replaces let
 * `alt="x/><img src=x onerror=…>"` close the tag early and publish the script.
 */
import { type contains, load } from 'cheerio'
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  IFRAME_SANDBOX,
  isAllowedImageSource,
  VALID_VALUES,
} from '../content/index.ts'
import { classesForStyle } from './style-classes.ts'

/** A node of the tree parse5 builds for cheerio, and its elements. */
type ParsedNode = Parameters<typeof contains>[0]
type Element = Extract<ParsedNode, { attribs: unknown }>

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

/** `publishBody`, and the body's text from the same parse. */
export function publishBodyWithText(html: string): PublishedBody {
  // Without a `<` there is no element: no style to turn into a class, nothing to check.
  if (!html.includes('<')) return { html, text: load(html, null, false).text() }
  const $ = load('<div></div>', null, false)
  const root = $('div')
  root.html(html)
  // parse5 nests up to 512 deep here (the sanitizer's limit); a stack instead of recursion.
  const pending: ParsedNode[] = [...(root.get(0)?.children ?? [])]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.nodeType === 8) {
      $(node).remove()
      continue
    }
    if (!('attribs' in node)) continue
    if (node.tagName === 'iframe' && isPublishableIframe(node)) {
      // Browsers never render an iframe's children; they could only come back as markup.
      $(node).empty()
    } else if (DROPPED.has(node.tagName)) {
      $(node).remove()
      continue
    }
    const children = [...node.children]
    if (ALLOWED.has(node.tagName) || node.tagName === 'iframe') {
      publishAttributes(node)
    } else {
      // Like the sanitizer: an element outside the policy goes, its text stays.
      $(node).replaceWith(children)
    }
    pending.push(...children)
  }
  return { html: root.html() ?? '', text: spacedText(root.get(0)) }
}

/** The text under `root` in document order, with a space at every element's start and end. */
function spacedText(root: ParsedNode | undefined): string {
  let text = ''
  const pending: (ParsedNode | ' ')[] = root && 'children' in root ? [...root.children].reverse() : []
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === ' ') text += ' '
    else if (next.nodeType === 3) text += next.data
    else if ('attribs' in next) pending.push(' ', ...[...next.children].reverse(), ' ')
  }
  return text
}

/** Keeps the attributes the policy allows with values it allows, and the style as classes. */
function publishAttributes(element: Element): void {
  const tag = element.tagName
  const allowed = ATTRIBUTES_OF.get(tag)
  const style = element.attribs.style
  for (const [name, raw] of Object.entries(element.attribs)) {
    if (!allowed?.has(name) || !isAllowedValue(tag, name, raw)) delete element.attribs[name]
  }
  if (tag === 'iframe') element.attribs.sandbox = IFRAME_SANDBOX
  // The class attribute holds fabu's own classes only: a theme's or a site's styles for other
  // class names must not reach into bodies.
  const classes = style === undefined ? [] : classesForStyle(style)
  if (classes.length > 0) element.attribs.class = classes.join(' ')
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
function isPublishableIframe(iframe: Element): boolean {
  const src = iframe.attribs.src
  return src !== undefined && isAllowedUrl('iframe', src)
}
