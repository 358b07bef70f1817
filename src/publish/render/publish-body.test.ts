import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  foreignClasses,
  hostileBody,
  markupOfBody,
  textOfBody,
} from '../../../test/support/hostile-bodies.ts'
import { scriptHazards } from '../../../test/support/script-hazards.ts'
import { sanitizeBody } from '../../content/sanitize-body.ts'
import { publishBody } from './publish-body.ts'

describe('a Word body on a page without inline styles', () => {
  it('keeps alignment and the first-line indent as the theme’s classes', () => {
    expect(
      publishBody(
        '<p style="text-align:center"><strong>通知</strong></p><p style="text-indent:21pt">各单位：</p>',
      ),
    ).toBe('<p class="fabu-align-center"><strong>通知</strong></p><p class="fabu-indent">各单位：</p>')
  })

  it('keeps what carries meaning and drops fonts, colours, sizes and classes not fabu’s own', () => {
    expect(
      publishBody(
        '<span class="x" style="font-family:SimSun;color:#f00;font-weight:bold;text-decoration:underline">重</span>',
      ),
    ).toBe('<span class="fabu-bold fabu-underline">重</span>')
    expect(
      publishBody(
        '<table><tbody><tr><td colspan="2" style="width:120px;border:1px solid #000">项</td></tr></tbody></table>',
      ),
    ).toBe('<table><tbody><tr><td colspan="2">项</td></tr></tbody></table>')
  })

  it('leaves void elements and bodies without styles whole', () => {
    expect(publishBody('<img src="/uploads/a.png" style="text-align:right">')).toBe(
      '<img src="/uploads/a.png" class="fabu-align-right">',
    )
    const plain = '<p>没有样式的正文 style="text-align:center" 只是文字</p>'
    expect(publishBody(plain)).toBe(plain)
  })
})

describe('attribute values that look like markup', () => {
  it('stay inside their attribute when the element’s style becomes a class', () => {
    const image = sanitizeBody(
      '<img style="text-align:center" alt="x/><img src=x onerror=alert(document.domain)>" src="https://example.com/a.png">',
    )
    const link = sanitizeBody('<a style="font-weight:bold" title="x/><script>alert(1)</script>">链接</a>')
    for (const saved of [image, link]) {
      const published = publishBody(saved)
      expect(scriptHazards(published)).toEqual([])
      expect(markupOfBody(published)).toEqual(markupOfBody(saved))
    }
    expect(publishBody(image)).toBe(
      '<img alt="x/><img src=x onerror=alert(document.domain)>" src="https://example.com/a.png" class="fabu-align-center">',
    )
  })
})

describe('the last check before a body is published', () => {
  it('drops what the sanitizer’s policy does not allow, should a body reach it unsanitized', () => {
    const published = publishBody(
      '<p onclick="x()" style="text-align:center">a<script>x()</script></p><a href=" java&#9;script:x()">b</a>' +
        '<img src="data:text/html,x"><iframe srcdoc="x"></iframe><svg><a href="javascript:x()">c</a></svg><u class="evil">d</u>',
    )
    expect(scriptHazards(published)).toEqual([])
    expect(published).toBe('<p class="fabu-align-center">a</p><a>b</a><img><u>d</u>')
  })
})

describe('any body an editor may save', () => {
  it('publishes with no script, the same text, the same markup and only fabu’s classes', () => {
    fc.assert(
      fc.property(hostileBody, (body) => {
        const saved = sanitizeBody(body)
        const published = publishBody(saved)
        expect(scriptHazards(published)).toEqual([])
        expect(textOfBody(published)).toBe(textOfBody(saved))
        expect(markupOfBody(published)).toEqual(markupOfBody(saved))
        expect(foreignClasses(published)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })
})
