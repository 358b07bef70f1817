import { defaultTreeAdapter, html, parse, serialize } from 'parse5'

type ParentNode = Parameters<typeof defaultTreeAdapter.appendChild>[0]
type ChildNode = Parameters<typeof defaultTreeAdapter.appendChild>[1]

/**
 * The page with `<base href>` first in its `<head>`, so that a preview served from the admin
 * origin loads the site's styles and images from where the site is published. The page is
 * read by the HTML standard's parser (parse5) and written once: the template that made it is
 * untrusted, and a text search for `<head>` could land in a comment or an attribute value.
 */
export function withBaseHref(page: string, href: string): string {
  const document = parse(page)
  const head = findHead(document)
  if (!head) return page
  const base = defaultTreeAdapter.createElement('base', html.NS.HTML, [{ name: 'href', value: href }])
  const first = defaultTreeAdapter.getChildNodes(head)[0]
  if (first) defaultTreeAdapter.insertBefore(head, base, first)
  else defaultTreeAdapter.appendChild(head, base)
  return serialize(document)
}

/** The parser always makes `<html>` with a `<head>` in it. */
function findHead(document: ParentNode): ParentNode | undefined {
  const root = defaultTreeAdapter
    .getChildNodes(document)
    .find((node: ChildNode) => defaultTreeAdapter.isElementNode(node) && node.tagName === 'html')
  if (!root || !defaultTreeAdapter.isElementNode(root)) return undefined
  const head = defaultTreeAdapter
    .getChildNodes(root)
    .find((node: ChildNode) => defaultTreeAdapter.isElementNode(node) && node.tagName === 'head')
  return head && defaultTreeAdapter.isElementNode(head) ? head : undefined
}
