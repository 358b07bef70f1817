import { html } from 'parse5'
import { adapter } from 'parse5-htmlparser2-tree-adapter'
import { parseBodyFragment, serializeBodyFragment } from '../content/index.ts'
import { webAddress } from './web-address.ts'

/**
 * The adopted copy's body with a closing line that names where it came from and links to the
 * original (来源：某县人民政府网站), built as a tree so no markup is pieced together from text.
 */
export function withSourceLine(bodyHtml: string, siteName: string, url: string | null): string {
  const fragment = parseBodyFragment(bodyHtml)
  const line = adapter.createElement('p', html.NS.HTML, [])
  adapter.insertText(line, '来源：')
  // The address may have been stored before base addresses were checked: link only to the web.
  const href = url === null ? null : webAddress(url)
  if (href === null) {
    adapter.insertText(line, siteName)
  } else {
    const link = adapter.createElement('a', html.NS.HTML, [{ name: 'href', value: href }])
    adapter.insertText(link, siteName)
    adapter.appendChild(line, link)
  }
  adapter.appendChild(fragment, line)
  return serializeBodyFragment(fragment)
}
