import { type Kysely, sql } from 'kysely'
import { type Engine, engineTypes } from '../engine.ts'
import type { Migration } from './migration.ts'

export const initial: Migration = {
  version: 1,
  name: 'initial content model',
  async up(db: Kysely<unknown>, engine: Engine) {
    const t = engineTypes(engine)
    const now = engine === 'postgres' ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

    await db.schema
      .createTable('sites')
      .addColumn('id', 'integer', t.identity)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('base_url', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('output_prefix', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('org_code', 'text', (c) => c.notNull())
      .addColumn('site_id_code', 'text', (c) => c.notNull())
      .addColumn('icp', 'text', (c) => c.notNull())
      .addColumn('police_record', 'text', (c) => c.notNull())
      .addColumn('sponsor', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(now))
      .execute()

    await db.schema
      .createTable('columns')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('columns.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('page_size', 'integer', (c) => c.notNull())
      .addColumn('includes_descendants', t.flag, (c) => c.notNull())
      .addColumn('is_disclosure', t.flag, (c) => c.notNull())
      .addColumn('link_url', 'text')
      .addColumn('page_body_html', 'text', (c) => c.notNull())
      .addColumn('list_template', 'text')
      .addColumn('article_template', 'text')
      .addColumn('field_schema', t.json, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('deleted_at', t.timestamp)
      .execute()
    // Root columns have no parent; coalesce makes their slugs unique among themselves too.
    await sql`create unique index columns_sibling_slug on columns (site_id, coalesce(parent_id, 0), slug) where deleted_at is null`.execute(
      db,
    )
    await db.schema
      .createIndex('columns_parent')
      .on('columns')
      .columns(['site_id', 'parent_id', 'position'])
      .execute()

    await db.schema
      .createTable('articles')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('column_id', 'integer', (c) => c.notNull().references('columns.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('subtitle', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('keywords', t.json, (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('cover_image', 'text')
      .addColumn('attachments', t.json, (c) => c.notNull())
      .addColumn('custom_fields', t.json, (c) => c.notNull())
      .addColumn('weight', 'integer', (c) => c.notNull())
      .addColumn('publish_at', t.timestamp)
      .addColumn('first_published_at', t.timestamp)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('external_url', 'text')
      .addColumn('url_path', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('index_no', 'text')
      .addColumn('topic_category', 'text')
      .addColumn('issuing_agency', 'text')
      .addColumn('written_date', 'text')
      .addColumn('document_no', 'text')
      .addColumn('subject_words', t.json, (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .addColumn('deleted_at', t.timestamp)
      .addColumn('deleted_by', 'text')
      .execute()
    await db.schema
      .createIndex('articles_column_list')
      .on('articles')
      .columns(['column_id', 'status', 'publish_at'])
      .execute()
    await db.schema
      .createIndex('articles_site_status')
      .on('articles')
      .columns(['site_id', 'status'])
      .execute()
    await sql`create unique index articles_index_no on articles (site_id, index_no) where index_no is not null`.execute(
      db,
    )

    await db.schema
      .createTable('article_columns')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('column_id', 'integer', (c) => c.notNull().references('columns.id'))
      .addPrimaryKeyConstraint('article_columns_pk', ['article_id', 'column_id'])
      .execute()
    await db.schema.createIndex('article_columns_column').on('article_columns').column('column_id').execute()

    await db.schema
      .createTable('article_revisions')
      .addColumn('id', 'integer', t.identity)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('snapshot', t.json, (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addUniqueConstraint('article_revisions_number', ['article_id', 'revision'])
      .execute()

    await db.schema
      .createTable('disclosure_serials')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last_serial', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('disclosure_serials_pk', ['site_id', 'year'])
      .execute()

    await db.schema
      .createTable('changes')
      .addColumn('id', 'integer', t.identity)
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at', t.timestamp)
      .addColumn('done_at', t.timestamp)
      .execute()
    await sql`create index changes_pending on changes (id) where done_at is null`.execute(db)

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', t.identity)
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .addColumn('detail', t.json, (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute()
    // The head row is what concurrent appenders lock, so the chain never forks.
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .execute()
    await sql`insert into audit_head (id, last_hash) values (1, '')`.execute(db)
    await forbidAuditRewrites(db, engine)
  },
}

/** A second line behind the services, which offer no update or delete of audit records. */
async function forbidAuditRewrites(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db)
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db)
    return
  }
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db)
}
