/**
 * The structural limits of an article or page body, checked before any parsing: how many
 * elements it may hold and how deep it may nest. Both are far beyond any real document, and
 * past them the work of cleaning a body, and of every page that shows it, is no longer small.
 */
import { ValidationError } from '../errors/index.ts'

// A long government report pasted from Word (a 300-page 工作报告, a statistical yearbook
// chapter of tables) comes to 20,000–40,000 elements: Word wraps each paragraph and each table
// cell in a few spans. Its markup runs at 50 bytes an element or more, so the 5 MB cap on a
// body holds about 100,000 such elements; a body with more is machine-made, not pasted.
export const MAX_BODY_ELEMENTS = 100_000

// parse5's time grows with the square of the nesting depth (50,000 nested <div>s, 250 KB, took
// 14 s), so a body nested far deeper than any document could tie up a server. The scan below
// estimates the depth first, cheaply; elements whose end tag may be left out, and void
// elements, do not count, so a legacy page full of unclosed <p> and <li> is not mistaken for a
// deep one. The estimate can be fooled (the parser ignores an end tag with nothing open to
// close, so `<div></span>` nests), and parseBodyFragment stops at the same depth for real.
export const MAX_BODY_DEPTH = 4096

const NOT_NESTING = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr ' +
    'p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption html head body'
  ).split(' '),
)

/** A body past one of the limits: refused as a VALIDATION_FAILED on its field. */
export class BodyLimitError extends ValidationError {
  readonly limit: 'elements' | 'depth'
  constructor(field: string, limit: 'elements' | 'depth') {
    if (limit === 'elements') {
      super(
        field,
        `正文元素过多（超过 ${MAX_BODY_ELEMENTS} 个），请拆分为多篇或检查粘贴的内容`,
        `the body has more than ${MAX_BODY_ELEMENTS} elements; split it up or check the pasted content`,
      )
    } else {
      super(
        field,
        `正文标签嵌套过深（超过 ${MAX_BODY_DEPTH} 层），请检查粘贴的内容`,
        `the body nests elements more than ${MAX_BODY_DEPTH} deep; check the pasted content`,
      )
    }
    this.limit = limit
  }
}

/**
 * Throws a BodyLimitError if the markup has more start tags than MAX_BODY_ELEMENTS, or nests
 * deeper than MAX_BODY_DEPTH by its tags. It only counts, to refuse most such bodies before
 * any parsing; parseBodyFragment holds the parse itself to both limits. A tag is `<`, a name,
 * and everything up to the next `>`, as browsers read tags outside raw text. Text inside <script>
 * or a comment that looks like tags counts too, which can only make the estimate larger.
 * Each character is looked at a bounded number of times (a `<` with no `>` after it ends the
 * scan, since no tag can close past it), so the time is linear in the length.
 */
export function assertWithinBodyLimits(html: string, field: string): void {
  let elements = 0
  let depth = 0
  for (let open = html.indexOf('<'); open !== -1; ) {
    const isClosing = html.charCodeAt(open + 1) === SLASH
    const nameStart = open + (isClosing ? 2 : 1)
    let nameEnd = nameStart
    while (nameEnd < html.length && isNameCharacter(html.charCodeAt(nameEnd), nameEnd === nameStart))
      nameEnd++
    if (nameEnd === nameStart) {
      open = html.indexOf('<', open + 1)
      continue
    }
    const close = html.indexOf('>', nameEnd)
    if (close === -1) break
    if (!isClosing && ++elements > MAX_BODY_ELEMENTS) throw new BodyLimitError(field, 'elements')
    const isSelfClosing = html.charCodeAt(close - 1) === SLASH
    if (!isSelfClosing && !NOT_NESTING.has(html.slice(nameStart, nameEnd).toLowerCase())) {
      depth = isClosing ? Math.max(0, depth - 1) : depth + 1
      if (depth > MAX_BODY_DEPTH) throw new BodyLimitError(field, 'depth')
    }
    open = html.indexOf('<', close + 1)
  }
}

const SLASH = 0x2f

/** `[a-zA-Z][a-zA-Z0-9:-]*`, a character at a time. */
function isNameCharacter(code: number, isFirst: boolean): boolean {
  const isLetter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
  if (isFirst) return isLetter
  return isLetter || (code >= 0x30 && code <= 0x39) || code === 0x3a || code === 0x2d
}
