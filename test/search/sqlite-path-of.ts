import { sql } from 'kysely'
import type { Store } from '../../src/store/index.ts'

/** The file an SQLite store has open, for the search's readers to open beside it. */
export async function sqlitePathOf(store: Store): Promise<string> {
  const { rows } = await sql<{
    file: string
  }>`select file from pragma_database_list where name = 'main'`.execute(store.db)
  return rows[0]?.file ?? ''
}
