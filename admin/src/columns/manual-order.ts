/** What the 排序 dialog needs to know of an article. */
export interface Dated {
  readonly id: number
  readonly publishAt: string | null
}

/** Newest first, as a column's newest page lists the articles no order names. */
export function byDate(a: Dated, b: Dated): number {
  const byTime = (b.publishAt ?? '').localeCompare(a.publishAt ?? '')
  return byTime !== 0 ? byTime : b.id - a.id
}

/**
 * The ids to save for an arrangement: the shortest head after which the rest already stands
 * newest first. Lists show the saved ones first and every other article after them by date,
 * so saving only the head shows the same arrangement and lets a new article come right after
 * the editor's choice instead of below all fifty.
 */
export function orderedHead(arranged: readonly Dated[]): number[] {
  let start = arranged.length
  while (start > 0) {
    const before = arranged[start - 1] as Dated
    const next = arranged[start]
    if (next && byDate(before, next) > 0) break
    start--
  }
  return arranged.slice(0, start).map((article) => article.id)
}

/** The dialog's starting arrangement: the saved order first, then the rest by date. */
export function arrangement<T extends Dated>(articles: readonly T[], savedIds: readonly number[]): T[] {
  const place = new Map(savedIds.map((id, index) => [id, index]))
  const saved = articles.filter((article) => place.has(article.id))
  saved.sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0))
  return [...saved, ...articles.filter((article) => !place.has(article.id)).sort(byDate)]
}
