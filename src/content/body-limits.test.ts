import { describe, expect, it } from 'vitest'
import { MAX_BODY_DEPTH, MAX_BODY_ELEMENTS } from '../markup/index.ts'
import { sanitizeBody } from './sanitize-body.ts'

describe('the structural limits of a body', () => {
  it('refuse more elements than any pasted document has, naming the field in both languages', () => {
    const crowded = '<p>x</p>'.repeat(MAX_BODY_ELEMENTS + 1)
    expect(() => sanitizeBody(crowded, { field: 'pageBodyHtml' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        field: 'pageBodyHtml',
        messages: {
          zh: `栏目页正文：正文元素过多（超过 ${MAX_BODY_ELEMENTS} 个），请拆分为多篇或检查粘贴的内容`,
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

  it('refuse nesting past the depth limit, counting only tags that nest', () => {
    const deep = '<span>'.repeat(MAX_BODY_DEPTH + 1)
    expect(() => sanitizeBody(deep)).toThrow(expect.objectContaining({ field: 'bodyHtml' }))
    const flat = `${'<p>段落<br/><img src="a.png"/>'.repeat(MAX_BODY_DEPTH + 1)}<ul>${'<li>项'.repeat(MAX_BODY_DEPTH + 1)}</ul>`
    expect(sanitizeBody(flat)).toContain('<li>项</li>')
  })

  it('refuse nesting built by end tags the browser ignores, at once and with the depth message', () => {
    // 240 KB that the tag count reads as flat; a browser ignores each </span> (no span is
    // open) and nests 20,000 <div>s, which took parse5 7 s before it was stopped at the limit.
    const misleading = '<div></span>'.repeat(20_000)
    const started = performance.now()
    expect(() => sanitizeBody(misleading, { field: 'pageBodyHtml' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        field: 'pageBodyHtml',
        messages: {
          zh: `栏目页正文：正文标签嵌套过深（超过 ${MAX_BODY_DEPTH} 层），请检查粘贴的内容`,
          en: `pageBodyHtml: the body nests elements more than ${MAX_BODY_DEPTH} deep; check the pasted content`,
        },
      }),
    )
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('refuse self-closed non-void tags nested past the limit, since a browser opens each one', () => {
    expect(() => sanitizeBody('<span/>'.repeat(MAX_BODY_DEPTH + 1))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'bodyHtml' }),
    )
    expect(sanitizeBody('<span/>x'.repeat(100))).toContain('x')
  })

  it('refuse nesting in <template> contents, which start a tree of their own but not a parse', () => {
    expect(() => sanitizeBody('<template/>'.repeat(MAX_BODY_DEPTH + 1))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'bodyHtml' }),
    )
  })

  it('read a body of unclosed tag openings as text, the way a browser shows it', () => {
    // Every `<a` without a `>` once sent the depth scan back to the end of the body.
    expect(sanitizeBody(`<p>${'<a'.repeat(200_000)}`)).toBe('<p></p>')
  })
})
