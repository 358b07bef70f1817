import { sql } from 'kysely'
import type { Store } from '../store/index.ts'
import { collectGarbage } from '../threads/index.ts'
import { readArticleBatch } from './article-batch.ts'
import { DocumentBuilders } from './document-builders.ts'
import type { PackedDocuments } from './packed-documents.ts'
import { articleDocument, pageDocument, type SearchDocument } from './search-document.ts'
import { changeSearchIndex, setSearchBulkLoad, writePackedDocuments } from './search-index-writes.ts'

/** Which of a site's articles to bring in step: the ones a publish run changed, or all. */
export type SyncScope = { readonly articleIds: readonly number[] } | 'all'

export interface SyncReport {
  readonly indexed: number
  readonly removed: number
}

/** Documents indexed in one transaction: a rebuild of 100,000 commits every few hundred. */
const BATCH = 200
/** A sync of this many articles is a bulk load: documents made in worker threads, FTS5 merged at the end. */
const BULK_FROM = 2_000
/** On PostgreSQL, a sync that changed this many documents refreshes the planner's statistics. */
const ANALYZE_FROM = 500
/** Batches read and in the making at once, beside the one being written, without builders. */
const IN_THE_MAKING = 3
/** A bulk load's batches: FTS5 writes a segment at each commit, so fewer and bigger. */
const BULK_BATCH = 1_000

/**
 * Brings a site's search documents in step with what is live on it: a live article whose row
 * differs from its document (revision, URL, column, publish time) is indexed again, a document
 * whose article is no longer live (withdrawn, deleted, back to draft) goes. Single pages are
 * compared on every full sync; there are few.
 */
export async function syncSearchIndex(
  store: Store,
  siteId: number,
  scope: SyncScope,
  onProgress?: (done: number, total: number) => void,
): Promise<SyncReport> {
  const ids = scope === 'all' ? null : [...new Set(scope.articleIds)]
  if (ids?.length === 0) return { indexed: 0, removed: 0 }
  const { stale, gone } = await staleArticles(store, siteId, ids)
  const now = new Date().toISOString()
  const isBulk = stale.length >= BULK_FROM
  if (isBulk) {
    // The build's threads are about to add their heaps: this thread's garbage goes first, and
    // the memory back to the system. A full publish's pages left a heap V8 had sized for them
    // (235 MB at 100,000 articles, 63 MB of it live), the comparison above some 55 MB more, and
    // the build allocates too little here for V8 to collect it soon: collected, the publish's
    // peak RSS at 100,000 fell from 538-544 MB to 413-438. It takes about 130 ms of this
    // thread, once a bulk build (a server's full publish of such a site: minutes).
    collectGarbage({ releasesMemory: true })
  }
  const builders = isBulk ? new DocumentBuilders(store.sqlitePath) : undefined
  const isBulkLoad = isBulk && store.engine === 'sqlite'
  if (isBulkLoad) await setSearchBulkLoad(store, true)
  try {
    const batches: number[][] = []
    const size = isBulkLoad ? BULK_BATCH : BATCH
    for (let i = 0; i < stale.length; i += size) batches.push(stale.slice(i, i + size))
    /** A batch's documents, packed when worker threads made them (written as they are). */
    type Made =
      | { readonly packs: readonly PackedDocuments[] }
      | { readonly documents: readonly SearchDocument[] }
    const make = async (batchIds: readonly number[]): Promise<Made> => {
      if (builders?.readsArticles) return { packs: await builders.buildByIds(batchIds) }
      const batch = await readArticleBatch(store, batchIds)
      if (builders) return { packs: await builders.build(batch) }
      return { documents: batch.rows.map((row) => articleDocument(row, batch.quotedIn[row.id] ?? [])) }
    }
    // Batches are in the making while the oldest is written. With builders, one each: they
    // keep busy so, and the writer is the slower (0.2-0.3 s a batch of 1,000, the next one
    // made meanwhile nearly always), so a batch more would only wait made, 17 MB a batch, at
    // the peak of a full publish's memory.
    const inTheMaking = builders ? builders.count : IN_THE_MAKING
    const making: Promise<Made>[] = []
    let next = 0
    const fill = () => {
      while (next < batches.length && making.length < inTheMaking) {
        const promise = make(batches[next++] as number[])
        // Awaited in order below; a failure meanwhile is not an unhandled rejection.
        promise.catch(() => {})
        making.push(promise)
      }
    }
    fill()
    let done = 0
    while (making.length > 0) {
      const made = await (making.shift() as Promise<Made>)
      fill()
      if ('packs' in made) {
        await writePackedDocuments(store, made.packs, now)
        done += made.packs.reduce((sum, packed) => sum + packed.count, 0)
      } else {
        await changeSearchIndex(store, { removals: [], documents: made.documents, now })
        done += made.documents.length
      }
      onProgress?.(done, stale.length)
    }
  } finally {
    await builders?.close()
    if (isBulkLoad) await setSearchBulkLoad(store, false)
  }
  if (gone.length > 0) {
    const refs = gone.map((refId) => ({ kind: 'article' as const, refId }))
    await changeSearchIndex(store, { removals: [{ siteId, refs }], documents: [], now })
  }
  const pages = scope === 'all' ? await syncPages(store, siteId, now) : { indexed: 0, removed: 0 }
  if (store.engine === 'postgres' && stale.length + gone.length >= ANALYZE_FROM) {
    // The planner's picture of the tables, taken now rather than by autovacuum a minute or more
    // later: until then a search of a column, planned as if the site had a handful of
    // documents, joined every match to every document of the site (0.5 s at 1,150 documents).
    await sql`analyze search_documents, search_chunks`.execute(store.db)
  }
  return { indexed: stale.length + pages.indexed, removed: gone.length + pages.removed }
}

