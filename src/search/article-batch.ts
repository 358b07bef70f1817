import type { ArticleRow, Store } from '../store/index.ts'

/** A batch of articles as the index needs them: their rows and the columns each is quoted into. */
export interface ArticleBatch {
  readonly rows: readonly ArticleRow[]
  /** For each article (by id), the columns it is quoted into (引用). */
  readonly quotedIn: Readonly<Record<number, readonly number[]>>
}

/** Reads a batch of articles for indexing: by the writer, or by a builder thread on SQLite. */
export async function readArticleBatch(store: Store, ids: readonly number[]): Promise<ArticleBatch> {
  const rows = await store.db.selectFrom('articles').selectAll().where('id', 'in', ids).execute()
  const quotes = await store.db
    .selectFrom('article_columns')
    .select(['article_id', 'column_id'])
    .where('article_id', 'in', ids)
    .execute()
  const quotedIn: Record<number, number[]> = {}
  for (const quote of quotes) {
    const columns = quotedIn[quote.article_id] ?? []
    columns.push(quote.column_id)
    quotedIn[quote.article_id] = columns
  }
  return { rows, quotedIn }
}
