import { readFileSync } from 'node:fs'
import { load } from 'cheerio'

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
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i

/** How a browser reads a URL attribute: controls and spaces trimmed, tab, CR and LF removed. */
function asBrowserReadsUrl(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && (value[start] ?? '') <= ' ') start++
  while (end > start && (value[end - 1] ?? '') <= ' ') end--
  return value.slice(start, end).replace(/[\t\n\r]/g, '')
}

/**
 * What in the markup could run script, as its testdata README defines it, read by parse5 as a
 * browser reads it (entities decoded). Empty when the markup is safe.
 */
export function scriptHazards(html: string): string[] {
  const hazards: string[] = []
  // A whole document, so that elements the parser moves into <head> are looked at too.
  const $ = load(html)
  $.root()
    .find('*')
    .each((_, element) => {
      const tag = element.tagName
      if (NEVER_IN_OUTPUT.includes(tag)) hazards.push(`<${tag}>`)
      for (const [name, value] of Object.entries(element.attribs)) {
        if (name === 'srcdoc' || name.startsWith('on')) hazards.push(`${tag}[${name}]`)
        const url = asBrowserReadsUrl(value)
        if (/^(?:javascript|vbscript):/i.test(url)) hazards.push(`${tag}[${name}=${value}]`)
        const isImage = tag === 'img' && name === 'src' && IMAGE_DATA_URL.test(url)
        if (/^data:/i.test(url) && !isImage) hazards.push(`${tag}[${name}=${value.slice(0, 40)}]`)
      }
    })
  return hazards
}
