import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../errors/index.ts'
import { checkTemplate } from './check-template.ts'

function refusal(source: string): ValidationError {
  try {
    checkTemplate(source)
  } catch (error) {
    if (error instanceof ValidationError) return error
    throw error
  }
  throw new Error('the template was accepted')
}

describe('a template with a syntax error', () => {
  it('is refused with the line and column of the error, in both languages', () => {
    const error = refusal('<main>\n  {% bad %}\n</main>')
    expect(error.messages.zh).toBe('source：未知标签 {% bad %}（第 2 行第 3 列）')
    expect(error.messages.en).toBe('source: unknown tag {% bad %} (line 2, col 3)')
  })

  it('says in Chinese which tag is left open, and where', () => {
    const error = refusal('<main>\n\n{% if article.title %}\n<h1>标题</h1>\n</main>')
    expect(error.messages.zh).toContain('标签 {% if article.title %} 未闭合（第 3 行第 1 列）')
    expect(error.messages.en).toContain('tag {% if article.title %} is not closed (line 3, col 1)')
  })

  it('names a stray end tag and an unclosed output in Chinese', () => {
    expect(refusal('{% endfor %}').messages.zh).toContain('多余的结束标签 {% endfor %}')
    expect(refusal('<p>{{ article.title</p>').messages.zh).toContain('未闭合（缺少 }}）')
  })

  it('gets a short message even when the unclosed tag is most of a 200 KB template', () => {
    const error = refusal(`{% if a${' '.repeat(199_000)}x %}`)
    expect(error.messages.en).toMatch(/^source: tag \{% if a +… \(line 1, col 1\)$/)
    expect(error.messages.en.length).toBeLessThan(300)
  })
})
