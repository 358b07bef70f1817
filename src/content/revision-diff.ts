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
  const body = diffWords(htmlToText(from.snapshot.bodyHtml), htmlToText(to.snapshot.bodyHtml), {
    intlSegmenter: segmenter,
  }).map(
    (part): TextChange => ({
      kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
      text: part.value,
    }),
  )
  return { articleId, from: from.revision, to: to.revision, fields, body }
}
