import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createWorkspace, operatorAccess, systemActor } from '../../src/content/index.ts'
import { createSiteTemplates } from '../../src/publish/index.ts'
import type { Store } from '../../src/store/index.ts'
import { useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'

/** Makes the audit log refuse one action, as a crash between a save's writes would leave it. */
async function failAuditOf(store: Store, action: string): Promise<void> {
  if (store.engine === 'sqlite') {
    await sql
      .raw(`create trigger fail_audit before insert on audit_log when new.action = '${action}'
        begin select raise(abort, 'the disk went away'); end`)
      .execute(store.db)
    return
  }
  await sql
    .raw(`create function fail_audit() returns trigger language plpgsql as $$
      begin if new.action = '${action}' then raise exception 'the disk went away'; end if; return new; end $$;
      create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`)
    .execute(store.db)
}

for (const engine of engines()) {
  describe(`${engine.name}: saving a site's template`, () => {
    const t = useContent(engine)

    it('writes the template, its change for the publisher and its audit record together, or none of them', async () => {
      const workspace = createWorkspace(t.content, t.store, {
        actor: systemActor('cli:test'),
        access: operatorAccess,
      })
      const templates = createSiteTemplates(t.store)
      const changesBefore = await t.store.db.selectFrom('changes').select('id').execute()
      await failAuditOf(t.store, 'template.save')
      await expect(
        templates.save(workspace, t.site.id, 'article.liquid', '<p>{{ article.title }}</p>'),
      ).rejects.toThrow('the disk went away')
      const stored = await t.store.db.selectFrom('site_templates').selectAll().execute()
      const changesAfter = await t.store.db.selectFrom('changes').select('id').execute()
      expect(stored).toEqual([])
      expect(changesAfter).toEqual(changesBefore)

      await sql
        .raw('drop trigger fail_audit' + (t.store.engine === 'postgres' ? ' on audit_log' : ''))
        .execute(t.store.db)
      await templates.save(workspace, t.site.id, 'article.liquid', '<p>{{ article.title }}</p>')
      expect(await t.store.db.selectFrom('site_templates').select('name').execute()).toEqual([
        { name: 'article.liquid' },
      ])
      const change = await t.store.db
        .selectFrom('changes')
        .select(['entity', 'action'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(change).toEqual({ entity: 'template', action: 'article.liquid' })
    })
  })
}
