import { load } from 'cheerio/slim'

/** A link or image of a published page, as written in it. */
export interface PageLink {
  readonly element: 'a' | 'img'
  readonly href: string
}

/**
 * The links and images of a rendered page, each distinct one once, for the link check after the
 * run (checks/internal-links.ts). Read with cheerio's htmlparser2 build: it runs in the render
 * worker on every page written, where the full HTML parser would cost more than rendering.
 */
export function pageLinks(html: string): PageLink[] {
  const $ = load(html)
  const seen = new Set<string>()
  const links: PageLink[] = []
  const add = (element: 'a' | 'img', value: string | undefined) => {
    const href = value?.trim() ?? ''
    if (href === '' || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) return
    const key = `${element} ${href}`
    if (seen.has(key)) return
    seen.add(key)
    links.push({ element, href })
  }
  $('a[href]').each((_index, node) => add('a', $(node).attr('href')))
  $('img[src]').each((_index, node) => add('img', $(node).attr('src')))
  return links
}
