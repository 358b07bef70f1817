import { sql } from 'kysely'
import type { ColumnTree, Site } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import { articlePath } from './url-scheme.ts'

interface UrlUpdate {
  readonly id: number
  path: string
  readonly columnId: number
  /** The URL it has now; null for an article published for the first time. */
  readonly from: string | null
}

export interface MovedArticle {
  readonly id: number
  readonly from: string
  readonly to: string
}

/**
 * Fixes the URL of every article published for the first time, by the site's pattern, and
 * gives an article whose home column changed the URL the pattern makes for its new column,
 * leaving a redirect at the old one when the two differ. Nothing else ever changes a URL:
 * editing the publish time, renaming or moving a column, changing the pattern all keep it.
 */
export async function assignUrls(
  store: Store,
  snapshot: { readonly site: Site; readonly tree: ColumnTree },
  scope: 'all' | { readonly changedIds: readonly number[] },
): Promise<{ readonly assigned: number; readonly moved: readonly MovedArticle[] }> {
  let query = store.db
    .selectFrom('articles')
    .select(['id', 'column_id', 'publish_at', 'first_published_at', 'url_path', 'url_column_id'])
    .where('site_id', '=', snapshot.site.id)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
  // Publishing or moving an article writes a change row: only changed articles can need a URL.
  if (scope !== 'all') {
    if (scope.changedIds.length === 0) return { assigned: 0, moved: [] }
    query = query.where('id', 'in', scope.changedIds.slice(0, 5000))
  }
  const rows = await query.execute()
  const updates: UrlUpdate[] = []
  for (const row of rows) {
    const column = snapshot.tree.get(row.column_id)
    if (!column) continue
    // The path alone cannot tell: a pattern without {column} gives no column away.
    if (row.url_path !== null && row.url_column_id === row.column_id) continue
    const dated = row.publish_at ?? row.first_published_at ?? new Date().toISOString()
    const path = articlePath(snapshot.site, column.path, dated, row.id)
    updates.push({ id: row.id, path, columnId: column.id, from: row.url_path })
  }
  if (updates.length === 0) return { assigned: 0, moved: [] }
  await keepUrlsApart(store, snapshot.site.id, updates)
  const moved: MovedArticle[] = updates.flatMap((u) =>
    u.from !== null && u.from !== u.path ? [{ id: u.id, from: u.from, to: u.path }] : [],
  )
  await store.transaction(async (tx) => {
    // One statement per 500 articles: a first full publish of a big import assigns them all.
    for (let i = 0; i < updates.length; i += 500) {
      const chunk = updates.slice(i, i + 500)
      const pathCases = sql.join(
        chunk.map((u) => sql`when ${u.id} then ${u.path}`),
        sql` `,
      )
      // PostgreSQL would take untyped parameters in a CASE for text.
      const columnCases = sql.join(
        chunk.map((u) => sql`when ${u.id} then cast(${u.columnId} as integer)`),
        sql` `,
      )
      await tx
        .updateTable('articles')
        .set({
          url_path: sql<string>`case id ${pathCases} end`,
          url_column_id: sql<number>`case id ${columnCases} end`,
        })
        .where(
          'id',
          'in',
          chunk.map((u) => u.id),
        )
        .execute()
    }
    for (const move of moved) {
      // A redirect at the new URL (an article moved back to where it was) would hide its page.
      await tx
        .deleteFrom('redirects')
        .where('site_id', '=', snapshot.site.id)
        .where('from_path', 'in', [move.from, move.to])
        .execute()
      await tx
        .insertInto('redirects')
        .values({ site_id: snapshot.site.id, from_path: move.from, to_path: move.to })
        .execute()
    }
  })
  return { assigned: updates.length, moved }
}

/**
 * One pattern never gives two articles the same URL (its file name holds the id, and its date
 * tokens have fixed widths), but two patterns used one after the other can: `{dd}-{id}.html`
 * for article 12 on the 13th and `{id}-{dd}.html` for article 13 on the 12th. A URL another
 * article has, or a redirect another article left, is never taken over: the newcomer's file
 * name gets its id once more (`13-12_13.html`), and the store's unique index stands behind it.
 */
async function keepUrlsApart(store: Store, siteId: number, updates: UrlUpdate[]): Promise<void> {
  const claimed = new Set<string>()
  for (let i = 0; i < updates.length; i += 500) {
    const chunk = updates.slice(i, i + 500)
    const taken = await takenUrls(
      store,
      siteId,
      chunk.map((u) => u.path),
    )
    for (const update of chunk) {
      const stem = update.path.replace(/\.html$/, '')
      for (
        let attempt = 1;
        isTakenFrom(update, taken, claimed) ||
        (attempt > 1 && (await isTakenInStore(store, siteId, update, claimed)));
        attempt++
      ) {
        update.path = attempt === 1 ? `${stem}_${update.id}.html` : `${stem}_${update.id}_${attempt}.html`
      }
      claimed.add(update.path)
    }
  }
}

/** Who holds each of the paths: an article (by id) or a redirect (by where it points). */
async function takenUrls(store: Store, siteId: number, paths: readonly string[]) {
  const articles = await store.db
    .selectFrom('articles')
    .select(['id', 'url_path'])
    .where('site_id', '=', siteId)
    .where('url_path', 'in', paths)
    .execute()
  const redirects = await store.db
    .selectFrom('redirects')
    .select(['from_path', 'to_path'])
    .where('site_id', '=', siteId)
    .where('from_path', 'in', paths)
    .execute()
  return {
    byArticle: new Map(articles.map((row) => [row.url_path ?? '', row.id])),
    byRedirect: new Map(redirects.map((row) => [row.from_path, row.to_path])),
  }
}

function isTakenFrom(
  update: UrlUpdate,
  taken: Awaited<ReturnType<typeof takenUrls>>,
  claimed: ReadonlySet<string>,
): boolean {
  if (claimed.has(update.path)) return true
  const owner = taken.byArticle.get(update.path)
  if (owner !== undefined && owner !== update.id) return true
  // A redirect pointing at this article's URL is its own, left by an earlier move: moving
  // back may take that URL again.
  const target = taken.byRedirect.get(update.path)
  return target !== undefined && target !== update.from
}

async function isTakenInStore(
  store: Store,
  siteId: number,
  update: UrlUpdate,
  claimed: ReadonlySet<string>,
): Promise<boolean> {
  return isTakenFrom(update, await takenUrls(store, siteId, [update.path]), claimed)
}
