import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * SQLite's full-text table splits fabu's tokens with FTS5's `ascii` tokenizer instead of
 * `unicode61`. The tokens are fabu's own (src/search/search-tokens.ts): folded already, letters
 * and digits only, one space between them, so the engine has only to cut at the spaces, and
 * unicode61 looked up every character's Unicode category to do it: a document took about
 * twice as long to index (277 against 152 µs for a 2,000-character article). The tokens, and
 * so every match, are the same.
 *
 * The table is contentless, so its tokens cannot be read back and split again: it is made anew
 * empty, and the documents are forgotten with it. Each site gets a pending change (`search`,
 * `reindex`), so the first publish after the upgrade (`fabu serve` runs one when it starts)
 * finds the site's index empty and builds it whole, as `fabu search reindex` would; the change
 * names no page, so nothing is rendered for it. PostgreSQL keeps its tsvectors: nothing
 * changes there.
 */
export const searchAsciiTokenizer: Migration = {
  version: 38,
  name: 'search index split by FTS5’s ascii tokenizer',
  async up(db: Kysely<unknown>, engine) {
    if (engine === 'postgres') return
    await sql`drop table search_fts`.execute(db)
    await sql`create virtual table search_fts using fts5(
      title, body, sound, scope, content='', contentless_delete=1, tokenize='ascii'
    )`.execute(db)
    await sql`delete from search_documents`.execute(db)
    await sql`insert into changes (site_id, entity, entity_id, action, created_at)
      select id, 'search', id, 'reindex', ${new Date().toISOString()} from sites`.execute(db)
  },
}
