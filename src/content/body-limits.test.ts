import { describe, expect, it } from 'vitest'
import { MAX_BODY_ELEMENTS, MAX_ESTIMATED_DEPTH } from './body-limits.ts'
import { sanitizeBody } from './sanitize-body.ts'

describe('the structural limits of a body', () => {
  it('refuse more elements than any pasted document has, naming the field in both languages', () => {
    const crowded = '<p>x</p>'.repeat(MAX_BODY_ELEMENTS + 1)
    expect(() => sanitizeBody(crowded, { field: 'pageBodyHtml' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        field: 'pageBodyHtml',
        messages: {
          zh: `pageBodyHtml：正文元素过多（超过 ${MAX_BODY_ELEMENTS} 个），请拆分为多篇或检查粘贴的内容`,
          en: `pageBodyHtml: the body has more than ${MAX_BODY_ELEMENTS} elements; split it up or check the pasted content`,
        },
      }),
    )
  })

  it('accept a body of many sibling paragraphs below the limit, keeping every one', () => {
    const paragraphs = '<p>x</p>'.repeat(5_000)
    expect(sanitizeBody(paragraphs)).toBe(paragraphs)
  })

  it('refuse markup the parser would multiply past the limit (formatting reopened in every paragraph)', () => {
    const opened = Array.from({ length: 300 }, (_, i) => `<b class="c${i}">`).join('')
    const body = `<div>${opened}</div>${'<p>x</p>'.repeat(500)}`
    expect(body.match(/<[a-z]/g)?.length).toBeLessThan(MAX_BODY_ELEMENTS)
    expect(() => sanitizeBody(body)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'bodyHtml' }),
    )
  })

  it('refuse nesting past the estimated depth, counting only tags that nest', () => {
    const deep = '<span>'.repeat(MAX_ESTIMATED_DEPTH + 1)
    expect(() => sanitizeBody(deep)).toThrow(expect.objectContaining({ field: 'bodyHtml' }))
    expect(() => sanitizeBody('<span/>'.repeat(MAX_ESTIMATED_DEPTH + 1))).not.toThrow()
  })

  it('read a body of unclosed tag openings as text, the way a browser shows it', () => {
    // Every `<a` without a `>` once sent the depth scan back to the end of the body.
    expect(sanitizeBody(`<p>${'<a'.repeat(200_000)}`)).toBe('<p></p>')
  })
})
