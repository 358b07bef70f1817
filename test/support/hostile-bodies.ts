import { load } from 'cheerio'
import fc from 'fast-check'

// The pieces an attribute value or a text is made of: what closes a tag or a quote, what starts
// an entity, NUL-like and full-width look-alikes, and a few ready-made payloads so that a
// broken rewrite shows up as script and not only as changed text.
const HOSTILE_PIECES = [
  ...['<', '>', '/', '/>', '"', "'", '&', '`', '=', ' ', '\n', '\t', 'x', '文', ';', ':'],
  ...['\u0000', '\u0001', '\u000b', '\ufffd', '\u200b', '\u2028', '\ufeff'],
  ...['＜', '＞', '／', '＂', '＇', '＆', '｀', '＝'],
  ...['&quot;', '&lt;', '&gt;', '&#x3c;', '&#60', '&amp;', '&nbsp;', 'style="', 'class="'],
  ...[
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    ' onmouseover=alert(1) ',
  ],
]

/** A string made of hostile pieces. */
export const hostileText = fc
  .array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 8 })
  .map((p) => p.join(''))

// Styles that turn into fabu's classes, and some that give way to the site's look.
const MEANINGFUL_STYLES = [
  ...['text-align:center', 'text-align:right', 'text-indent:2em', 'font-weight:bold', 'font-style:italic'],
  ...[
    'text-decoration:underline',
    'text-decoration:line-through',
    'vertical-align:super',
    'vertical-align:sub',
  ],
  ...['color:#c00', 'font-family:SimSun', 'line-height:28pt'],
]
const style = fc.subarray(MEANINGFUL_STYLES, { minLength: 1 }).map((declarations) => declarations.join(';'))

// Elements of the sanitizer's allow-list with the attributes it keeps on them, and one it drops.
const TAGS: Record<string, readonly string[]> = {
  p: ['align'],
  div: ['align'],
  h2: ['align'],
  blockquote: ['align'],
  span: [],
  strong: [],
  em: [],
  u: [],
  sup: [],
  code: [],
  font: ['face'],
  a: ['href', 'title', 'name'],
  img: ['src', 'alt', 'title'],
  ul: [],
  li: [],
}
const VOID_TAGS = new Set(['img', 'br', 'hr'])

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
}

const attributes = (tag: string) =>
  fc
    .tuple(
      fc.option(style, { nil: undefined }),
      fc.array(fc.tuple(fc.constantFrom(...(TAGS[tag] ?? []), 'title', 'class', 'onclick'), hostileText), {
        maxLength: 3,
      }),
      fc.boolean(),
    )
    .map(([styleValue, pairs, isStyleFirst]) => {
      // Word writes the style before or after the other attributes; a rewrite may trip on either.
      const named = new Map(
        isStyleFirst && styleValue !== undefined ? [['style', styleValue], ...pairs] : pairs,
      )
      if (styleValue !== undefined) named.set('style', styleValue)
      // An image needs a source the sanitizer keeps, or it is all there is to look at.
      if (tag === 'img' && !named.has('src')) named.set('src', 'https://example.com/a.png')
      return [...named].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')
    })

/**
 * An article body as an editor's HTML might hold it: nested elements of the allowed set, with
 * meaningful styles, and attribute values and text full of `<`, `>`, `/`, quotes, `&`,
 * backticks, NUL-like and full-width characters.
 */
export const hostileBody: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText.map(escapeText),
    fc
      .constantFrom(...Object.keys(TAGS))
      .chain((tag) =>
        fc
          .tuple(attributes(tag), VOID_TAGS.has(tag) ? fc.constant('') : tie('nodes'))
          .map(([attrs, inner]) =>
            VOID_TAGS.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${inner}</${tag}>`,
          ),
      ),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((nodes) => nodes.join('')),
})).nodes

/** The text a reader sees of a body, as a browser reads it. */
export function textOfBody(html: string): string {
  return load(html, null, false).text()
}

/** Every element's name and attributes other than style and class, in document order. */
export function markupOfBody(html: string): string[] {
  const $ = load(html, null, false)
  return $('*')
    .toArray()
    .filter((node) => 'attribs' in node)
    .map((element) => {
      const kept = Object.entries(element.attribs).filter(([name]) => name !== 'style' && name !== 'class')
      return `<${element.tagName}${kept.map(([name, value]) => ` ${name}=${JSON.stringify(value)}`).join('')}>`
    })
}

/** The classes of a body that are not fabu's own. */
export function foreignClasses(html: string): string[] {
  const $ = load(html, null, false)
  return $('[class]')
    .toArray()
    .flatMap((element) => (element.attribs.class ?? '').split(/\s+/))
    .filter((name) => name !== '' && !name.startsWith('fabu-'))
}