/**
 * Whether a site's index holds no documents at all: never built, or emptied by an upgrade that
 * changed how it is stored (migration 038). The publisher then brings all of it in step, not
 * only what the run changed, so search works again after the next publish of any kind.
 */
export async function isSearchIndexEmpty(store: Store, siteId: number): Promise<boolean> {
  const row = await store.db
    .selectFrom('search_documents')
    .select('sort_key')
    .where('site_id', '=', siteId)
    .limit(1)
    .executeTakeFirst()
  return row === undefined
}

/** Empties a site's index and builds it again from what is live. */
export async function rebuildSearchIndex(
  store: Store,
  siteId: number,
  onProgress?: (done: number, total: number) => void,
): Promise<SyncReport> {
  const refs = await store.db
    .selectFrom('search_documents')
    .select(['kind', 'ref_id'])
    .where('site_id', '=', siteId)
    .execute()
  const now = new Date().toISOString()
  for (let i = 0; i < refs.length; i += BATCH * 5) {
    const batch = refs.slice(i, i + BATCH * 5).map((ref) => ({ kind: ref.kind, refId: ref.ref_id }))
    await changeSearchIndex(store, { removals: [{ siteId, refs: batch }], documents: [], now })
  }
  return syncSearchIndex(store, siteId, 'all', onProgress)
}

/**
 * The articles whose documents are stale (by id, oldest first: the order of the documents' sort
 * keys, the FTS5 rowids, since FTS5 keeps adding to its pending segment only while rowids rise
 * and writes it out at every one that falls), and the documents whose article is gone. A
 * function of its own so that the rows compared, two of 100,000 at a full publish, are garbage
 * before the build, the peak of the publish's memory, begins.
 */
async function staleArticles(
  store: Store,
  siteId: number,
  ids: readonly number[] | null,
): Promise<{ readonly stale: number[]; readonly gone: number[] }> {
  const live = await liveRows(store, siteId, ids)
  const known = await documentRows(store, siteId, ids)
  const stale = live.filter((row) => {
    const doc = known.get(row.id)
    return (
      !doc ||
      doc.revision !== row.revision ||
      doc.url !== row.url_path ||
      doc.column_id !== row.column_id ||
      !sameInstant(doc.publish_at, row.publish_at)
    )
  })
  const minuteOf = (row: { publish_at: string | null }) =>
    row.publish_at === null ? 0 : Math.floor(Date.parse(row.publish_at) / 60_000)
  stale.sort((a, b) => minuteOf(a) - minuteOf(b) || a.id - b.id)
  const liveIds = new Set(live.map((row) => row.id))
  return {
    stale: stale.map((row) => row.id),
    gone: [...known.keys()].filter((id) => !liveIds.has(id)),
  }
}

async function liveRows(store: Store, siteId: number, ids: readonly number[] | null) {
  let query = store.db
    .selectFrom('articles')
    .select(['id', 'revision', 'url_path', 'column_id', 'publish_at'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('url_path', 'is not', null)
  if (ids) query = query.where('id', 'in', ids)
  return query.execute()
}

async function documentRows(store: Store, siteId: number, ids: readonly number[] | null) {
  let query = store.db
    .selectFrom('search_documents')
    .select(['ref_id', 'revision', 'url', 'column_id', 'publish_at'])
    .where('site_id', '=', siteId)
    .where('kind', '=', 'article')
  if (ids) query = query.where('ref_id', 'in', ids)
  return new Map((await query.execute()).map((row) => [row.ref_id, row]))
}

/** The site's single pages, indexed again each time: a handful per site. */
async function syncPages(store: Store, siteId: number, now: string): Promise<SyncReport> {
  const columns = await store.db
    .selectFrom('columns')
    .select(['id', 'parent_id', 'slug', 'name', 'kind', 'page_body_html', 'updated_at', 'deleted_at'])
    .where('site_id', '=', siteId)
    .execute()
  const byId = new Map(columns.map((column) => [column.id, column]))
  const pathOf = (id: number): string => {
    const column = byId.get(id)
    if (!column) return ''
    return column.parent_id === null ? column.slug : `${pathOf(column.parent_id)}/${column.slug}`
  }
  const pages: SearchDocument[] = columns
    .filter((column) => column.kind === 'page' && column.deleted_at === null)
    .map((column) =>
      pageDocument({
        siteId,
        columnId: column.id,
        name: column.name,
        path: pathOf(column.id),
        bodyHtml: column.page_body_html,
        updatedAt: column.updated_at,
      }),
    )
  const known = await store.db
    .selectFrom('search_documents')
    .select('ref_id')
    .where('site_id', '=', siteId)
    .where('kind', '=', 'page')
    .execute()
  const pageIds = new Set(pages.map((page) => page.refId))
  const gone = known
    .filter((row) => !pageIds.has(row.ref_id))
    .map((row) => ({ kind: 'page' as const, refId: row.ref_id }))
  await changeSearchIndex(store, { removals: [{ siteId, refs: gone }], documents: pages, now })
  return { indexed: pages.length, removed: gone.length }
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  return Date.parse(a) === Date.parse(b)
}
