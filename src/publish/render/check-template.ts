import { Liquid } from 'liquidjs'
import { ValidationError } from '../../errors/index.ts'
import { LIQUID_LIMITS } from './liquid-engine.ts'
import { liquidErrorWords } from './liquid-error-words.ts'

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
    const { what, line, col } = describeParseError(error)
    const { zh, en } = liquidErrorWords(what)
    if (line !== undefined) {
      throw new ValidationError(
        'source',
        `${zh}（第 ${line} 行第 ${col} 列）`,
        `${en} (line ${line}, col ${col})`,
      )
    }
    throw new ValidationError('source', zh, en)
  }
}

/** How much of LiquidJS's message is kept: it quotes the whole failing tag, which may be most of the template. */
const MAX_MESSAGE_CHARS = 200

/**
 * The message and the position of a LiquidJS parse error. The position comes from the error's
 * token, and the message is cut at its last `, line:`, by index: a regular expression over a
 * message quoting a 200 KB tag took a minute of the server's only thread.
 */
function describeParseError(error: unknown): { what: string; line?: number; col?: number } {
  const message = error instanceof Error ? error.message : String(error)
  const cut = message.lastIndexOf(', line:')
  const whole = (cut === -1 ? message : message.slice(0, cut)).trim()
  const what = whole.length > MAX_MESSAGE_CHARS ? `${whole.slice(0, MAX_MESSAGE_CHARS)}…` : whole
  const position = (error as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.()
  return position ? { what, line: position[0], col: position[1] } : { what }
}
