import { sql } from 'kysely'
import type { Engine, Tx } from '../store/index.ts'
import type { SearchDocument, SearchKind } from './search-document.ts'

/**
 * Newest first is the order of `sort_key`: the publish minute times 2^24, plus the document's
 * own number below that (articles below 2^23, single pages above). It stays under 2^53, so it
 * is exact in JavaScript, until the year 3000.
 */
const PER_MINUTE = 2 ** 24
const PAGE_FLAG = 2 ** 23

export function sortKeyOf(
  document: Pick<SearchDocument, 'publishAt' | 'kind' | 'refId'>,
  now: string,
): number {
  const minute = Math.floor(Date.parse(document.publishAt ?? now) / 60_000)
  return (
    Math.max(0, minute) * PER_MINUTE +
    (document.refId % PAGE_FLAG) +
    (document.kind === 'page' ? PAGE_FLAG : 0)
  )
}

/** The first sort key of a minute, for date ranges. */
export function sortKeyAt(instant: string): number {
  return Math.max(0, Math.floor(Date.parse(instant) / 60_000)) * PER_MINUTE
}

/** PostgreSQL keeps positions below 16,384 and 256 per lexeme: its tokens go in chunks this long. */
const CHUNK_TOKENS = 4_000
/** Chunks overlap by this many tokens, so a phrase across a chunk's end is still found. */
const CHUNK_OVERLAP = 32
const MAX_TITLE_TOKENS = 200

/** Rows a statement inserts at once: SQLite binds at most 32,766 values a statement. */
const ROWS_A_STATEMENT = 50

/**
 * A document's token text as its tokens. Here rather than beside the making of documents
 * (search-document.ts, with pinyin's dictionary and the content layer): the index's writer
 * thread loads this module and nothing of that.
 */
function tokenList(text: string): string[] {
  return text === '' ? [] : text.split(' ')
}

/** One change to the search index, made in one transaction (see changeSearchIndex). */
export interface SearchChanges {
  /** Documents that go: a site's, by kind and ref. */
  readonly removals: readonly {
    readonly siteId: number
    readonly refs: readonly { readonly kind: SearchKind; readonly refId: number }[]
  }[]
  /** Documents written, each replacing the one of its site, kind and ref. */
  readonly documents: readonly SearchDocument[]
  /** When the change is made: the documents' indexed time, and the sort key of one not published. */
  readonly now: string
}

/** Makes a change to the index in the caller's transaction: the removals, then the documents. */
export async function applySearchChanges(tx: Tx, engine: Engine, changes: SearchChanges): Promise<void> {
  for (const { siteId, refs } of changes.removals) await removeSearchDocuments(tx, engine, siteId, refs)
  await writeSearchDocuments(tx, engine, changes.documents, changes.now)
}

/**
 * Replaces the documents' rows (by site, kind and ref), in the caller's transaction, a few
 * statements a batch rather than a few a document: a rebuild writes 100,000.
 */
export async function writeSearchDocuments(
  tx: Tx,
  engine: Engine,
  documents: readonly SearchDocument[],
  now: string,
): Promise<void> {
  if (documents.length === 0) return
  const bySite = new Map<number, SearchDocument[]>()
  for (const document of documents)
    bySite.set(document.siteId, [...(bySite.get(document.siteId) ?? []), document])
  for (const [siteId, ofSite] of bySite) await removeSearchDocuments(tx, engine, siteId, ofSite)
  const keys = await freeSortKeys(tx, documents, now)
  for (let i = 0; i < documents.length; i += ROWS_A_STATEMENT) {
    const batch = documents.slice(i, i + ROWS_A_STATEMENT)
    await tx
      .insertInto('search_documents')
      .values(
        batch.map((document, j) => ({
          sort_key: keys[i + j] as number,
          site_id: document.siteId,
          kind: document.kind,
          ref_id: document.refId,
          column_id: document.columnId,
          revision: document.revision,
          title: document.title,
          url: document.url,
          publish_at: document.publishAt,
          issuing_agency: document.issuingAgency,
          document_no: document.documentNo,
          body_text: document.bodyText,
          indexed_at: now,
        })),
      )
      .execute()
  }
  if (engine === 'sqlite') {
    // One row a statement, and after the rows above: a statement that writes several rows opens
    // a savepoint, and at every savepoint FTS5 writes out what it holds as a segment of its own,
    // whose merging with the others cost more the bigger the index grew (a rebuild of 100,000
    // articles spent most of its time there). So the whole batch goes into FTS5's buffer and
    // becomes one segment at the commit.
    // In rising row ids too, whatever order the documents came in (a batch read by id is in
    // the order of the ids, not of the publish times): FTS5 writes its buffer out as a segment
    // at every row id that falls.
    const order = [...documents.keys()].sort((a, b) => (keys[a] as number) - (keys[b] as number))
    for (const j of order) {
      const document = documents[j] as SearchDocument
      await sql`insert into search_fts (rowid, title, body, sound, scope) values (${keys[j]}, ${document.titleTokens}, ${document.bodyTokens}, ${document.soundTokens}, ${document.scopeTokens})`.execute(
        tx,
      )
    }
    return
  }
  const rows = documents.flatMap((document, j) =>
    postgresChunks(document).map(
      (tokens, chunk) => sql`(${keys[j]}, ${chunk}, ${document.siteId}, ${tokens}::tsvector)`,
    ),
  )
  for (let r = 0; r < rows.length; r += ROWS_A_STATEMENT) {
    await sql`insert into search_chunks (sort_key, chunk, site_id, tokens) values ${sql.join(rows.slice(r, r + ROWS_A_STATEMENT))}`.execute(
      tx,
    )
  }
}

