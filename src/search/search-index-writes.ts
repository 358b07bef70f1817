import { sql } from 'kysely'
import { countSearchChanges, type Store } from '../store/index.ts'
import { type PackedDocuments, packDocuments, unpackDocuments } from './packed-documents.ts'
import type { SearchDocument } from './search-document.ts'
import type { SearchWriterInput } from './search-writer-task.ts'
import { applySearchChanges, type SearchChanges } from './write-search-documents.ts'

const WRITER_TASK = new URL('./search-writer-task.ts', import.meta.url)
/**
 * A write of the index that takes longer fails (its transaction rolled back; the publish run
 * that asked for it leaves its changes pending for the next). A bulk load's batch of a thousand
 * documents takes seconds, FTS5's crisis merge of a level of a big index a minute at most.
 */
const WRITE_DEADLINE_MS = 10 * 60_000

/**
 * Text one write hands the writer thread at most, in UTF-16 code units (64 MB): a batch of
 * long articles goes in several writes. The writer's heap (store/sqlite-readers.ts) is 512 MB.
 */
const MAX_WRITE_CHARS = 32 * 1024 * 1024

/**
 * The documents in order, cut into groups whose text adds up to `maxChars` at most; a document
 * longer than that alone is a group of its own. Always at least one group (maybe empty), so a
 * change of removals only is still made.
 */
export function inWriteSizedGroups(
  documents: readonly SearchDocument[],
  maxChars: number,
): readonly (readonly SearchDocument[])[] {
  const groups: SearchDocument[][] = [[]]
  let chars = 0
  for (const document of documents) {
    const size =
      document.bodyText.length +
      document.bodyTokens.length +
      document.titleTokens.length +
      document.soundTokens.length +
      document.scopeTokens.length +
      document.title.length
    const group = groups.at(-1) as SearchDocument[]
    if (group.length > 0 && chars + size > maxChars) {
      groups.push([document])
      chars = size
    } else {
      group.push(document)
      chars += size
    }
  }
  return groups
}

/**
 * Starts the index's writer thread ahead of a write (on a SQLite file; nothing elsewhere). A
 * thread takes a quarter of a second or so to load its modules, which on a small site was a
 * third of a whole publish when the sync at its end waited for it; a publish starts it as it
 * starts rendering.
 */
export function startSearchWriter(store: Store): void {
  store.writerThread<SearchWriterInput, null>(WRITER_TASK, WRITE_DEADLINE_MS)?.start()
}

/** Documents packed for the index's writer (packed-documents.ts), a write's worth each. */
export function packForWrites(documents: readonly SearchDocument[]): readonly PackedDocuments[] {
  return inWriteSizedGroups(documents, MAX_WRITE_CHARS).map(packDocuments)
}

/**
 * Writes documents packed by the thread that made them (packForWrites): handed to the writer
 * thread without a copy and written there in one transaction, or on PostgreSQL unpacked and
 * written on the store's connection, a pack a transaction.
 */
export async function writePackedDocuments(
  store: Store,
  packs: readonly PackedDocuments[],
  now: string,
): Promise<void> {
  const writer = store.writerThread<SearchWriterInput, null>(WRITER_TASK, WRITE_DEADLINE_MS)
  if (writer) {
    await writer.write(
      { op: 'packed', packs, now },
      packs.map((packed) => packed.bytes),
    )
    return
  }
  for (const packed of packs)
    await changeSearchIndex(store, { removals: [], documents: unpackDocuments(packed), now })
}

/** FTS5's own default: merge 4 segments of a level into one of the next, as writes come. */
const DEFAULT_AUTOMERGE = 4
/** The bulk load's settings, set on the connection that writes: see setSearchBulkLoad. */
const BULK_LOAD = {
  /**
   * FTS5's pending-token buffer during a bulk load (its default, 1 MB, is about 70 articles).
   * 16 MB and a 32 MB page cache built 100,000 articles as fast as 64 and 128 MB did (2,687
   * against 2,722 a second) with a peak RSS of 481 MB instead of 575: the first publish of a
   * big site ends with this build, and its peak is the publish's.
   */
  hashBytes: 16 * 1024 * 1024,
  defaultHashBytes: 1024 * 1024,
  /** SQLite's page cache during a bulk load, in KiB: FTS5's merges reread their segments. */
  cacheKiB: 32_768,
} as const

