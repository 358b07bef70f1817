// The search index's writer thread (Store.writerThread): every write of the index on a SQLite
// file, and the merging of FTS5's segments between writes.
import { sql } from 'kysely'
import {
  countSearchChanges,
  openSqliteWriter,
  type Store,
  searchFileOf,
  type WriterTask,
} from '../store/index.ts'
import { type PackedDocuments, unpackDocuments } from './packed-documents.ts'
import { bulkLoadSettings, setCacheKiB, setFtsOption, sitesOf } from './search-index-writes.ts'
import { applySearchChanges, type SearchChanges } from './write-search-documents.ts'

export type SearchWriterInput =
  | { readonly op: 'change'; readonly changes: SearchChanges }
  | { readonly op: 'bulk'; readonly isOn: boolean }
  /**
   * Documents to write in one transaction, packed (and transferred) by the thread that made
   * them, in parts unpacked one after the other: the thread holds one part's objects at a time.
   */
  | { readonly op: 'packed'; readonly packs: readonly PackedDocuments[]; readonly now: string }

/**
 * How long the writer waits after a write before it merges: the writer does one thing at a
 * time, so a publish's write that comes while a merge step runs waits for the step (seconds on
 * a big site); publishes seldom come this close together unless many are under way, and then
 * FTS5's crisis merge keeps the segments bounded.
 */
const IDLE_BEFORE_MERGE_MS = 1_000
/** Leaf pages a merge step writes at least (it ends between two words). */
const MERGE_STEP_PAGES = 256
/**
 * The pause between two merge steps, longer than the longest wait of another connection
 * between its tries for the lock (100 ms, node-sqlite-dialect.ts): a writer of the index in
 * another process (`fabu publish` beside `fabu serve`) gets it between steps, where with no
 * pause it missed the gap for its whole busy timeout and failed.
 */
const MERGE_PAUSE_MS = 200
/**
 * How long the index's connection waits for the index's lock: in this thread, which holds up
 * nobody, as long as another process's merge step may take.
 */
const INDEX_BUSY_TIMEOUT_MS = 120_000
/**
 * The writer's page cache, in KiB. A merge step rereads the segments it merges: on 10,000
 * articles one took 110-125 ms with SQLite's default 2 MB, 7 ms with 64 MB.
 */
const WRITER_CACHE_KIB = 64 * 1024

/** The index file's connection (store/search-file.ts), opened by the first write. */
let index: Store | undefined
let isBulkLoad = false
let mergeTimer: NodeJS.Timeout | undefined
/** Writes so far: a merge step goes on to the next only if none came meanwhile. */
let writes = 0
/** Sites whose admin-list change number a committed write could not count yet: tried again. */
const uncounted = new Set<number>()

/**
 * FTS5 merges segments as part of each write (`automerge`) unless told not to: a step of it
 * rewrites whole lists of a word's documents and stops only between two words, so on a big
 * site one write in ten or twenty waited seconds for the merging of the common words' lists.
 * Here writes only add their segment, and the merging happens in steps while no write waits
 * (`merge`, which does what automerge would: levels of 4 segments or more). FTS5's crisis
 * merge still bounds the segments of a level to 16 when writes come without pause.
 */
export const write: WriterTask<SearchWriterInput, null> = async (store, input) => {
  clearTimeout(mergeTimer)
  writes++
  if (!index) {
    // The index in its own file, so that its lock, held while it merges, is not the database's.
    const opened = openSqliteWriter(searchFileOf(store.sqlitePath as string), {
      busyTimeoutMs: INDEX_BUSY_TIMEOUT_MS,
    })
    await setCacheKiB(opened, WRITER_CACHE_KIB)
    await setFtsOption(opened, 'automerge', 0)
    index = opened
  }
  const ofIndex = index
  if (input.op === 'bulk') {
    await bulkLoadSettings(ofIndex, input.isOn, { automerge: 0, cacheKiB: WRITER_CACHE_KIB })
    isBulkLoad = input.isOn
    // The planner's statistics of the index's tables, which a bulk load changed wholesale (as
    // Store.refreshStatistics does for the database's after a full publish).
    if (!input.isOn) await ofIndex.refreshStatistics()
  } else {
    const written = new Set<number>()
    await ofIndex.transaction(async (tx) => {
      const parts: readonly (() => SearchChanges)[] =
        input.op === 'change'
          ? [() => input.changes]
          : input.packs.map((packed) => () => ({
              removals: [],
              documents: unpackDocuments(packed),
              now: input.now,
            }))
      for (const part of parts) {
        const changes = part()
        await applySearchChanges(tx, 'sqlite', changes)
        for (const site of sitesOf(changes)) written.add(site)
      }
    })
    // The admin list's change number, in the database: written once the index has committed.
    // The write is done whatever happens to it (the next sync would find nothing stale to
    // write again): a number not counted now is counted with the next write.
    for (const site of written) uncounted.add(site)
    try {
      await countSearchChanges(store.db, uncounted)
      uncounted.clear()
    } catch {
      // The database's lock not had within its busy timeout: counted with the next write.
    }
  }
  if (!isBulkLoad) mergeTimer = setTimeout(() => void mergeStep(ofIndex), IDLE_BEFORE_MERGE_MS)
  return null
}

/** One step of merging, and the next after it while there is work: each its own transaction. */
async function mergeStep(store: Store): Promise<void> {
  const writesBefore = writes
  try {
    const before = await totalChanges(store)
    await sql`insert into search_fts (search_fts, rank) values ('merge', ${sql.lit(MERGE_STEP_PAGES)})`.execute(
      store.db,
    )
    // FTS5's own test of whether a merge did anything: fewer than two rows changed.
    const isMore = (await totalChanges(store)) - before >= 2
    if (isMore && writes === writesBefore)
      mergeTimer = setTimeout(() => void mergeStep(store), MERGE_PAUSE_MS)
  } catch {
    // The lock not had within the busy timeout (another process's writer of the index was
    // writing): the next write of the index starts the merging again.
  }
}

async function totalChanges(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(store.db)
  return Number(rows[0]?.n ?? 0)
}
