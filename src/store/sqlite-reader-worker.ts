import { parentPort, workerData } from 'node:worker_threads'
import { type BilingualMessage, isFabuError } from '../errors/index.ts'
import { openSqliteReader } from './open-store.ts'
import type { ReaderTask } from './sqlite-readers.ts'

/** What a worker of SqliteReaders (sqlite-readers.ts) is started with. */
export interface ReaderSetup {
  readonly sqlitePath: string
  /** The URL of the task module, whose `read` answers each message. */
  readonly task: string
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

export type ReaderAnswer =
  | { readonly ready: true }
  | { readonly value: unknown }
  | { readonly failed: ReaderFailure }

/** Each reader's page cache: filled as it reads, so a quiet server keeps little of it. */
const READER_CACHE_KIB = 32 * 1024

const setup = workerData as ReaderSetup
// The task reads; nothing here writes, and a read-only connection cannot take the writer's lock.
// A reader answers the same few lists of a big index again and again (a common word's, a
// site's): with SQLite's default 2 MB cache it read them from the file each time, and a
// search excluding a word found in every article took 15-25 % longer than with 32 MB.
const store = openSqliteReader(setup.sqlitePath, { cacheKiB: READER_CACHE_KIB })
const { read } = (await import(setup.task)) as { read: ReaderTask<unknown, unknown> }

parentPort?.postMessage({ ready: true } satisfies ReaderAnswer)

parentPort?.on('message', async (input: unknown) => {
  let answer: ReaderAnswer
  try {
    answer = { value: await read(store, input) }
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
