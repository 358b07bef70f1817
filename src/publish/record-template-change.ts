import type { Store } from '../store/index.ts'

/** Tells the publisher a template of the site's theme changed: the pages rendered with it are rebuilt. */
export async function recordTemplateChange(store: Store, siteId: number, template: string): Promise<void> {
  await store.db
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
