import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createContent, systemActor } from '../../src/content/index.ts'
import { SearchTimeoutError } from '../../src/errors/index.ts'
import { searchSites, withSearchDeadline } from '../../src/search/index.ts'
import { engines, type TestStore } from '../support/engines.ts'

for (const engine of engines().filter((each) => each.name === 'postgres')) {
  describe('a site search on PostgreSQL past its deadline', () => {
    let opened: TestStore
    beforeEach(async () => {
      opened = await engine.open()
    })
    afterEach(async () => {
      await opened.dispose()
    })

    it('is cancelled with SEARCH_TIMEOUT, and the next search is answered', async () => {
      const started = performance.now()
      const slow = withSearchDeadline(opened.store, (store) => sql`select pg_sleep(5)`.execute(store.db), 200)
      await expect(slow).rejects.toBeInstanceOf(SearchTimeoutError)
      await expect(slow).rejects.toMatchObject({ code: 'SEARCH_TIMEOUT', status: 503 })
      expect(performance.now() - started).toBeLessThan(4_000)
      const site = await createContent(opened.store).sites.create(systemActor('cli:test'), {
        slug: 'after',
        name: '之后',
        baseUrl: 'https://a.example.cn',
      })
      expect((await searchSites(opened.store, { siteId: site.id, q: '计量' })).total).toBe(0)
    })
  })
}
