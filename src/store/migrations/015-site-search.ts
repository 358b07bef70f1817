import { type Kysely, sql } from 'kysely'
import { engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

/**
 * The site search index (src/search): one row per published article or single page with what
 * a result shows, and the tokens in the engine's own full-text index, SQLite FTS5 or
 * PostgreSQL's tsvector with a GIN index: no extension, so managed PostgreSQL works.
 *
 * `sort_key` orders documents newest first (publish minute, then the document): it is the FTS5
 * rowid, so a search by time reads matches in index order and stops after a page. PostgreSQL
 * keeps positions below 16,384 and at most 256 per token, so its tokens are stored in chunks.
 *
 * Also each site's synonyms (社保 ↔ 社会保险), and the day's count of each query, for 热门搜索
 * and for the searches that found nothing: no address, no cookie.
 */
export const siteSearch: Migration = {
  version: 15,
  name: 'site search',
  async up(db: Kysely<unknown>, engine) {
    const types = engineTypes(engine)
    await db.schema
      .createTable('search_documents')
      .addColumn('id', 'integer', (column) => types.identity(column))
      .addColumn('sort_key', 'bigint', (column) => column.notNull().unique())
      .addColumn('site_id', 'integer', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('ref_id', 'integer', (column) => column.notNull())
      .addColumn('column_id', 'integer', (column) => column.notNull())
      .addColumn('revision', 'integer', (column) => column.notNull())
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('url', 'text', (column) => column.notNull())
      .addColumn('publish_at', types.timestamp)
      .addColumn('issuing_agency', 'text', (column) => column.notNull())
      .addColumn('document_no', 'text', (column) => column.notNull())
      .addColumn('body_text', 'text', (column) => column.notNull())
      .addColumn('indexed_at', types.timestamp, (column) => column.notNull())
      .execute()
    await db.schema
      .createIndex('search_documents_ref')
      .on('search_documents')
      .columns(['site_id', 'kind', 'ref_id'])
      .unique()
      .execute()
    await db.schema
      .createIndex('search_documents_column')
      .on('search_documents')
      .columns(['column_id', 'sort_key'])
      .execute()
    if (engine === 'postgres') {
      await sql`create table search_chunks (
        sort_key bigint not null references search_documents (sort_key) on delete cascade on update cascade,
        chunk integer not null,
        site_id integer not null,
        tokens tsvector not null,
        primary key (sort_key, chunk)
      )`.execute(db)
      await sql`create index search_chunks_tokens on search_chunks using gin (tokens)`.execute(db)
      await sql`create index search_chunks_site on search_chunks (site_id, sort_key)`.execute(db)
    } else {
      // Contentless: the tokens are fabu's own (src/search/search-tokens.ts), space-separated,
      // so unicode61 only splits on the spaces; the text a result shows is in search_documents.
      // `scope` holds the site and the columns as tokens (s12 c5 c9): a search of one site or
      // column is answered by the full-text index alone, without a row lookup per match.
      await sql`create virtual table search_fts using fts5(
        title, body, sound, scope, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
      )`.execute(db)
    }
    await db.schema
      .createTable('search_synonyms')
      .addColumn('site_id', 'integer', (column) => column.notNull())
      .addColumn('word', 'text', (column) => column.notNull())
      .addColumn('group_no', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('search_synonyms_pk', ['site_id', 'word', 'group_no'])
      .execute()
    await db.schema
      .createTable('search_query_days')
      .addColumn('site_id', 'integer', (column) => column.notNull())
      .addColumn('day', 'text', (column) => column.notNull())
      .addColumn('query', 'text', (column) => column.notNull())
      .addColumn('searches', 'integer', (column) => column.notNull())
      .addColumn('hits', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('search_query_days_pk', ['site_id', 'day', 'query'])
      .execute()
    await db.schema
      .alterTable('sites')
      .addColumn('shares_search', types.flag, (column) =>
        column.notNull().defaultTo(engine === 'postgres' ? false : 0),
      )
      .execute()
  },
}
