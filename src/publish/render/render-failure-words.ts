import { type LiquidErrorWords, liquidErrorWords } from './liquid-error-words.ts'

/** How much of a failure's message is read: LiquidJS may quote a whole failing tag. */
const MAX_MESSAGE_CHARS = 200

/**
 * A page's render failure (PageResult.error: LiquidJS's message with its `, file:…, line:…,
 * col:…` tail) in both languages, with the template and line it names, as a template save
 * says a syntax error. The tail is found by index, not by a regular expression over the
 * whole message (see check-template.ts).
 * @example renderFailureWords('undefined filter: upcse, file:article.liquid, line:3, col:3')
 * // → { zh: '未知过滤器 upcse（article.liquid 第 3 行第 3 列）', … }
 */
export function renderFailureWords(failure: string): LiquidErrorWords {
  const cut = failure.lastIndexOf(', file:')
  const head = (cut === -1 ? failure : failure.slice(0, cut)).trim()
  const what = head.length > MAX_MESSAGE_CHARS ? `${head.slice(0, MAX_MESSAGE_CHARS)}…` : head
  const { zh, en } = liquidErrorWords(what)
  const where = cut === -1 ? undefined : /^, file:(.+), line:(\d+), col:(\d+)$/.exec(failure.slice(cut))
  if (!where) return { zh, en }
  const [, file, line, col] = where
  return { zh: `${zh}（${file} 第 ${line} 行第 ${col} 列）`, en: `${en} (${file}, line ${line}, col ${col})` }
}
