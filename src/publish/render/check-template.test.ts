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
    expect(error.messages.zh).toContain('第 2 行第 3 列')
    expect(error.messages.en).toContain('line 2, col 3: tag "bad" not found')
  })

  it('gets a short message even when the unclosed tag is most of a 200 KB template', () => {
    const error = refusal(`{% if a${' '.repeat(199_000)}x %}`)
    expect(error.messages.en).toMatch(/^source: line 1, col 1: tag \{% if a +…$/)
    expect(error.messages.en.length).toBeLessThan(300)
  })
})
