import { readFileSync } from 'node:fs'
import { type contains, load } from 'cheerio'

export interface XssVector {
  readonly id: string
  readonly input: string
  readonly source: string
  readonly title?: string
}

// The repository sits at X/main and the shared test data at X/shared, here and in CI.
export const xssVectors: readonly XssVector[] = JSON.parse(
  readFileSync(new URL('../../../shared/testdata/xss/vectors.json', import.meta.url), 'utf8'),
)

const NEVER_IN_OUTPUT = [
  ...['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form', 'frame', 'frameset'],
  ...['svg', 'math', 'input', 'button', 'select', 'textarea', 'template', 'noscript'],
]
// Elements that may hold no script whatever a page is: the theme has no use for them either.
const NEVER_IN_A_PAGE = ['iframe', 'object', 'embed', 'applet', 'base', 'frame', 'frameset', 'svg', 'math']
// Attributes whose value a browser loads, follows or submits to: a script URL there runs.
const NAVIGABLE_ATTRIBUTES = new Set([
  ...['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'codebase'],
  ...['cite', 'longdesc', 'lowsrc', 'dynsrc', 'ping', 'manifest', 'icon', 'profile', 'archive', 'classid'],
  ...['usemap', 'srcset', 'imagesrcset'],
])
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i
// CSS that runs script in some browser (IE's expression() and behaviors, old Firefox's XBL
// bindings) or loads a script URL or another stylesheet the check has not seen.
const CSS_HAZARDS = [
  'expression(',
  'behavior:',
  'behaviour:',
  '-moz-binding',
  'javascript:',
  'vbscript:',
  '@import',
]

/** How a browser reads a URL attribute: controls and spaces trimmed, tab, CR and LF removed. */
function asBrowserReadsUrl(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && (value[start] ?? '') <= ' ') start++
  while (end > start && (value[end - 1] ?? '') <= ' ') end--
  return value.slice(start, end).replace(/[\t\n\r]/g, '')
}

/** CSS as a browser tokenizes it: comments gone, escapes decoded, spaces gone, lower case. */
function asBrowserReadsCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => {
      const code = Number.parseInt(hex, 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
    })
    .replace(/\\(.)/gs, '$1')
    .replace(/[\s\0]+/g, '')
    .toLowerCase()
}

function cssHazards(css: string, where: string): string[] {
  const read = asBrowserReadsCss(css)
  return CSS_HAZARDS.filter((hazard) => read.includes(hazard)).map((hazard) => `${where}{${hazard}}`)
}

/** The URLs of a srcset: candidates split at commas, each URL up to its first space. */
function srcsetUrls(value: string): string[] {
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
}

/** The URL a `<meta http-equiv=refresh>` goes to, as browsers parse its content. */
function refreshUrl(content: string): string {
  const match = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.*)$/is.exec(content)
  const [, quote = '', rest = ''] = match ?? []
  return quote && rest.includes(quote) ? rest.slice(0, rest.indexOf(quote)) : rest
}

/** A node of the tree parse5 builds for cheerio, and its elements. */
type ParsedNode = Parameters<typeof contains>[0]
type Element = Extract<ParsedNode, { attribs: unknown }>

interface Rules {
  /** Where the theme's own scripts live (`/assets/`), for whole pages; none in a body. */
  readonly themeAssets?: string
}

function elementHazards(element: Element, rules: Rules): string[] {
  const hazards: string[] = []
  const tag = element.tagName
  if (!rules.themeAssets && NEVER_IN_OUTPUT.includes(tag)) hazards.push(`<${tag}>`)
  if (rules.themeAssets) hazards.push(...themeChromeHazards(element, rules.themeAssets))
  for (const [name, value] of Object.entries(element.attribs)) {
    if (name === 'srcdoc' || name.startsWith('on')) hazards.push(`${tag}[${name}]`)
    if (name === 'style') hazards.push(...cssHazards(value, `${tag}[style]`))
    if (!NAVIGABLE_ATTRIBUTES.has(name)) continue
    const urls = name === 'srcset' || name === 'imagesrcset' ? srcsetUrls(value) : [value]
    for (const url of urls.map(asBrowserReadsUrl)) {
      if (/^(?:javascript|vbscript):/i.test(url)) hazards.push(`${tag}[${name}=${value}]`)
      const isImage = tag === 'img' && name === 'src' && IMAGE_DATA_URL.test(url)
      if (/^data:/i.test(url) && !isImage) hazards.push(`${tag}[${name}=${value.slice(0, 40)}]`)
    }
  }
  if (tag === 'style') hazards.push(...cssHazards(textOf(element), '<style>'))
  return hazards
}

