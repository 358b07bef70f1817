import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'

for (const engine of engines()) {
  describe(`${engine.name}: the audit log`, () => {
    const t = useContent(engine)

    async function someHistory() {
      const c = await t.content.columns.create(editor, { siteId: t.site.id, name: '通知公告', slug: 'tzgg' })
      const a = await t.content.articles.create(editor, { columnId: c.id, title: '放假通知' })
      await t.content.articles.publish(editor, a.id)
      return { c, a }
    }

    it('records who did what to what, when, from where, and the outcome', async () => {
      const { a } = await someHistory()
      const [latest] = await t.content.audit.list({ limit: 1 })
      expect(latest).toMatchObject({
        actor: '张编辑 (u-7)',
        address: '192.0.2.7',
        action: 'article.publish',
        targetType: 'article',
        targetId: String(a.id),
        outcome: 'success',
        at: '2026-11-27T08:00:00.000Z',
      })
    })

    it('records refused attempts too, with the error code', async () => {
      const { a } = await someHistory()
      await t.content.articles.update(editor, a.id, { baseRevision: 1, title: '改过' })
      await expect(t.content.articles.update(editor, a.id, { baseRevision: 1, title: 'x' })).rejects.toThrow()
      const [latest] = await t.content.audit.list({ limit: 1 })
      expect(latest).toMatchObject({
        action: 'article.update',
        outcome: 'failure',
        errorCode: 'VERSION_CONFLICT',
      })
    })

    it('verifies an untouched chain as intact', async () => {
      await someHistory()
      const result = await t.content.audit.verify()
      expect(result).toEqual({ isIntact: true, checked: 4, legacy: 0, checkpoints: 0 })
    })

    it('detects a record edited behind the services back', async () => {
      await someHistory()
      const [, second] = await t.store.db.selectFrom('audit_log').select('id').orderBy('id').execute()
      // An intruder with database access first removes the append-only guard.
      await dropAppendOnlyGuard()
      await sql`update audit_log set actor = ${'某人 (u-1)'} where id = ${second?.id}`.execute(t.store.db)
      const result = await t.content.audit.verify()
      expect(result).toMatchObject({ isIntact: false, brokenAt: second?.id })
    })

    it('detects a record deleted from the middle', async () => {
      await someHistory()
      const ids = (await t.store.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      )
      await dropAppendOnlyGuard()
      await sql`delete from audit_log where id = ${ids[1]}`.execute(t.store.db)
      expect(await t.content.audit.verify()).toMatchObject({ isIntact: false, brokenAt: ids[2] })
    })

    it('detects records cut off the end', async () => {
      await someHistory()
      const ids = (await t.store.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      )
      await dropAppendOnlyGuard()
      await sql`delete from audit_log where id = ${ids.at(-1)}`.execute(t.store.db)
      expect(await t.content.audit.verify()).toMatchObject({
        isIntact: false,
        reason: 'records are missing from the end of the log',
      })
    })

    it('does not mistake records appended during a check for tampering', async () => {
      const c = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      const writes = Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.content.articles.create(editor, { columnId: c.id, title: `并发 ${i}` }),
        ),
      )
      const checks = await Promise.all(Array.from({ length: 5 }, () => t.content.audit.verify()))
      await writes
      for (const check of checks) expect(check.isIntact).toBe(true)
    })

    it('keeps one chain when many services append at once', async () => {
      const c = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          t.content.articles.create(editor, { columnId: c.id, title: `并发 ${i}` }),
        ),
      )
      expect(await t.content.audit.verify()).toMatchObject({ isIntact: true, checked: 17 })
    })

    async function dropAppendOnlyGuard() {
      if (engine.name === 'postgres') {
        await sql`drop trigger audit_log_no_update on audit_log`.execute(t.store.db)
      } else {
        await sql`drop trigger audit_log_no_update`.execute(t.store.db)
        await sql`drop trigger audit_log_no_delete`.execute(t.store.db)
      }
    }
  })
}
