import { type Kysely, sql } from 'kysely'
import type { Database, Store } from '../../store/index.ts'
import type { PageResult } from '../plan/page-job.ts'

/** What the publisher knows of a site's output folder: each page's hash, kind and subject. */
export interface PublishedPage {
  readonly path: string
  readonly hash: string
  readonly kind: string
  readonly refId: number | null
}

/** Pages that recorded any of the keys, by path. */
export async function pagesDependingOn(
  store: Store,
  siteId: number,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return []
  const paths = new Set<string>()
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await store.db
      .selectFrom('page_deps')
      .select('path')
      .where('site_id', '=', siteId)
      .where('dep_key', 'in', keys.slice(i, i + 500))
      .execute()
    for (const row of rows) paths.add(row.path)
  }
  return [...paths]
}

/** The list columns whose newest articles the pages showed, as recorded when they were rendered. */
export async function newestShownBy(
  store: Store,
  siteId: number,
  paths: readonly string[],
): Promise<number[]> {
  const columns = new Set<number>()
  for (let i = 0; i < paths.length; i += 500) {
    for (const row of await recordedKeys(store.db, store.engine, siteId, paths.slice(i, i + 500)))
      if (row.dep_key.startsWith(NEWEST_KEY)) columns.add(Number(row.dep_key.slice(NEWEST_KEY.length)))
  }
  return [...columns].filter(Number.isInteger)
}

/**
 * What the pages recorded, looked up by path. On SQLite through the (site, path) index by
 * name: with no statistics yet (a site's first publish) the planner read the primary key's
 * entries of the whole site instead, for every lookup, so that recording a first publish of
 * 100,000 articles grew with the square of its pages (some 70 s more).
 */
async function recordedKeys(
  db: Kysely<Database>,
  engine: Store['engine'],
  siteId: number,
  paths: readonly string[],
): Promise<readonly { readonly path: string; readonly dep_key: string }[]> {
  if (paths.length === 0) return []
  if (engine === 'sqlite') {
    const { rows } = await sql<{ path: string; dep_key: string }>`
      select path, dep_key from page_deps indexed by page_deps_path
      where site_id = ${siteId} and path in (${sql.join(paths)})`.execute(db)
    return rows
  }
  return db
    .selectFrom('page_deps')
    .select(['path', 'dep_key'])
    .where('site_id', '=', siteId)
    .where('path', 'in', paths)
    .execute()
}

const NEWEST_KEY = 'newest:'

