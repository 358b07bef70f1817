import { ApiFailure } from '../api.ts'

/** A Liquid error the server found in the source, and where, when it says. */
export interface SourceError {
  readonly message: string
  readonly line: number | null
  readonly column: number | null
}

// "第 3 行第 5 列", "line 3, col 5", or LiquidJS's own "(article.liquid:3:5)".
const POSITIONS = [
  /第\s*(\d+)\s*行(?:\s*第\s*(\d+)\s*列)?/,
  /\bline\s+(\d+)(?:\s*,\s*col(?:umn)?\s+(\d+))?/i,
  /\.liquid:(\d+):(\d+)/,
]

/**
 * The failure as an error of the template's source, or null when it is about something else.
 * @example sourceError(new ApiFailure({ …, field: 'source', message: 'source: line 3, col 5: …' }))
 *   // → { message: 'line 3, col 5: …', line: 3, column: 5 }
 */
export function sourceError(error: unknown): SourceError | null {
  if (!(error instanceof ApiFailure) || error.field !== 'source') return null
  const message = error.message.replace(/^source\s*[：:]\s*/, '')
  for (const pattern of POSITIONS) {
    const found = pattern.exec(message)
    if (found) return { message, line: Number(found[1]), column: found[2] ? Number(found[2]) : null }
  }
  return { message, line: null, column: null }
}
