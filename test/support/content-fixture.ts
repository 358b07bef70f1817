import { afterEach, beforeEach } from 'vitest'
import {
  type Actor,
  type Content,
  type ContentOptions,
  createContent,
  type Site,
} from '../../src/content/index.ts'
import type { Store } from '../../src/store/index.ts'
import type { TestEngine, TestStore } from './engines.ts'

const START = new Date('2026-11-27T08:00:00.000Z')

export const editor: Actor = Object.freeze({ id: 'u-7', name: '张编辑', address: '192.0.2.7' })

export interface ContentFixture {
  store: Store
  content: Content
  /** A site with an org code, created fresh for each test. */
  site: Site
  /** The clock the services read; tests move it. */
  clock: { now: Date }
  /** A second connection to the same database, as another process would have; the caller closes it. */
  openAnotherStore(): Promise<Store>
}

/** A fresh store, the content services over it and one site, for every test of the suite. */
export function useContent(engine: TestEngine, options: ContentOptions = {}): ContentFixture {
  const fixture = { clock: { now: START } } as ContentFixture
  let opened: TestStore
  beforeEach(async () => {
    fixture.clock.now = START
    opened = await engine.open()
    fixture.store = opened.store
    fixture.openAnotherStore = () => opened.openAnother()
    fixture.content = createContent(opened.store, { ...options, now: () => fixture.clock.now })
    fixture.site = await fixture.content.sites.create(editor, {
      slug: 'simt',
      name: '上海市计量测试技术研究院',
      baseUrl: 'https://www.simt.com.cn',
      orgCode: '42500000X',
    })
  })
  afterEach(async () => {
    await opened?.dispose()
  })
  return fixture
}

/** How many rows a table holds, for tests that check nothing was half-written. */
export async function countRows(
  store: Store,
  table: 'articles' | 'article_revisions' | 'changes' | 'columns' | 'article_columns' | 'audit_log',
) {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