/**
 * Makes a change to the search index in one transaction (a batch of long documents in several,
 * see inWriteSizedGroups). On a SQLite file it is made by the
 * store's writer thread for the index (search-writer-task.ts), which also merges FTS5's
 * segments when it is idle: a merge step rewrites whole lists of a word's documents, seconds
 * for a common word on a big site, which on the store's connection held up every request of
 * the server. Elsewhere on the store's connection (PostgreSQL's writes do not hold up this
 * thread; a database in memory has no other connection).
 */
export async function changeSearchIndex(store: Store, changes: SearchChanges): Promise<void> {
  const writer = store.writerThread<SearchWriterInput, null>(WRITER_TASK, WRITE_DEADLINE_MS)
  if (writer) {
    // The writer's heap is capped: 200 articles of 5 MB each would not fit in one write. A
    // sync writes only what is stale, so one cut short is finished by the next.
    const groups = inWriteSizedGroups(changes.documents, MAX_WRITE_CHARS)
    for (const [i, documents] of groups.entries())
      await writer.write({
        op: 'change',
        changes: { removals: i === 0 ? changes.removals : [], documents, now: changes.now },
      })
    return
  }
  await store.transaction((tx) => applySearchChanges(tx, store.engine, changes))
  if (store.engine === 'sqlite') await countSearchChanges(store.db, sitesOf(changes))
}

/** The sites whose documents a change touches. */
export function sitesOf(changes: SearchChanges): number[] {
  return [
    ...changes.removals.filter((removal) => removal.refs.length > 0).map((removal) => removal.siteId),
    ...changes.documents.map((document) => document.siteId),
  ]
}

/**
 * FTS5 merges its segments as they are written (automerge, 4 at a time); a bulk load turns
 * that off and leaves FTS5's crisis merge (16 segments of a level at a time) to keep their
 * number bounded: each token is rewritten fewer times. Merging all into one at the end
 * (`optimize`) took minutes at 100,000 articles; the later merging does the rest step by step.
 * The setting is kept in the table: every bulk load ends by setting it back, even when it failed.
 * Nothing on PostgreSQL.
 */
export async function setSearchBulkLoad(store: Store, isOn: boolean): Promise<void> {
  if (store.engine !== 'sqlite') return
  const writer = store.writerThread<SearchWriterInput, null>(WRITER_TASK, WRITE_DEADLINE_MS)
  if (writer) {
    await writer.write({ op: 'bulk', isOn })
    return
  }
  await bulkLoadSettings(store, isOn, { automerge: DEFAULT_AUTOMERGE })
}

/**
 * Sets the bulk load's settings on the connection that writes the index, or, at its end,
 * `after`'s: FTS5's `automerge` (kept in the table), and the connection's page cache when it
 * is the index file's own (the writer thread's; a database in memory keeps SQLite's default).
 */
export async function bulkLoadSettings(
  store: Store,
  isOn: boolean,
  after: { readonly automerge: number; readonly cacheKiB?: number },
): Promise<void> {
  await setFtsOption(store, 'automerge', isOn ? 0 : after.automerge)
  await setFtsOption(store, 'hashsize', isOn ? BULK_LOAD.hashBytes : BULK_LOAD.defaultHashBytes)
  if (after.cacheKiB !== undefined) await setCacheKiB(store, isOn ? BULK_LOAD.cacheKiB : after.cacheKiB)
}

export async function setFtsOption(store: Store, option: string, value: number): Promise<void> {
  await sql`insert into search_fts (search_fts, rank) values (${sql.lit(option)}, ${sql.lit(value)})`.execute(
    store.db,
  )
}

/** The page cache of a connection to the index file (the writer thread's). */
export async function setCacheKiB(store: Store, kib: number): Promise<void> {
  await sql.raw(`pragma cache_size = ${-Math.round(kib)}`).execute(store.db)
}