/**
 * The theme's own chrome, outside an article body, is legitimate: `<meta>` with a name or
 * charset, `<link>` to a stylesheet, icon, feed or canonical URL, `<script src>` loading one of
 * the theme's assets with nothing inline, the search form. Anything else of these kinds is
 * flagged: a script the theme did not write, a refresh or `<base>` that sends the page
 * elsewhere.
 */
function themeChromeHazards(element: Element, themeAssets: string): string[] {
  const tag = element.tagName
  const attribs = element.attribs
  if (NEVER_IN_A_PAGE.includes(tag)) return [`<${tag}>`]
  if (tag === 'script') {
    const src = asBrowserReadsUrl(attribs.src ?? '')
    const isThemeAsset = src.startsWith(themeAssets) && !src.slice(themeAssets.length).includes('..')
    return isThemeAsset && textOf(element).trim() === '' ? [] : [`<script${src ? ` src=${src}` : ''}>`]
  }
  if (tag === 'meta' && attribs['http-equiv'] !== undefined) {
    const equiv = attribs['http-equiv'].toLowerCase()
    const url = asBrowserReadsUrl(refreshUrl(attribs.content ?? ''))
    // Only the redirect pages refresh, and only to a path of the same site.
    const isSitePath = url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')
    return equiv === 'refresh' && isSitePath ? [] : [`meta[http-equiv=${equiv}] ${attribs.content ?? ''}`]
  }
  if (tag === 'link') {
    const rel = (attribs.rel ?? '').toLowerCase()
    return ['stylesheet', 'icon', 'canonical', 'alternate'].includes(rel) ? [] : [`link[rel=${rel}]`]
  }
  return []
}

/** The text right inside an element: all a <script> or <style> holds. */
function textOf(element: Element): string {
  return element.children.map((child) => (child.nodeType === 3 ? child.data : '')).join('')
}

function findHazards(html: string, rules: Rules): string[] {
  const hazards: string[] = []
  // A whole document, so that elements the parser moves into <head> are looked at too.
  const $ = load(html)
  $.root()
    .find('*')
    .each((_, element) => {
      const isInBody = rules.themeAssets !== undefined && $(element).closest('.article-body').length > 0
      const inside = isInBody ? {} : rules
      hazards.push(...elementHazards(element, inside))
    })
  return hazards
}

/**
 * What in the markup could run script, as its testdata README defines it, read by parse5 as a
 * browser reads it (entities decoded). Empty when the markup is safe.
 */
export function scriptHazards(html: string): string[] {
  return findHazards(html, {})
}

/**
 * What in a published page could run script. Inside `.article-body` the body rules of
 * `scriptHazards` hold; around it, the theme's own chrome (see `themeChromeHazards`) is allowed,
 * with its scripts loaded from `themeAssets` only, e.g. `/assets/`.
 */
export function pageScriptHazards(html: string, themeAssets: string): string[] {
  return findHazards(html, { themeAssets })
}

// XML 1.0's Char production: what may appear in a well-formed document at all.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u
const FEED_ELEMENTS = new Set(
  (
    'rss channel title link description language item guid pubDate feed id updated entry ' +
    'urlset url loc lastmod sitemapindex sitemap'
  ).split(' '),
)

// Atom's and the site map protocol's; an XHTML namespace would make an element markup that runs.
const FEED_NAMESPACES = ['http://www.w3.org/2005/Atom', 'http://www.sitemaps.org/schemas/sitemap/0.9']

/**
 * What makes a feed or site map unsafe or unreadable: characters XML forbids, references that
 * are not XML's five entities or a character reference, and any element, attribute,
 * declaration or processing instruction outside the RSS, Atom and site-map vocabulary (raw
 * markup from a title would show up as such an element).
 */
export function feedHazards(xml: string): string[] {
  const hazards: string[] = []
  const bad = NOT_XML_CHAR.exec(xml)
  if (bad) hazards.push(`character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`)
  for (const match of xml.matchAll(/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/gi)) {
    hazards.push(`bare & at ${match.index}: ${xml.slice(match.index, match.index + 20)}`)
  }
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'
  if (!xml.startsWith(prolog)) hazards.push('no XML declaration')
  if (/<!|<\?/.test(xml.slice(prolog.length))) hazards.push('declaration, CDATA or processing instruction')
  const $ = load(xml.slice(prolog.length), { xml: true })
  $.root()
    .find('*')
    .each((_, element) => {
      if (!FEED_ELEMENTS.has(element.tagName)) hazards.push(`<${element.tagName}>`)
      for (const [name, value] of Object.entries(element.attribs)) {
        const isKnown =
          name === 'xmlns' ? FEED_NAMESPACES.includes(value) : ['version', 'href'].includes(name)
        if (!isKnown) hazards.push(`${element.tagName}[${name}]`)
      }
    })
  return hazards
}
