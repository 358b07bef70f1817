import { sql } from 'kysely'
import type { Store } from '../store/index.ts'

/**
 * Where pg-boss keeps its tables: `pgboss` beside fabu's tables in `public`, else beside the
 * schema fabu lives in (`<schema>_pgboss`), so two installations (or two test runs) sharing
 * one PostgreSQL database never take each other's jobs.
 */
export async function bossSchemaOf(store: Store): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)
  const schema = rows[0]?.schema ?? 'public'
  return schema === 'public' ? 'pgboss' : `${schema}_pgboss`
}
