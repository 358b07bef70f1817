import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration.ts'

/**
 * The search's tokens now hold each run of ideographs' first character alone as well as its
 * pairs and last character (src/search/search-tokens.ts): `第12345期` is found exactly instead
 * of by every pair 期 begins. An index of the old tokens would miss such queries, and both
 * engines keep tokens that cannot be read back and split again, so every site's documents are
 * forgotten and each site gets a pending change (`search`, `reindex`): the first publish after
 * the upgrade (`fabu serve` runs one when it starts) finds the index empty and builds it whole,
 * as `fabu search reindex` would, and renders no page for it (as migration 038 did).
 */
export const searchRunEnds: Migration = {
  version: 40,
  name: 'search tokens mark where runs of ideographs begin',
  async up(db: Kysely<unknown>, engine) {
    if (engine === 'postgres') await sql`delete from search_chunks`.execute(db)
    else await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db)
    await sql`delete from search_documents`.execute(db)
    await sql`insert into changes (site_id, entity, entity_id, action, created_at)
      select id, 'search', id, 'reindex', ${new Date().toISOString()} from sites`.execute(db)
  },
}
