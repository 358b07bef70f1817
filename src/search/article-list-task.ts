import { type ArticleQuery, listArticlesOf } from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { articleTextIndex } from './article-text-index.ts'

/** The admin's article list in a reader thread of ArticleListReaders (article-list-readers.ts). */
export async function read(store: Store, query: ArticleQuery) {
  return listArticlesOf(store, query, articleTextIndex(store))
}
