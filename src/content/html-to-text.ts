import { Parser } from 'htmlparser2'
import { type BodyNode, isElement, parseBodyFragment } from '../markup/index.ts'

const BLOCKS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li tr blockquote pre table ul ol figure figcaption hr'.split(' '),
)

/**
 * The readable text of a body, one line per paragraph, table row or list item. One walk over
 * the tree in document order, without recursion (a body may nest hundreds deep): cheerio's
 * selectors and node moves, used here before, took time in the square of the siblings
 * (20,000 paragraphs: 17 s), and a revision diff runs on the thread that answers requests.
 */
export function htmlToText(html: string): string {
  let text = ''
  // Nodes still to read, last first; a string is what to write once an element's content is read.
  const pending: (BodyNode | string)[] = [...parseBodyFragment(html).children].reverse()
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next === 'string') text += next
    else if (next.nodeType === 3) text += next.data
    else if (isElement(next) && next.name === 'br') text += '\n'
    else if ('children' in next) {
      if (isElement(next)) {
        const after = BLOCKS.has(next.name) ? '\n' : next.name === 'td' || next.name === 'th' ? '\t' : ''
        if (after) pending.push(after)
      }
      for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i] as BodyNode)
    }
  }
  return tidyLines(text)
}

/**
 * The same text as `htmlToText`, for a body fabu stored: markup parse5 serialized after the
 * sanitizer, so its tags are balanced and need no repair. A streaming tokenizer reads it without
 * building a tree, several times faster, which counts where every published article is read
 * (the site search's index). A property test holds the two to the same text.
 */
export function storedBodyText(html: string): string {
  let text = ''
  const parser = new Parser(
    {
      ontext(data) {
        text += data
      },
      onopentag(name) {
        if (name === 'br') text += '\n'
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) text += '\n'
        else if (name === 'td' || name === 'th') text += '\t'
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  return tidyLines(text)
}

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
}
