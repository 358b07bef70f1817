import type { Kysely } from 'kysely'
import { recordChange } from '../../content/index.ts'
import type { Database, Store } from '../../store/index.ts'

/**
 * Tells the publisher a template of the site's theme changed: the pages rendered with it are
 * rebuilt. Takes the store, or the transaction the template itself is written in.
 */
export async function recordTemplateChange(
  db: Store | Kysely<Database>,
  siteId: number,
  template: string,
): Promise<void> {
  await recordChange(
    'db' in db ? db.db : db,
    { siteId, entity: 'template', entityId: 0, action: template },
    new Date().toISOString(),
  )
}
