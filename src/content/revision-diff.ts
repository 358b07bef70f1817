import { diffWords } from 'diff'
import type { ArticleSnapshot } from './article.ts'
import { htmlToText } from './html-to-text.ts'

export interface FieldChange {
  readonly field: keyof ArticleSnapshot
  readonly before: unknown
  readonly after: unknown
}

export interface TextChange {
  readonly kind: 'same' | 'added' | 'removed'
  readonly text: string
}

export interface RevisionDiff {
  readonly articleId: number
  readonly from: number
  readonly to: number
  /** Every field that differs, the body included, with both values. */
  readonly fields: readonly FieldChange[]
  /** The body as text, word by word (Chinese words found by the platform's segmenter). */
  readonly body: readonly TextChange[]
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

export function diffSnapshots(
  articleId: number,
  from: { revision: number; snapshot: ArticleSnapshot },
  to: { revision: number; snapshot: ArticleSnapshot },
): RevisionDiff {
  const fields: FieldChange[] = []
  for (const field of Object.keys(to.snapshot) as (keyof ArticleSnapshot)[]) {
    const before = from.snapshot[field] ?? null
    const after = to.snapshot[field] ?? null
    if (JSON.stringify(before) !== JSON.stringify(after)) fields.push({ field, before, after })
  }
  const before = htmlToText(from.snapshot.bodyHtml)
  const after = htmlToText(to.snapshot.bodyHtml)
  const words = diffWords(before, after, { intlSegmenter: segmenter, timeout: WORD_DIFF_TIMEOUT_MS })
  const body = words
    ? words.map(
        (part): TextChange => ({
          kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
          text: part.value,
        }),
      )
    : [
        { kind: 'removed' as const, text: before },
        { kind: 'added' as const, text: after },
      ]
  return { articleId, from: from.revision, to: to.revision, fields, body }
}

// A word diff takes time in the length times the number of changes: two long bodies that differ
// throughout would take minutes, far past the RevisionDiffer's deadline (its worker would be
// stopped and the editor would get no diff at all). Past this the diff shows the whole body
// removed and the new one added, which still answers in time.
const WORD_DIFF_TIMEOUT_MS = 100
