import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Content, createContent, operatorAccess, systemActor } from '../../src/content/index.ts'
import { createDemoSite } from '../../src/demo/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import {
  replaceSynonymGroups,
  SearchReaders,
  type SearchRequest,
  searchSites,
} from '../../src/search/index.ts'
import type { Store } from '../../src/store/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines, type TestStore } from '../support/engines.ts'
import { DID_YOU_MEAN, QUERY_SET, type QueryCase, SYNONYM_GROUP, WITH_SYNONYMS } from './demo-query-set.ts'
import { sqlitePathOf } from './sqlite-path-of.ts'

/** What one query found against what it should have. */
interface Outcome {
  readonly query: QueryCase
  readonly found: readonly string[]
  readonly missed: readonly string[]
  readonly extra: readonly string[]
}

for (const engine of engines()) {
  describe(`search relevance on the demo's fixed query set (${engine.name})`, () => {
    let opened: TestStore
    let store: Store
    let content: Content
    let publisher: Publisher
    let output: string
    let siteId: number

    /** Every title a query finds, across its pages. */
    const titlesFound = async (query: QueryCase): Promise<string[]> => {
      const request: Omit<SearchRequest, 'page'> = {
        siteId,
        q: query.q,
        ...(query.in ? { in: query.in } : {}),
        ...(query.column ? { column: (await content.columns.byPath(siteId, query.column)).id } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      }
      const titles: string[] = []
      for (let page = 1; ; page++) {
        const results = await searchSites(store, { ...request, page })
        titles.push(...results.results.map((hit) => hit.title))
        if (page >= results.pages) return titles
      }
    }
    const outcomeOf = async (query: QueryCase): Promise<Outcome> => {
      const found = await titlesFound(query)
      return {
        query,
        found,
        missed: query.expected.filter((title) => !found.includes(title)),
        extra: found.filter((title) => !query.expected.includes(title)),
      }
    }

    beforeAll(async () => {
      opened = await engine.open()
      store = opened.store
      content = createContent(store)
      output = await mkdtemp(join(tmpdir(), 'fabu-relevance-'))
      siteId = (await createDemoSite(content, editor)).site.id
      publisher = new Publisher(store, content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
      })
      const run = await publisher.publish({ site: siteId })
      expect(run.failed).toEqual([])
    }, 180_000)
    afterAll(async () => {
      await publisher.close()
      await opened.dispose()
      await rm(output, { recursive: true, force: true })
    })

    it('finds exactly what each query of the set names, and no page twice', async () => {
      expect(QUERY_SET.length + WITH_SYNONYMS.length).toBeGreaterThanOrEqual(30)
      const outcomes: Outcome[] = []
      for (const query of QUERY_SET) outcomes.push(await outcomeOf(query))
      await replaceSynonymGroups(store, { actor: systemActor('test'), access: operatorAccess }, siteId, [
        [...SYNONYM_GROUP],
      ])
      for (const query of WITH_SYNONYMS) outcomes.push(await outcomeOf(query))

      const relevant = outcomes.reduce((sum, outcome) => sum + outcome.query.expected.length, 0)
      const found = outcomes.reduce((sum, outcome) => sum + outcome.found.length, 0)
      const right = outcomes.reduce(
        (sum, outcome) => sum + outcome.query.expected.length - outcome.missed.length,
        0,
      )
      const recall = right / relevant
      const precision = right / found
      console.log(
        `search relevance (${engine.name}): ${outcomes.length} queries, ${relevant} expected hits, ${found} found; recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
      )
      for (const { query, found, missed, extra } of outcomes) {
        if (missed.length === 0 && extra.length === 0) continue
        console.log(
          `  ${query.kind} ${JSON.stringify(query.q)}: recall ${((query.expected.length - missed.length) / query.expected.length).toFixed(2)}, precision ${found.length === 0 ? '-' : ((found.length - extra.length) / found.length).toFixed(2)}; missed ${JSON.stringify(missed)}, extra ${JSON.stringify(extra)}`,
        )
      }
      // Substring semantics promise every query here exactly: each one is checked on its own.
      for (const { query, found } of outcomes) {
        expect.soft([...found].sort(), `${query.kind} ${query.q}`).toEqual([...query.expected].sort())
      }
      expect(recall).toBeGreaterThanOrEqual(0.95)
      expect(precision).toBeGreaterThanOrEqual(0.95)
    })

    // SQLite only: `fabu serve` searches PostgreSQL on its pool.
    if (engine.name === 'sqlite')
      it("finds the same through the server's reader threads as on the store's connection", async () => {
        const readers = new SearchReaders({ sqlitePath: await sqlitePathOf(store) })
        try {
          for (const query of [...QUERY_SET, ...WITH_SYNONYMS, ...DID_YOU_MEAN]) {
            const request: SearchRequest = {
              siteId,
              q: query.q,
              ...('in' in query && query.in ? { in: query.in } : {}),
              ...('from' in query && query.from ? { from: query.from } : {}),
              ...('to' in query && query.to ? { to: query.to } : {}),
            }
            expect
              .soft(await searchSites(store, request, readers), query.q)
              .toEqual(await searchSites(store, request))
          }
        } finally {
          await readers.close()
        }
      })

    it('suggests the title word a same-sounding typo or its pinyin meant, when nothing is found', async () => {
      for (const { q, suggests } of DID_YOU_MEAN) {
        const results = await searchSites(store, { siteId, q })
        expect.soft(results.total, q).toBe(0)
        expect.soft(results.suggestions, q).toContain(suggests)
      }
    })

    it("finds nothing by the index's own words: a title's pinyin, a site's or a column's scope", async () => {
      const column = await content.columns.byPath(siteId, 'jcdj/jswm')
      for (const q of ['jiliang', 'wenming', `s${siteId}`, `c${column.id}`, '计量 -jiliang']) {
        const results = await searchSites(store, { siteId, q })
        const expected = q.startsWith('计量') ? (await searchSites(store, { siteId, q: '计量' })).total : 0
        expect.soft(results.total, q).toBe(expected)
      }
    })

    it('lists the articles whose title holds the word before those whose body does', async () => {
      const results = await searchSites(store, { siteId, q: '志愿' })
      const inTitle = results.results.map((hit) => hit.title.includes('志愿'))
      expect(inTitle).toEqual([...inTitle].sort((a, b) => Number(b) - Number(a)))
      expect(inTitle.filter(Boolean)).toHaveLength(2)
    })
  })
}
