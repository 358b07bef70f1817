import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { Column } from '../../src/content/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

/**
 * A server's publisher keeps its runs' lists (the newest articles of each column, how many
 * archive pages each has) for its next run of the site, and reads again only what that run's
 * changes can have touched. What it publishes must be what a publisher that keeps nothing
 * would: a full publish afterwards finds nothing to rewrite or remove.
 */
for (const engine of engines()) {
  describe(`${engine.name}: a server's publisher, run after run`, () => {
    const t = usePublishedSite(engine, { keepsWorkers: true })

    /** The k-th newest article at home in the column, if it has that many. */
    const nth = async (column: Column, k: number) =>
      (await t.content.articles.list({ site: t.site.id, columnId: column.id, limit: 1, offset: k })).items[0]

    it('publishes what a full publish would, whatever editors change between its runs', async () => {
      // By name, so that a counterexample reads short.
      const column = fc.constantFrom('ynyw' as const, 'mtjj' as const, 'tzgg' as const)
      const change = fc.oneof(
        fc.record({ kind: fc.constant('add' as const), column, day: fc.integer({ min: 1, max: 28 }) }),
        fc.record({ kind: fc.constant('retitle' as const), column, k: fc.nat(4) }),
        fc.record({ kind: fc.constant('withdraw' as const), column, k: fc.nat(4) }),
        fc.record({ kind: fc.constant('pin' as const), column, k: fc.nat(4), weight: fc.constantFrom(0, 5) }),
        fc.record({ kind: fc.constant('quote' as const), column, k: fc.nat(4), into: column }),
        fc.record({ kind: fc.constant('move' as const), column, k: fc.nat(4), to: column }),
        fc.record({ kind: fc.constant('order' as const), column }),
      )
      let made = 0
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
          async (runs) => {
            for (const changes of runs) {
              for (const each of changes) {
                if (each.kind === 'add') {
                  await t.article(t.columns[each.column], `新稿${++made}`, each.day)
                  continue
                }
                if (each.kind === 'order') {
                  const listed = await t.content.articles.list({
                    site: t.site.id,
                    columnId: t.columns[each.column].id,
                    limit: 3,
                  })
                  await t.content.articles.orderManually(
                    editor,
                    t.columns[each.column].id,
                    listed.items.map((article) => article.id).reverse(),
                  )
                  continue
                }
                const article = await nth(t.columns[each.column], each.k)
                if (article?.status !== 'published') continue
                const base = { baseRevision: article.revision }
                if (each.kind === 'retitle')
                  await t.content.articles.update(editor, article.id, { ...base, title: `改题${++made}` })
                else if (each.kind === 'withdraw')
                  await t.content.articles.withdraw(editor, article.id, '撤下')
                else if (each.kind === 'pin')
                  await t.content.articles.update(editor, article.id, { ...base, weight: each.weight })
                else if (each.kind === 'quote' && each.into !== each.column)
                  await t.content.articles.update(editor, article.id, {
                    ...base,
                    alsoInColumnIds: [t.columns[each.into].id],
                  })
                else if (each.kind === 'move' && each.to !== each.column)
                  await t.content.articles.update(editor, article.id, {
                    ...base,
                    columnId: t.columns[each.to].id,
                  })
              }
              const run = await t.publish()
              expect(run.failed).toEqual([])
            }
            const full = await t.publish('full')
            expect(full.failed).toEqual([])
            expect(full.removed).toEqual([])
            expect(full.written).toEqual([])
          },
        ),
        { numRuns: 10, endOnFailure: true },
      )
    }, 120_000)

    it('reads the list pages again after another process died part-way through a run', async () => {
      // The other process writes and records 通知公告's second archive page for a fourth
      // notice, then dies before its run is recorded (a trigger fails the insert, as a full disk
      // or a kill would): the server's publisher's own run is still the site's last. The notice
      // is withdrawn; the page that listed it must go.
      await t.article(t.columns.tzgg, '通知3', 23)
      await t.publish()
      const fourth = await t.article(t.columns.tzgg, '通知4', 24)
      const failRuns =
        engine.name === 'sqlite'
          ? [
              sql`create trigger fail_runs before insert on publish_runs begin select raise(abort, '磁盘故障'); end`,
            ]
          : [
              sql`create function fail_runs() returns trigger language plpgsql as $$ begin raise exception '磁盘故障'; end $$`,
              sql`create trigger fail_runs before insert on publish_runs for each row execute function fail_runs()`,
            ]
      for (const statement of failRuns) await statement.execute(t.store.db)
      const other = new Publisher(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        manifestDir: join(t.output, 'manifests'),
        workers: 1,
      })
      try {
        await expect(other.publish({ site: t.site.id })).rejects.toThrow()
      } finally {
        await other.close()
        await sql
          .raw(engine.name === 'sqlite' ? 'drop trigger fail_runs' : 'drop trigger fail_runs on publish_runs')
          .execute(t.store.db)
      }
      expect(existsSync(join(t.output, 'site', 'tzgg', 'index_2.html'))).toBe(true)
      await t.content.articles.withdraw(editor, fourth.id, '撤下')
      const run = await t.publish()
      expect(run.removed).toContain('tzgg/index_2.html')
      expect(existsSync(join(t.output, 'site', 'tzgg', 'index_2.html'))).toBe(false)
      const full = await t.publish('full')
      expect(full.written).toEqual([])
      expect(full.removed).toEqual([])
    })

    it('reads the lists again when another process published the site in between', async () => {
      // A second publisher (another worker of a cluster, or `fabu publish` beside the server)
      // publishes a 院内要闻 article the home page shows; the server's publisher then publishes
      // a 通知 and renders the home page again, 新闻中心's block included.
      await t.article(t.columns.tzgg, '服务器发布的通知', 24)
      await t.publish()
      const other = new Publisher(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        manifestDir: join(t.output, 'manifests'),
        workers: 1,
      })
      try {
        await t.article(t.columns.ynyw, '另一进程发布的要闻', 9)
        await other.publish({ site: t.site.id })
      } finally {
        await other.close()
      }
      expect(await t.read('index.html')).toContain('另一进程发布的要闻')
      await t.article(t.columns.tzgg, '服务器再发布的通知', 25)
      const run = await t.publish()
      expect(run.written).toContain('index.html')
      const home = await t.read('index.html')
      expect(home).toContain('服务器再发布的通知')
      expect(home).toContain('另一进程发布的要闻')
    })
  })
}
