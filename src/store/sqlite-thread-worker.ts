import { parentPort, workerData } from 'node:worker_threads'
import { type BilingualMessage, isFabuError } from '../errors/index.ts'
import { openSqliteReader, openSqliteWriter } from './open-store.ts'
import type { ReaderTask, WriterTask } from './sqlite-readers.ts'

/** What a worker of SqliteReaders or SqliteWriter (sqlite-readers.ts) is started with. */
export interface ThreadSetup {
  readonly sqlitePath: string
  /** The URL of the task module, whose `read` (or `write`, for a writer) answers each message. */
  readonly task: string
  /** A writer: a writable connection, and the module's `write`. */
  readonly writes: boolean
}

/** A FabuError's code, status, messages and own fields, or any other failure as text. */
export type ReaderFailure =
  | string
  | {
      readonly name: string
      readonly code: string
      readonly status: number
      readonly messages: BilingualMessage
      readonly fields: Readonly<Record<string, unknown>>
    }

export type ThreadAnswer =
  | { readonly ready: true }
  | { readonly value: unknown }
  | { readonly failed: ReaderFailure }

/** Each reader's page cache: filled as it reads, so a quiet server keeps little of it. */
const READER_CACHE_KIB = 32 * 1024

const setup = workerData as ThreadSetup
// A reader's task reads; a read-only connection cannot take the writer's lock.
// A reader answers the same few lists of a big index again and again (a common word's, a
// site's): with SQLite's default 2 MB cache it read them from the file each time, and a
// search excluding a word found in every article took 15-25 % longer than with 32 MB.
// A writer's task sets its connection's cache itself.
const store = setup.writes
  ? openSqliteWriter(setup.sqlitePath)
  : openSqliteReader(setup.sqlitePath, { cacheKiB: READER_CACHE_KIB })
const task = (await import(setup.task)) as {
  read?: ReaderTask<unknown, unknown>
  write?: WriterTask<unknown, unknown>
}
const work = setup.writes ? task.write : task.read
if (!work) throw new Error(`${setup.task} exports no ${setup.writes ? 'write' : 'read'}`)

parentPort?.postMessage({ ready: true } satisfies ThreadAnswer)

parentPort?.on('message', async (input: unknown) => {
  let answer: ThreadAnswer
  try {
    answer = { value: await work(store, input) }
  } catch (error) {
    answer = { failed: failureOf(error) }
  }
  parentPort?.postMessage(answer)
})

function failureOf(error: unknown): ReaderFailure {
  if (!isFabuError(error)) return String(error)
  const { name, code, status, messages } = error
  // Plain fields only (a NOT_FOUND's entity and ref, a retry delay): they cross as they are.
  const fields = Object.fromEntries(
    Object.entries(error).filter(
      ([key, value]) => key !== 'messages' && (typeof value !== 'object' || value === null),
    ),
  )
  return { name, code, status, messages, fields }
}
