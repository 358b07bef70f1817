import { parentPort } from 'node:worker_threads'
import type { ArticleRow } from '../store/index.ts'
import { articleDocument, type SearchDocument } from './search-document.ts'

/** The worker side of DocumentBuilders (document-builders.ts): a batch of articles a message. */
export interface BuildRequest {
  readonly rows: readonly ArticleRow[]
  /** For each article (by id), the columns it is quoted into (引用). */
  readonly quotedIn: Readonly<Record<number, readonly number[]>>
}

export type BuildAnswer =
  | { readonly ready: true }
  | { readonly documents: readonly SearchDocument[] }
  | { readonly failed: string }

parentPort?.postMessage({ ready: true } satisfies BuildAnswer)

parentPort?.on('message', ({ rows, quotedIn }: BuildRequest) => {
  let answer: BuildAnswer
  try {
    answer = { documents: rows.map((row) => articleDocument(row, quotedIn[row.id] ?? [])) }
  } catch (error) {
    answer = { failed: String(error) }
  }
  parentPort?.postMessage(answer)
})
