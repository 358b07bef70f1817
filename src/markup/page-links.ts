import { Parser } from 'htmlparser2'

/** A link or image of a published page, as written in it. */
export interface PageLink {
  readonly element: 'a' | 'img'
  readonly href: string
}

/**
 * The links and images of a rendered page, each distinct one once, for the link check after the
 * run (checks/internal-links.ts), and of an article body, for the check of its links off the
 * site (checks/link-reports.ts). It runs in the render process on every page written, so it
 * reads the page with htmlparser2's streaming parser and builds no tree. It reads script, style,
 * title and textarea as text, as a browser does, and decodes attribute values. parse5's
 * tokenizer, used before, gave the same links on the benchmark's pages at 2.4 times the cost
 * (175 against 72 µs a page, a sixth of a render process's time); page-links.test.ts checks
 * the links against a full parse5 parse.
 */
export function pageLinks(html: string): PageLink[] {
  const seen = new Set<string>()
  const links: PageLink[] = []
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const wanted = name === 'a' ? 'href' : name === 'img' ? 'src' : null
        if (wanted === null) return
        const href = attributes[wanted]?.trim() ?? ''
        if (href === '' || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) return
        const key = `${name} ${href}`
        if (seen.has(key)) return
        seen.add(key)
        links.push({ element: name === 'a' ? 'a' : 'img', href })
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return links
}
