import { InvalidStateError } from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import type { Article } from './article.ts'

/** One step of the current review: who submitted, who approved at which level. */
export interface ReviewStep {
  readonly step: 'submit' | 'approve'
  readonly level: number
  readonly actorId: string
  readonly actor: string
  readonly at: string
}

/** The most review any of the article's columns asks for: quoting it elsewhere skips none. */
export async function reviewLevelsOf(tx: Tx, article: Article): Promise<number> {
  const columns = await tx
    .selectFrom('columns')
    .select('review_levels')
    .where('id', 'in', [article.columnId, ...article.alsoInColumnIds])
    .execute()
  return Math.max(0, ...columns.map((column) => column.review_levels))
}

/** Who has submitted and approved the article in the current round of review. */
export async function trailOf(tx: Tx, id: number): Promise<ReviewStep[]> {
  const row = await tx
    .selectFrom('articles')
    .select('review_trail')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return JSON.parse(row.review_trail)
}

/** One step for the trail: `actor` did `kind` at `level`, now. */
export function step(kind: ReviewStep['step'], level: number, actor: Actor, now: string): ReviewStep {
  return { step: kind, level, actorId: actor.id, actor: actor.name, at: now }
}

/** The level a submitted article waits for; refused unless it is in review. */
export function awaitedLevel(article: Article): number {
  if (article.status !== 'submitted') {
    throw new InvalidStateError({
      zh: `文章 ${article.id} 未在审核中`,
      en: `article ${article.id} is not waiting for review`,
    })
  }
  return article.reviewStage + 1
}
