import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { xssVectors } from '../../test/support/script-hazards.ts'
import { htmlToText, storedBodyText } from './html-to-text.ts'
import { sanitizeBody } from './sanitize-body.ts'

// Markup as editors and pasted Word documents make it, misnested and unclosed included: the
// sanitizer and parse5 turn it into what fabu stores, and both readers must see the same text.
const TAGS = [
  'p',
  'div',
  'span',
  'b',
  'i',
  'a',
  'table',
  'tr',
  'td',
  'th',
  'ul',
  'ol',
  'li',
  'pre',
  'h2',
  'blockquote',
  'font',
  'sub',
]
const piece = fc.oneof(
  fc.constantFrom(...TAGS).map((tag) => `<${tag}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
  fc.constantFrom(
    '<br>',
    '<hr>',
    '<img src="/a.png" alt="图">',
    '&nbsp;',
    '&amp;',
    '&lt;',
    '&#x4e2d;',
    '&copy',
    '\n',
    '\t',
    '  ',
    '<!-- 注释 -->',
  ),
  fc.string({
    unit: fc.constantFrom('计', '量', ' ', 'a', '1', '，', '<', '>', '&', '"', '\u00a0', '中'),
    maxLength: 12,
  }),
)
const markup = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''))

describe('the text of a stored body', () => {
  it('reads the same as the tree walk for any body the sanitizer stores', () => {
    fc.assert(
      fc.property(markup, (raw) => {
        const stored = sanitizeBody(raw)
        expect(storedBodyText(stored)).toBe(htmlToText(stored))
      }),
      { numRuns: 500 },
    )
  })

  it('reads the same for every public XSS vector once sanitized', () => {
    for (const vector of xssVectors) {
      const stored = sanitizeBody(vector.input)
      expect(storedBodyText(stored), vector.id).toBe(htmlToText(stored))
    }
  })

  it('keeps paragraphs, rows and cells apart and decodes entities', () => {
    const stored = sanitizeBody('<p>一&amp;二</p><table><tr><td>甲</td><td>乙</td></tr></table>三<br>四')
    expect(storedBodyText(stored)).toBe('一&二\n甲 乙\n三\n四')
  })
})
