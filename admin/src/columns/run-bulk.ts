import type { Article } from '../types.ts'

export interface BulkOutcome {
  readonly done: number
  /** Each article not done, with the server's reason. */
  readonly failures: readonly { readonly article: Article; readonly reason: string }[]
}

/**
 * Runs a step on each article in turn (one at a time: the server locks the site per change,
 * and a failure of one must not stop the others).
 */
export async function runBulk(
  articles: readonly Article[],
  step: (article: Article) => Promise<unknown>,
  reasonOf: (error: unknown) => string,
): Promise<BulkOutcome> {
  let done = 0
  const failures: { article: Article; reason: string }[] = []
  for (const article of articles) {
    try {
      await step(article)
      done += 1
    } catch (error) {
      failures.push({ article, reason: reasonOf(error) })
    }
  }
  return { done, failures }
}
