import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, type TestStore } from '../../../test/support/engines.ts'
import { createContent, systemActor } from '../../content/index.ts'
import type { Store } from '../../store/index.ts'
import type { PageResult } from '../plan/page-job.ts'
import { pagesDependingOn, recordResults } from './published-index.ts'

const PATHS = ['index.html', 'a/index.html', 'a/index_1.html', 'a/2024/01/01/1.html']
const KEYS = ['article:1', 'article:2', 'article:3', 'newest:4', 'newest:5', 'column:6']

for (const engine of engines()) {
  describe(`what the published pages recorded showing (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let siteId: number

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      const content = createContent(store)
      siteId = (
        await content.sites.create(systemActor('cli:test'), {
          slug: 'deps',
          name: '依赖',
          baseUrl: 'https://deps.example.cn',
        })
      ).id
    })
    afterAll(async () => {
      await opened.dispose()
    })

    it('is what each page showed when last rendered, run after run', async () => {
      // Runs render some pages again, each showing some keys (a list page one article more and
      // one less); what is recorded must always be the last render's keys, nothing older.
      const render = fc.record({
        path: fc.constantFrom(...PATHS),
        deps: fc.array(fc.constantFrom(...KEYS), { maxLength: 6 }),
      })
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(render, { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
          async (runs) => {
            await store.db.deleteFrom('page_deps').where('site_id', '=', siteId).execute()
            const expected = new Map<string, Set<string>>()
            for (const pages of runs) {
              // One result per page and run, as a run renders a page once.
              const byPath = new Map(pages.map((page) => [page.path, page]))
              await recordResults(store, siteId, [...byPath.values()].map(result), '2024-01-01T00:00:00.000Z')
              for (const page of byPath.values()) expected.set(page.path, new Set(page.deps))
            }
            for (const key of KEYS) {
              const showing = [...expected].filter(([, keys]) => keys.has(key)).map(([path]) => path)
              expect((await pagesDependingOn(store, siteId, [key])).sort()).toEqual(showing.sort())
            }
          },
        ),
        { numRuns: 25 },
      )
    })
  })
}

function result(page: { path: string; deps: string[] }): PageResult {
  return {
    path: page.path,
    kind: 'list',
    refId: null,
    outcome: 'changed',
    hash: 'h',
    deps: page.deps,
    templates: ['list.liquid'],
  }
}
