import type { Kysely } from 'kysely'
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
  const into = 'db' in db ? db.db : db
  await into
    .insertInto('changes')
    .values({
      site_id: siteId,
      entity: 'template',
      entity_id: 0,
      action: template,
      created_at: new Date().toISOString(),
    })
    .execute()
}
