import type { Store } from '../store/index.ts'
import { type SearchDocument, scopeTokens, soundTokens } from './search-document.ts'
import { changeSearchIndex } from './search-index-writes.ts'
import { indexTokenText } from './search-tokens.ts'
import type { SyncReport } from './sync-search-index.ts'

/**
 * A published page of 政民互动 as the search should find it: the text exactly as the page
 * shows it (contacts already masked by the planner), keyed by its own kind so that a letter's
 * id never stands for an article's.
 */
export interface InteractionDocument {
  readonly kind: 'letter'
  readonly refId: number
  readonly title: string
  /** The page's path in the site's output folder: `zmhd/yzxx/12.html`. */
  readonly url: string
  readonly publishAt: string | null
  readonly text: string
}

function toSearchDocument(siteId: number, document: InteractionDocument): SearchDocument {
  return {
    siteId,
    kind: document.kind,
    refId: document.refId,
    // Letters belong to no column: a column-scoped search leaves them out.
    columnId: 0,
    revision: 0,
    title: document.title,
    url: document.url,
    publishAt: document.publishAt,
    issuingAgency: '',
    documentNo: '',
    bodyText: document.text,
    titleTokens: indexTokenText(document.title),
    bodyTokens: indexTokenText(document.text),
    soundTokens: soundTokens(document.title).join(' '),
    scopeTokens: scopeTokens(siteId, []).join(' '),
  }
}

/**
 * Brings a site's documents of one interaction kind in step with what the publisher just
 * wrote: `documents` are the pages now on the site among `scope` (their ids, or 'all' of the
 * kind); a document of the scope that is not among them (withdrawn, taken off) goes.
 */
export async function syncInteractionDocuments(
  store: Store,
  siteId: number,
  kind: InteractionDocument['kind'],
  scope: readonly number[] | 'all',
  documents: readonly InteractionDocument[],
): Promise<SyncReport> {
  const live = new Set(documents.map((document) => document.refId))
  let query = store.db
    .selectFrom('search_documents')
    .select('ref_id')
    .where('site_id', '=', siteId)
    .where('kind', '=', kind)
  if (scope !== 'all') {
    if (scope.length === 0 && documents.length === 0) return { indexed: 0, removed: 0 }
    query = query.where('ref_id', 'in', [...scope, -1])
  }
  const gone = (await query.execute()).filter((row) => !live.has(row.ref_id))
  const now = new Date().toISOString()
  await changeSearchIndex(store, {
    removals: [{ siteId, refs: gone.map((row) => ({ kind, refId: row.ref_id })) }],
    documents: documents.map((document) => toSearchDocument(siteId, document)),
    now,
  })
  return { indexed: documents.length, removed: gone.length }
}
