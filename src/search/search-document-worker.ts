import { parentPort, workerData } from 'node:worker_threads'
import { openSqliteReader } from '../store/index.ts'
import { type ArticleBatch, readArticleBatch } from './article-batch.ts'
import type { PackedDocuments } from './packed-documents.ts'
import { articleDocument } from './search-document.ts'
import { packForWrites } from './search-index-writes.ts'

/**
 * The worker side of DocumentBuilders (document-builders.ts): a batch of articles a message,
 * given as rows, or on SQLite as ids the worker reads itself through a read-only connection of
 * its own, so the thread that writes the index neither reads the bodies nor copies them here.
 * The documents come back packed, to be handed on to the index's writer thread (packed-documents.ts).
 */
export type BuildRequest = ArticleBatch | { readonly ids: readonly number[] }

export type BuildAnswer =
  | { readonly ready: true }
  | { readonly packs: readonly PackedDocuments[] }
  | { readonly failed: string }

const { sqlitePath } = workerData as { readonly sqlitePath: string | undefined }
const reader = sqlitePath === undefined ? undefined : openSqliteReader(sqlitePath)

parentPort?.postMessage({ ready: true } satisfies BuildAnswer)

/**
 * Articles read, made into documents and packed at a time: a batch of 1,000 made at once held
 * its bodies, its documents and what making them left behind, some 70 MB of this thread's heap
 * at 10,000 articles; a pack of a part of the batch is written with the others in one
 * transaction all the same (search-writer-task.ts).
 */
const PART = 200

parentPort?.on('message', async (request: BuildRequest) => {
  let answer: BuildAnswer
  try {
    const packs: PackedDocuments[] = []
    const count = 'ids' in request ? request.ids.length : request.rows.length
    for (let at = 0; at < count; at += PART) {
      const batch =
        'ids' in request
          ? await readBatch(request.ids.slice(at, at + PART))
          : { rows: request.rows.slice(at, at + PART), quotedIn: request.quotedIn }
      packs.push(
        ...packForWrites(batch.rows.map((row) => articleDocument(row, batch.quotedIn[row.id] ?? []))),
      )
    }
    answer = { packs }
  } catch (error) {
    answer = { failed: String(error) }
  }
  parentPort?.postMessage(answer, 'packs' in answer ? answer.packs.map((packed) => packed.bytes) : [])
})

function readBatch(ids: readonly number[]): Promise<ArticleBatch> {
  if (!reader) throw new Error('asked for articles by id without a database to read them from')
  return readArticleBatch(reader, ids)
}
