import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertArticleRows, publishedArticleRow } from '../../../bench/generate-corpus.ts'
import { engines, type TestStore } from '../../../test/support/engines.ts'
import { createContent, systemActor } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import { memoryListSource, queryListSource } from './list-source.ts'

/** A few publish times, so that articles share one and are ordered by id among themselves. */
const TIMES = ['2024-01-01T08:00:00.000Z', '2024-01-02T08:00:00.000Z', '2024-01-03T08:00:00.000Z']

for (const engine of engines()) {
  describe(`where an article falls in its lists (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let siteId: number
    let columns: number[]
    let run = 0

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      const content = createContent(store)
      const actor = systemActor('cli:test')
      siteId = (
        await content.sites.create(actor, {
          slug: 'lists',
          name: '列表',
          baseUrl: 'https://lists.example.cn',
        })
      ).id
      columns = []
      for (const slug of ['a', 'b', 'c'])
        columns.push((await content.columns.create(actor, { siteId, name: slug, slug })).id)
    })
    afterAll(async () => {
      await opened.dispose()
    })

    it('is the same counted from either end of a list, a section of two columns and articles quoted in too, as in a full run', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ column: fc.nat(2), time: fc.nat(TIMES.length - 1), isQuoted: fc.boolean() }), {
            maxLength: 30,
          }),
          fc.nat(8),
          async (articles, nearTheEnd) => {
            run++
            await store.db.deleteFrom('article_columns').where('column_id', 'in', columns).execute()
            await store.db.deleteFrom('articles').where('site_id', '=', siteId).execute()
            await insertArticleRows(
              store,
              articles.map((article, i) => ({
                ...publishedArticleRow({
                  siteId,
                  columnId: columns[article.column] as number,
                  title: `第${i}篇`,
                  bodyHtml: '<p>正文</p>',
                  publishAt: TIMES[article.time] as string,
                  createdAt: TIMES[0] as string,
                }),
                url_path: `r${run}/${i}.html`,
              })),
            )
            const [a, b, c] = columns as [number, number, number]
            // Articles of column c (in no list here) quoted into a: members of a's lists too.
            const quotedIds = (
              await store.db
                .selectFrom('articles')
                .select('id')
                .where('site_id', '=', siteId)
                .where('column_id', '=', c)
                .orderBy('id')
                .execute()
            )
              .filter((_, i) => articles.filter((article) => article.column === 2)[i]?.isQuoted)
              .map((row) => row.id)
            if (quotedIds.length > 0)
              await store.db
                .insertInto('article_columns')
                .values(quotedIds.map((id) => ({ article_id: id, column_id: a })))
                .execute()
            // Column a alone, and a section (b) that lists both.
            const members = new Map([
              [a, [a]],
              [b, [a, b]],
            ])
            const byQuery = queryListSource(store, siteId, members, '/', nearTheEnd)
            const inMemory = await memoryListSource(store, siteId, members, '/')
            const rows = await store.db
              .selectFrom('articles')
              .select(['id', 'column_id', 'publish_at'])
              .where('site_id', '=', siteId)
              .execute()
            for (const row of rows) {
              for (const list of [a, b]) {
                const inList = rows.filter(
                  (other) =>
                    (members.get(list) ?? []).includes(other.column_id) || quotedIds.includes(other.id),
                )
                const before = inList.filter(
                  (other) =>
                    (other.publish_at ?? '') < (row.publish_at ?? '') ||
                    (other.publish_at === row.publish_at && other.id < row.id),
                ).length
                const publishAt = row.publish_at ?? ''
                expect(await byQuery.countBefore(list, publishAt, row.id)).toBe(before)
                expect(await inMemory.countBefore(list, publishAt, row.id)).toBe(before)
              }
            }
          },
        ),
        { numRuns: 25 },
      )
    }, 120_000)
  })
}