/**
 * Each document's sort key. Two documents of one minute whose numbers differ by a multiple of
 * 2^23 would share one: the later takes the next free key.
 */
async function freeSortKeys(tx: Tx, documents: readonly SearchDocument[], now: string): Promise<number[]> {
  const wanted = documents.map((document) => sortKeyOf(document, now))
  const taken = new Set<number>()
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await tx
      .selectFrom('search_documents')
      .select('sort_key')
      .where('sort_key', 'in', wanted.slice(i, i + 500))
      .execute()
    for (const row of rows) taken.add(Number(row.sort_key))
  }
  return wanted.map((key) => {
    let free = key
    while (taken.has(free)) free++
    taken.add(free)
    return free
  })
}

/** Removes documents (by kind and ref) of a site from the index, in the caller's transaction. */
export async function removeSearchDocuments(
  tx: Tx,
  engine: Engine,
  siteId: number,
  refs: readonly { readonly kind: SearchKind; readonly refId: number }[],
): Promise<void> {
  for (const kind of new Set(refs.map((ref) => ref.kind))) {
    const ids = refs.filter((ref) => ref.kind === kind).map((ref) => ref.refId)
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await tx
        .selectFrom('search_documents')
        .select('sort_key')
        .where('site_id', '=', siteId)
        .where('kind', '=', kind)
        .where('ref_id', 'in', ids.slice(i, i + 500))
        .execute()
      const keys = rows.map((row) => Number(row.sort_key))
      if (keys.length === 0) continue
      // PostgreSQL's chunks go with their document (on delete cascade).
      if (engine === 'sqlite')
        await sql`delete from search_fts where rowid in (${sql.join(keys)})`.execute(tx)
      await tx.deleteFrom('search_documents').where('sort_key', 'in', keys).execute()
    }
  }
}

/**
 * Starts each lexeme of a title's sound in PostgreSQL: query tokens hold letters and digits only,
 * so a visitor's word (a pinyin query, jiliang) never matches a title by its sound, while
 * suggest-by-sound.ts finds them. A weight cannot do it: a tsquery with weights makes the GIN
 * index recheck every match, and a common word has 100,000.
 */
export const SOUND_MARK = '~'

/**
 * The document's tsvector texts: every chunk holds the title (weight A), so a title-only search
 * and words of the title with words of the body match in any chunk; the first also holds the
 * title's sound (weight B, each lexeme marked). Lexemes hold letters and digits only, quoted all
 * the same.
 */
function postgresChunks(document: SearchDocument): string[] {
  const title = tokenList(document.titleTokens).slice(0, MAX_TITLE_TOKENS)
  const sound = tokenList(document.soundTokens).slice(0, MAX_TITLE_TOKENS)
  const body = tokenList(document.bodyTokens)
  const chunks: string[] = []
  const step = CHUNK_TOKENS - CHUNK_OVERLAP
  for (let start = 0; start === 0 || start < body.length; start += step) {
    const parts: string[] = []
    let position = 1
    for (const token of title) parts.push(`${lexeme(token)}:${position++}A`)
    position++
    if (start === 0) {
      for (const token of sound) parts.push(`${lexeme(`${SOUND_MARK}${token}`)}:${position++}B`)
      position++
    }
    for (const token of body.slice(start, start + CHUNK_TOKENS)) parts.push(`${lexeme(token)}:${position++}`)
    chunks.push(parts.join(' '))
  }
  return chunks
}

function lexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`
}
