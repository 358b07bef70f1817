/**
 * The admin's Content-Security-Policy has no 'unsafe-inline', and Chromium enforces it on
 * every `style` attribute the page parses or sets, even in a DOMParser document or a detached
 * element: the style is dropped and a violation logged. So article markup reaches the DOM
 * with its styles renamed to `data-fabu-style` (see `hideStyles`), the editor marks alignment
 * and indent with data attributes, and the saved body gets real styles back as text
 * (`revealStyles`), never through the DOM.
 */

interface Attribute {
  readonly name: string
  /** As written in the source (entities undecoded); null for a bare attribute. */
  readonly value: string | null
}

/**
 * `style="…"` becomes `data-fabu-style="…"` in every start tag, and `<style>` elements (Word
 * puts its style sheet in the clipboard) are dropped; the rest is left as it was.
 */
export function hideStyles(html: string): string {
  // A style element's content is raw text: nothing in it can close it but `</style`.
  const withoutSheets = html.replace(/<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi, '')
  return mapStartTags(withoutSheets, (attributes) =>
    attributes.some((attribute) => attribute.name === 'style')
      ? attributes.map((attribute) =>
          attribute.name === 'style' ? { ...attribute, name: 'data-fabu-style' } : attribute,
        )
      : null,
  )
}

const ALIGNMENT = /^(?:left|center|right|justify)$/
const LENGTH = /^\d{1,3}(?:\.\d{1,2})?(?:em|pt|px|cm|mm)$/

/** The editor's `data-text-align` and `data-text-indent` become a `style` attribute again. */
export function revealStyles(html: string): string {
  return mapStartTags(html, (attributes) => {
    const align = attributes.find((attribute) => attribute.name === 'data-text-align')?.value ?? ''
    const indent = attributes.find((attribute) => attribute.name === 'data-text-indent')?.value ?? ''
    if (!align && !indent) return null
    const declarations = [
      ...(ALIGNMENT.test(align) ? [`text-align: ${align}`] : []),
      ...(LENGTH.test(indent) ? [`text-indent: ${indent}`] : []),
    ]
    const kept = attributes.filter(
      (attribute) => attribute.name !== 'data-text-align' && attribute.name !== 'data-text-indent',
    )
    return declarations.length > 0 ? [...kept, { name: 'style', value: declarations.join('; ') }] : kept
  })
}

/** The value of one property in a style attribute's text, lower-cased, or null. */
export function declaration(style: string | null, property: string): string | null {
  if (!style) return null
  for (const part of style.split(';')) {
    const colon = part.indexOf(':')
    if (colon > 0 && part.slice(0, colon).trim().toLowerCase() === property)
      return (
        part
          .slice(colon + 1)
          .trim()
          .toLowerCase() || null
      )
  }
  return null
}

// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp'])

/**
 * Rewrites the attributes of start tags with `edit` (null: leave the tag as written). A small
 * scanner after the HTML standard's tokenizer: quoted values may hold `>`, comments and end
 * tags are copied, raw-text elements are skipped.
 */
function mapStartTags(html: string, edit: (attributes: Attribute[]) => Attribute[] | null): string {
  let out = ''
  let at = 0
  let lowered: string | undefined
  while (at < html.length) {
    const open = html.indexOf('<', at)
    if (open === -1) break
    out += html.slice(at, open)
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4)
      at = end === -1 ? html.length : end + 3
      out += html.slice(open, at)
      continue
    }
    if (!/[a-zA-Z]/.test(html[open + 1] ?? '')) {
      const end = html.indexOf('>', open + 1)
      at = end === -1 ? html.length : end + 1
      out += html.slice(open, at)
      continue
    }
    const tag = readStartTag(html, open)
    const edited = edit(tag.attributes)
    out += edited ? writeStartTag(tag.name, edited, tag.isSelfClosing) : html.slice(open, tag.end)
    at = tag.end
    if (RAW_TEXT.has(tag.name.toLowerCase())) {
      lowered ??= html.toLowerCase()
      const close = lowered.indexOf(`</${tag.name.toLowerCase()}`, at)
      const end = close === -1 ? html.length : close
      out += html.slice(at, end)
      at = end
    }
  }
  return out + html.slice(at)
}

const TAG_NAME = /[^\s/>]+/y
const ATTRIBUTE_NAME = /[^\s/>=]+|=/y
const UNQUOTED_VALUE = /[^\s>]*/y

/** The text `pattern` (sticky) matches at `at`, or ''. */
function matchAt(pattern: RegExp, html: string, at: number): string {
  pattern.lastIndex = at
  return pattern.exec(html)?.[0] ?? ''
}

function readStartTag(html: string, open: number) {
  let at = open + 1
  const name = matchAt(TAG_NAME, html, at)
  at += name.length
  const attributes: Attribute[] = []
  let isSelfClosing = false
  while (at < html.length) {
    const char = html[at] ?? ''
    if (char === '>') return { name, attributes, isSelfClosing, end: at + 1 }
    if (/\s/.test(char) || char === '/') {
      isSelfClosing = char === '/'
      at++
      continue
    }
    isSelfClosing = false
    const attributeName = matchAt(ATTRIBUTE_NAME, html, at) || char
    at += attributeName.length
    while (/\s/.test(html[at] ?? '')) at++
    if (html[at] !== '=') {
      attributes.push({ name: attributeName.toLowerCase(), value: null })
      continue
    }
    at++
    while (/\s/.test(html[at] ?? '')) at++
    const quote = html[at]
    let value: string
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, at + 1)
      const end = close === -1 ? html.length : close
      value = html.slice(at + 1, end)
      at = end + 1
    } else {
      value = matchAt(UNQUOTED_VALUE, html, at)
      at += value.length
    }
    attributes.push({ name: attributeName.toLowerCase(), value })
  }
  return { name, attributes, isSelfClosing, end: html.length }
}

function writeStartTag(name: string, attributes: readonly Attribute[], isSelfClosing: boolean): string {
  const written = attributes
    .map(({ name, value }) => (value === null ? ` ${name}` : ` ${name}="${value.replaceAll('"', '&quot;')}"`))
    .join('')
  return `<${name}${written}${isSelfClosing ? ' /' : ''}>`
}
