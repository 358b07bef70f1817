import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * The article columns the admin list's counts and default order read: site, column, state,
 * words, author, dates, and the pin weight and publish time it is ordered by.
 */
const listedColumns =
  'site_id, column_id, status, deleted_at, title, publish_at, created_at, created_by, weight'

/**
 * A number per site that grows with every change to what the admin's article list counts or
 * orders by default, in the transaction that makes it: an article added, deleted for good, or
 * changed in a listed column; a quote (引用) made or removed; a published article indexed for
 * the site search or taken out of it (the list's text search also matches bodies there). What
 * is read after the number is as new as the number, so a total or a page's place kept beside
 * the number it was read after stays right while the number stands
 * (content/kept-while-unchanged.ts). Triggers, not the services,
 * bump it, so that no way of writing articles (an import, a restore, a bulk move, SQL typed by
 * an operator) can leave a stale count behind.
 *
 * On PostgreSQL the triggers are deferred to the commit and bump each site once a transaction:
 * the row's lock is then held for the commit alone, so two transactions that write articles of
 * one site wait for each other there at most, never deadlock on it, and a bulk import does not
 * rewrite the row once an article.
 */
export const articleListGenerations: Migration = {
  version: 39,
  name: 'a change number per site for the admin list’s counts',
  async up(db: Kysely<unknown>, engine) {
    await sql`create table article_list_generations (
      site_id integer primary key,
      generation integer not null
    )`.execute(db)
    if (engine === 'postgres') await postgresTriggers(db)
    else await sqliteTriggers(db)
  },
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function bump_article_list_generation(site integer) returns void language plpgsql as $$
    begin
      if site is null or current_setting('fabu.list_bumped_' || site, true) = '1' then return; end if;
      perform set_config('fabu.list_bumped_' || site, '1', true);
      insert into article_list_generations (site_id, generation) values (site, 1)
        on conflict (site_id) do update set generation = article_list_generations.generation + 1;
    end $$`.execute(db)
  await sql`create function articles_list_changed() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then perform bump_article_list_generation(old.site_id); end if;
      if tg_op <> 'DELETE' then perform bump_article_list_generation(new.site_id); end if;
      return null;
    end $$`.execute(db)
  await sql`create function article_columns_list_changed() returns trigger language plpgsql as $$
    declare article integer;
    begin
      article := case when tg_op = 'DELETE' then old.article_id else new.article_id end;
      perform bump_article_list_generation((select site_id from articles where id = article));
      if tg_op = 'UPDATE' and old.article_id <> new.article_id then
        perform bump_article_list_generation((select site_id from articles where id = old.article_id));
      end if;
      return null;
    end $$`.execute(db)
  await sql
    .raw(`create constraint trigger articles_list_generation
    after insert or update of ${listedColumns} or delete on articles
    deferrable initially deferred for each row execute function articles_list_changed()`)
    .execute(db)
  await sql`create constraint trigger article_columns_list_generation
    after insert or update or delete on article_columns
    deferrable initially deferred for each row execute function article_columns_list_changed()`.execute(db)
  // search_documents has site_id too: the same function serves it.
  await sql`create constraint trigger search_documents_list_generation
    after insert or update or delete on search_documents
    deferrable initially deferred for each row execute function articles_list_changed()`.execute(db)
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = (site: string) => `
    insert or ignore into article_list_generations (site_id, generation) select ${site}, 0 where ${site} is not null;
    update article_list_generations set generation = generation + 1 where site_id = ${site};`
  const articleSite = (row: string) => `(select site_id from articles where id = ${row}.article_id)`
  const triggers: [name: string, event: string, body: string][] = [
    ['articles_list_insert', 'insert on articles', bump('new.site_id')],
    [
      'articles_list_update',
      `update of ${listedColumns} on articles`,
      bump('old.site_id') + bump('new.site_id'),
    ],
    ['articles_list_delete', 'delete on articles', bump('old.site_id')],
    ['article_columns_list_insert', 'insert on article_columns', bump(articleSite('new'))],
    [
      'article_columns_list_update',
      'update on article_columns',
      bump(articleSite('old')) + bump(articleSite('new')),
    ],
    ['article_columns_list_delete', 'delete on article_columns', bump(articleSite('old'))],
    ['search_documents_list_insert', 'insert on search_documents', bump('new.site_id')],
    ['search_documents_list_update', 'update on search_documents', bump('old.site_id') + bump('new.site_id')],
    ['search_documents_list_delete', 'delete on search_documents', bump('old.site_id')],
  ]
  for (const [name, event, body] of triggers)
    await sql.raw(`create trigger ${name} after ${event} begin ${body} end`).execute(db)
}