/** Records rendered pages in one transaction: their hash and what they depended on. */
export async function recordResults(
  store: Store,
  siteId: number,
  results: readonly PageResult[],
  now: string,
): Promise<void> {
  const done = results.filter((result) => result.outcome !== 'failed')
  if (done.length === 0) return
  await store.transaction(async (tx) => {
    for (let i = 0; i < done.length; i += 200) {
      const chunk = done.slice(i, i + 200)
      await tx
        .insertInto('published_pages')
        .values(
          chunk.map((result) => ({
            site_id: siteId,
            path: result.path,
            hash: result.hash,
            kind: result.kind,
            ref_id: result.refId,
            templates: JSON.stringify(result.templates),
            written_at: now,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['site_id', 'path']).doUpdateSet((eb) => ({
            hash: eb.ref('excluded.hash'),
            kind: eb.ref('excluded.kind'),
            ref_id: eb.ref('excluded.ref_id'),
            templates: eb.ref('excluded.templates'),
            written_at: eb.ref('excluded.written_at'),
          })),
        )
        .execute()
      // Only what changed: a page rendered again mostly shows what it showed (a list page one
      // article more and one less), and every row deleted and inserted again is index work.
      const recorded = new Map<string, Set<string>>()
      const rows = await recordedKeys(
        tx,
        store.engine,
        siteId,
        chunk.map((result) => result.path),
      )
      for (const row of rows) {
        const keys = recorded.get(row.path) ?? new Set<string>()
        keys.add(row.dep_key)
        recorded.set(row.path, keys)
      }
      const added: { site_id: number; dep_key: string; path: string }[] = []
      for (const result of chunk) {
        const keys = new Set(result.deps)
        const before = recorded.get(result.path) ?? new Set<string>()
        const gone = [...before].filter((key) => !keys.has(key))
        for (let j = 0; j < gone.length; j += 500) {
          await tx
            .deleteFrom('page_deps')
            .where('site_id', '=', siteId)
            .where('path', '=', result.path)
            .where('dep_key', 'in', gone.slice(j, j + 500))
            .execute()
        }
        for (const key of keys)
          if (!before.has(key)) added.push({ site_id: siteId, dep_key: key, path: result.path })
      }
      for (let j = 0; j < added.length; j += 300) {
        await tx
          .insertInto('page_deps')
          .values(added.slice(j, j + 300))
          .execute()
      }
    }
  })
}

export async function forgetPages(store: Store, siteId: number, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return
  await store.transaction(async (tx) => {
    for (let i = 0; i < paths.length; i += 500) {
      const chunk = paths.slice(i, i + 500)
      await tx.deleteFrom('page_deps').where('site_id', '=', siteId).where('path', 'in', chunk).execute()
      await tx
        .deleteFrom('published_pages')
        .where('site_id', '=', siteId)
        .where('path', 'in', chunk)
        .execute()
    }
  })
}

/** Pages rendered with the template, directly or through a layout or partial. */
export async function pagesUsingTemplate(store: Store, siteId: number, template: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('published_pages')
    .select(['path', 'templates'])
    .where('site_id', '=', siteId)
    .where('templates', 'like', `%${JSON.stringify(template)}%`)
    .execute()
  return rows
    .filter((row) => (JSON.parse(row.templates) as string[]).includes(template))
    .map((row) => row.path)
}

/** Pages a full run started at `since` did not record again: they no longer exist. */
export async function stalePages(store: Store, siteId: number, since: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('published_pages')
    .select('path')
    .where('site_id', '=', siteId)
    .where('written_at', '<', since)
    .execute()
  return rows.map((row) => row.path)
}

/** Targeted reads of the published-page index, for a run that touches a few pages of a big site. */
export interface PublishedLookup {
  articlePage(articleId: number): Promise<PublishedPage | undefined>
  pages(paths: readonly string[]): Promise<PublishedPage[]>
  /** The list pages of a column. */
  listPages(columnId: number): Promise<PublishedPage[]>
  /** The pages of a kind about one subject (a mailbox's letter lists). */
  pagesOf(kind: string, refId: number): Promise<PublishedPage[]>
}

export function publishedLookup(store: Store, siteId: number): PublishedLookup {
  const base = () =>
    store.db
      .selectFrom('published_pages')
      .select(['path', 'hash', 'kind', 'ref_id'])
      .where('site_id', '=', siteId)
  const toPage = (row: {
    path: string
    hash: string
    kind: string
    ref_id: number | null
  }): PublishedPage => ({
    path: row.path,
    hash: row.hash,
    kind: row.kind,
    refId: row.ref_id,
  })
  return {
    async articlePage(articleId) {
      const row = await base()
        .where('kind', '=', 'article')
        .where('ref_id', '=', articleId)
        .executeTakeFirst()
      return row ? toPage(row) : undefined
    },
    async pages(paths) {
      const found: PublishedPage[] = []
      for (let i = 0; i < paths.length; i += 500) {
        found.push(
          ...(
            await base()
              .where('path', 'in', paths.slice(i, i + 500))
              .execute()
          ).map(toPage),
        )
      }
      return found
    },
    async listPages(columnId) {
      return (await base().where('kind', '=', 'list').where('ref_id', '=', columnId).execute()).map(toPage)
    },
    async pagesOf(kind, refId) {
      return (await base().where('kind', '=', kind).where('ref_id', '=', refId).execute()).map(toPage)
    },
  }
}

export async function hasPublishedPages(store: Store, siteId: number): Promise<boolean> {
  const row = await store.db
    .selectFrom('published_pages')
    .select('path')
    .where('site_id', '=', siteId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
