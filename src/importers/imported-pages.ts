import type { Store } from '../store/index.ts'
import type { CrawlState } from './crawl-site.ts'

/** One page brought in earlier, found by its URL on the old site. */
export interface ImportedPage {
  readonly sourceUrl: string
  readonly oldPath: string
  readonly kind: 'article' | 'column'
  readonly articleId: number | null
  readonly columnId: number | null
  readonly contentHash: string
}

/** The import's own records: what came from where, and where a run stands. */
export function importedPages(store: Store) {
  return {
    async find(siteId: number, sourceUrl: string): Promise<ImportedPage | null> {
      const row = await store.db
        .selectFrom('imported_pages')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('source_url', '=', sourceUrl)
        .executeTakeFirst()
      return row
        ? {
            sourceUrl: row.source_url,
            oldPath: row.old_path,
            kind: row.kind,
            articleId: row.article_id,
            columnId: row.column_id,
            contentHash: row.content_hash,
          }
        : null
    },

    /**
     * Every page of the site imported before, by source URL: one query for a run instead of
     * one per page (ten thousand articles hold a few megabytes here).
     */
    async all(siteId: number): Promise<Map<string, ImportedPage>> {
      const rows = await store.db
        .selectFrom('imported_pages')
        .select(['source_url', 'old_path', 'kind', 'article_id', 'column_id', 'content_hash'])
        .where('site_id', '=', siteId)
        .execute()
      return new Map(
        rows.map((row) => [
          row.source_url,
          {
            sourceUrl: row.source_url,
            oldPath: row.old_path,
            kind: row.kind,
            articleId: row.article_id,
            columnId: row.column_id,
            contentHash: row.content_hash,
          },
        ]),
      )
    },

    /** One statement (an upsert on the key), so each page costs no transaction of its own. */
    async save(siteId: number, page: ImportedPage, now: string): Promise<void> {
      const values = {
        old_path: page.oldPath,
        kind: page.kind,
        article_id: page.articleId,
        column_id: page.columnId,
        content_hash: page.contentHash,
        imported_at: now,
      }
      await store.db
        .insertInto('imported_pages')
        .values({ site_id: siteId, source_url: page.sourceUrl, ...values })
        .onConflict((conflict) => conflict.columns(['site_id', 'source_url']).doUpdateSet(values))
        .execute()
    },

    /** Old paths and the article or column each now stands for. */
    async redirectTargets(siteId: number) {
      return store.db
        .selectFrom('imported_pages')
        .leftJoin('articles', 'articles.id', 'imported_pages.article_id')
        .select([
          'imported_pages.old_path as oldPath',
          'articles.url_path as articlePath',
          'imported_pages.column_id as columnId',
        ])
        .where('imported_pages.site_id', '=', siteId)
        .execute()
    },

    /** The imported articles of a site, with the URL each came from. */
    async articles(siteId: number) {
      return store.db
        .selectFrom('imported_pages')
        .select(['article_id as articleId', 'source_url as sourceUrl'])
        .where('site_id', '=', siteId)
        .where('kind', '=', 'article')
        .execute()
    },

    async startRun(siteId: number, source: string, actorName: string, now: string): Promise<number> {
      const { id } = await store.db
        .insertInto('import_runs')
        .values({
          site_id: siteId,
          source,
          started_by: actorName,
          started_at: now,
          finished_at: null,
          state: '{"queue":[],"done":[]}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** The last run of this source into the site that did not finish, to go on with. */
    async unfinishedRun(siteId: number, source: string): Promise<{ id: number; state: CrawlState } | null> {
      const row = await store.db
        .selectFrom('import_runs')
        .select(['id', 'state'])
        .where('site_id', '=', siteId)
        .where('source', '=', source)
        .where('finished_at', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst()
      if (!row) return null
      const state = typeof row.state === 'string' ? JSON.parse(row.state) : row.state
      return { id: row.id, state }
    },

    async saveRun(id: number, state: CrawlState, finishedAt: string | null): Promise<void> {
      await store.db
        .updateTable('import_runs')
        .set({ state: JSON.stringify(state), finished_at: finishedAt })
        .where('id', '=', id)
        .execute()
    },
  }
}

export type ImportedPages = ReturnType<typeof importedPages>
