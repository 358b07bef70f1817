/**
 * Reads a body as a browser reads the inside of a `<div>`, with parse5 (the HTML standard's
 * parser) building the tree cheerio uses, and writes such a tree back as markup.
 */
import { html, Parser, serialize } from 'parse5'
import { adapter, type Htmlparser2TreeAdapterMap } from 'parse5-htmlparser2-tree-adapter'
import { BodyLimitError, MAX_BODY_DEPTH, MAX_BODY_ELEMENTS } from './body-limits.ts'

type TreeMap = Htmlparser2TreeAdapterMap
export type BodyNode = TreeMap['childNode']
export type BodyParent = TreeMap['parentNode']
export type BodyElement = TreeMap['element']
export type BodyFragment = TreeMap['documentFragment']

// parse5 moves a node's children one at a time, and its tree adapter removes each from its
// parent with indexOf and splice, which takes time in the square of their number. It does so
// for every top-level node of a fragment once parsing ends (60,000 sibling paragraphs took
// 30 s, most of it here), and for a block's content when misnested formatting tags are
// repaired (`<b><div>…</b>`). Handing the whole array over at once is linear.
class LinearParser extends Parser<TreeMap> {
  override _adoptNodes(donor: BodyParent, recipient: BodyParent): void {
    const moved = donor.children
    donor.children = []
    let previous = recipient.children.at(-1) ?? null
    for (const child of moved) {
      child.parent = recipient
      child.prev = previous
      if (previous) previous.next = child
      recipient.children.push(child)
      previous = child
    }
    if (previous) previous.next = null
  }
}

/**
 * Parses the markup in the context of a `<div>` in a standards-mode page, scripting on (so
 * `<noscript>` holds text), as cheerio's `.html(markup)` on a `<div>` does. Given the `field`
 * the markup came in, it is stopped with a BodyLimitError naming that field once the tree it
 * builds passes a structural limit. The scan before parsing only estimates them: the parser may
 * create many more elements than the markup has tags (misnested formatting tags are reopened in
 * every paragraph that follows them), and nest deeper than the tags suggest (it ignores an end
 * tag with nothing open to close, so `<div></span>` nests; it opens a self-closed `<span/>`).
 */
export function parseBodyFragment(markup: string, field?: string): BodyFragment {
  let created = 0
  // How deep each element sits below the fragment, set where the parser places it: its
  // parent's depth plus one (the stand-in <html> the fragment is built in is not in the map,
  // 0), or its place on the parser's stack of open elements if that is deeper. The stack is
  // what the parser's time grows with, and it goes on growing where the tree starts again
  // (the content of a <template>); the tree is what every later step walks.
  const depths = new WeakMap<BodyNode | BodyParent, number>()
  let openElements: { readonly stackTop: number } | undefined
  function place(parent: BodyParent, node: BodyNode): void {
    if (field === undefined || openElements === undefined || !isElement(node)) return
    const depth = Math.max((depths.get(parent) ?? 0) + 1, openElements.stackTop + 1)
    if (depth > MAX_BODY_DEPTH) throw new BodyLimitError(field, 'depth')
    depths.set(node, depth)
  }
  const countingAdapter: typeof adapter = {
    ...adapter,
    createElement(tagName, namespace, attributes) {
      if (++created > MAX_BODY_ELEMENTS && field !== undefined) throw new BodyLimitError(field, 'elements')
      return adapter.createElement(tagName, namespace, attributes)
    },
    appendChild(parent, node) {
      place(parent, node)
      adapter.appendChild(parent, node)
    },
    insertBefore(parent, node, reference) {
      place(parent, node)
      adapter.insertBefore(parent, node, reference)
    },
  }
  const context = adapter.createElement('div', html.NS.HTML, [])
  const parser = LinearParser.getFragmentParser(context, {
    treeAdapter: countingAdapter,
    scriptingEnabled: true,
  })
  // The two elements the parser made for itself (a stand-in document and <html>) do not count.
  created = 0
  openElements = parser.openElements
  parser.tokenizer.write(markup, true)
  return parser.getFragment()
}

export function isElement(node: BodyNode): node is BodyElement {
  return adapter.isElementNode(node)
}

export function appendText(parent: BodyParent, text: string): void {
  adapter.insertText(parent, text)
}

/** The markup of the fragment's content. */
export function serializeBodyFragment(fragment: BodyFragment): string {
  return serialize(fragment, { treeAdapter: adapter })
}
