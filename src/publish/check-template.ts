import { Liquid } from 'liquidjs'
import { ValidationError } from '../errors/index.ts'
import { LIQUID_LIMITS } from './liquid-engine.ts'

/** Templates are code edited in a browser: 200 KB is far more than any page template needs. */
export const MAX_TEMPLATE_BYTES = 200_000

/**
 * Parses a template as the renderer would, so a syntax error is refused at save with its line
 * and column instead of failing pages at the next publish.
 */
export function checkTemplate(source: string): void {
  if (Buffer.byteLength(source) > MAX_TEMPLATE_BYTES) {
    throw new ValidationError(
      'source',
      '模板过大（上限 200 KB）',
      'the template is too large (200 KB at most)',
    )
  }
  try {
    new Liquid({ ...LIQUID_LIMITS, strictFilters: false }).parse(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /line:(\d+), col:(\d+)/.exec(message)
    const what = message.replace(/,?\s*line:\d+, col:\d+.*$/s, '').trim()
    if (at) {
      throw new ValidationError(
        'source',
        `第 ${at[1]} 行第 ${at[2]} 列：${what}`,
        `line ${at[1]}, col ${at[2]}: ${what}`,
      )
    }
    throw new ValidationError('source', what, what)
  }
}
