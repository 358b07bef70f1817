import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { editor } from '../../test/support/content-fixture.ts'
import { engines, type TestStore } from '../../test/support/engines.ts'
import type { NewArticleRow } from '../store/index.ts'
import { MAX_MERGED_COLUMNS } from './article-list-page.ts'
import { inColumns } from './article-membership.ts'
import type { ArticleQuery } from './article-query.ts'
import { type Content, createContent } from './content.ts'

const ARTICLES = 3000
const WORDS = ['计量', '检定', '校准', '标准物质', '文明单位', '营商环境', '质量']

/**
 * The list as one statement, as it was read before it was split into an index walk for the
 * page's ids and a count: the reference the faster shape must agree with, row for row.
 */
async function listedInOneStatement(
  t: TestStore,
  siteId: number,
  query: ArticleQuery,
  columnIds: number[] | null,
) {
  let select = t.store.db
    .selectFrom('articles')
    .where('site_id', '=', siteId)
    .where('deleted_at', query.isDeleted ? 'is not' : 'is', null)
  if (query.status) select = select.where('status', '=', query.status)
  if (query.text) select = select.where(sql<boolean>`title like ${`%${query.text}%`}`)
  if (columnIds) select = select.where(inColumns(columnIds))
  const counted = await select.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const sort = query.sort ?? 'default'
  const order = query.order ?? 'desc'
  const sorted =
    sort === 'default'
      ? select
          .orderBy('weight', 'desc')
          .orderBy('publish_at', (o) => o.desc().nullsLast())
          .orderBy('id', 'desc')
      : select
          .orderBy(
            (
              {
                title: 'title',
                publishAt: 'publish_at',
                updatedAt: 'updated_at',
                createdAt: 'created_at',
                id: 'id',
              } as const
            )[sort],
            order,
          )
          .orderBy('id', order)
  const rows = await sorted
    .select('id')
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0)
    .execute()
  return { ids: rows.map((row) => row.id), total: Number(counted.n) }
}

for (const engine of engines()) {
  describe(`${engine.name}: the admin's article list on a site of ${ARTICLES} articles`, () => {
    let t: TestStore
    let content: Content
    let siteId: number
    let sectionId: number
    let leafId: number
    let sectionIds: number[]

    beforeAll(async () => {
      t = await engine.open()
      content = createContent(t.store)
      const site = await content.sites.create(editor, {
        slug: 'simt',
        name: '上海市计量测试技术研究院',
        baseUrl: 'https://www.simt.com.cn',
        orgCode: '42500000X',
      })
      siteId = site.id
      const columnIds: number[] = []
      for (let s = 0; s < 3; s++) {
        const section = await content.columns.create(editor, { siteId, name: `栏目${s}`, slug: `s${s}` })
        columnIds.push(section.id)
        for (let c = 0; c < 3; c++) {
          const child = await content.columns.create(editor, {
            siteId,
            parentId: section.id,
            name: `栏目${s}-${c}`,
            slug: `c${c}`,
          })
          columnIds.push(child.id)
          if (c === 0) {
            const grandchild = await content.columns.create(editor, {
              siteId,
              parentId: child.id,
              name: `栏目${s}-${c}-0`,
              slug: 'g0',
            })
            columnIds.push(grandchild.id)
          }
        }
      }
      sectionId = columnIds[0] ?? 0
      leafId = columnIds[2] ?? 0
      sectionIds = columnIds.slice(0, 5)
      const random = seeded(7)
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T
      const rows: NewArticleRow[] = []
      for (let i = 0; i < ARTICLES; i++) {
        const draft = random() < 0.1
        // Few distinct minutes, so many articles share a publish time and the id decides.
        const publishAt = draft
          ? null
          : new Date(Date.UTC(2020, 0, 1 + Math.floor(random() * 400))).toISOString()
        const deleted = random() < 0.05
        rows.push(
          articleRow({
            site_id: siteId,
            column_id: pick(columnIds),
            title: `${pick(WORDS)}${pick(WORDS)}工作通报（第${i + 1}期）`,
            weight: random() < 0.03 ? 1 + Math.floor(random() * 3) : 0,
            status: draft ? 'draft' : pick(['published', 'published', 'published', 'withdrawn']),
            publish_at: publishAt,
            updated_at: new Date(Date.UTC(2024, 0, 1, 0, Math.floor(random() * 100_000))).toISOString(),
            deleted_at: deleted ? '2026-01-01T00:00:00.000Z' : null,
            deleted_by: deleted ? 'test' : null,
          }),
        )
      }
      for (let i = 0; i < rows.length; i += 50)
        await t.store.db
          .insertInto('articles')
          .values(rows.slice(i, i + 50))
          .execute()
      // Quotes (引用): from inside the section into it, from outside into it, and elsewhere.
      const ids = (await t.store.db.selectFrom('articles').select(['id', 'column_id']).execute()).slice(
        0,
        600,
      )
      const quotes = new Map<string, { article_id: number; column_id: number }>()
      for (const article of ids) {
        const column = pick(columnIds)
        if (column !== article.column_id)
          quotes.set(`${article.id}:${column}`, { article_id: article.id, column_id: column })
      }
      await t.store.db
        .insertInto('article_columns')
        .values([...quotes.values()])
        .execute()
      await t.store.refreshStatistics()
      return () => t.dispose()
    }, 120_000)

    async function expectSameRows(query: Omit<ArticleQuery, 'site'>, columnIds: number[] | null = null) {
      const listed = await content.articles.list({ site: siteId, ...query })
      const expected = await listedInOneStatement(t, siteId, { site: siteId, ...query }, columnIds)
      expect(expected.ids.length).toBeGreaterThan(0)
      expect({ ids: listed.items.map((article) => article.id), total: listed.total }).toEqual(expected)
    }

    it('lists the whole site pinned first, then newest first, drafts last', async () => {
      await expectSameRows({ limit: 100 })
      await expectSameRows({ limit: 20, offset: 20 })
    })

    it('lists a section with its children and grandchildren, and the articles quoted into them, each once', async () => {
      await expectSameRows({ columnId: sectionId, includesDescendants: true, limit: 200 }, sectionIds)
      await expectSameRows(
        { columnId: sectionId, includesDescendants: true, limit: 20, offset: 400 },
        sectionIds,
      )
      await expectSameRows({ columnId: leafId, limit: 500 }, [leafId])
      await expectSameRows(
        { columnId: sectionId, includesDescendants: true, status: 'withdrawn' },
        sectionIds,
      )
    })

    it('lists a section of more columns than are merged one by one, quotes included, as the one statement does', async () => {
      const wide = await content.columns.create(editor, { siteId, name: '部门信息公开', slug: 'bmxxgk' })
      const children: number[] = []
      for (let i = 0; i <= MAX_MERGED_COLUMNS; i++)
        children.push(
          (
            await content.columns.create(editor, {
              siteId,
              parentId: wide.id,
              name: `部门${i}`,
              slug: `bm${i}`,
            })
          ).id,
        )
      const moved = await t.store.db.selectFrom('articles').select('id').orderBy('id').limit(300).execute()
      for (const [i, { id }] of moved.entries())
        await t.store.db
          .updateTable('articles')
          .set({ column_id: children[i % children.length] ?? wide.id })
          .where('id', '=', id)
          .execute()
      const quotedIn = await t.store.db
        .selectFrom('articles')
        .select('id')
        .orderBy('id')
        .offset(400)
        .limit(5)
        .execute()
      await t.store.db
        .insertInto('article_columns')
        .values(quotedIn.map(({ id }) => ({ article_id: id, column_id: children[0] ?? wide.id })))
        .execute()
      const wideIds = [wide.id, ...children]
      await expectSameRows({ columnId: wide.id, includesDescendants: true, limit: 50, offset: 20 }, wideIds)
      await expectSameRows({ columnId: wide.id, includesDescendants: true, text: '计量' }, wideIds)
    })

    it('finds articles by a word of the title, in the whole site and in a section', async () => {
      await expectSameRows({ text: '标准物质', limit: 100 })
      await expectSameRows({ text: '计量', limit: 20, offset: 300 })
      await expectSameRows({ text: '校准', columnId: sectionId, includesDescendants: true }, sectionIds)
    })

    it('lists the same articles without their bodies when the list shows none', async () => {
      const whole = await content.articles.list({ site: siteId, limit: 30, offset: 100 })
      const bare = await content.articles.list({ site: siteId, limit: 30, offset: 100, withBodies: false })
      expect(whole.items[0]?.bodyHtml).toBe('<p>正文</p>')
      expect(bare.items.map((item) => item.bodyHtml)).toEqual(bare.items.map(() => ''))
      expect(bare.total).toBe(whole.total)
      expect(bare.items).toEqual(whole.items.map((item) => ({ ...item, bodyHtml: '' })))
    })

    it('pages on from a deep page, back and again, as the one statement does', async () => {
      for (const offset of [2000, 2000, 2020, 2040, 1990, 2039, 2500, 0, 20, 2000])
        await expectSameRows({ limit: 20, offset })
      for (const offset of [400, 400, 420, 380])
        await expectSameRows(
          { columnId: sectionId, includesDescendants: true, limit: 20, offset },
          sectionIds,
        )
      await expectSameRows({ status: 'published', limit: 50, offset: 1000 })
      await expectSameRows({ status: 'published', limit: 50, offset: 1050 })
    })

    it('opens a deep page, the last page and sorted pages as the one statement does', async () => {
      await expectSameRows({ limit: 20, offset: 2000 })
      const last = await content.articles.list({ site: siteId, limit: 20, offset: 2840 })
      expect(last.items.length).toBe(last.total - 2840)
      await expectSameRows({ limit: 20, offset: 2840 })
      await expectSameRows({ sort: 'title', order: 'asc', limit: 50, offset: 1000 })
      await expectSameRows({ sort: 'publishAt', order: 'asc', limit: 50, offset: 10 })
      await expectSameRows({ sort: 'updatedAt', order: 'desc', limit: 50 }, null)
      await expectSameRows(
        {
          columnId: sectionId,
          includesDescendants: true,
          sort: 'publishAt',
          order: 'desc',
          limit: 50,
          offset: 100,
        },
        sectionIds,
      )
      await expectSameRows({ isDeleted: true, limit: 50 })
    })
  })
}

function articleRow(
  fields: Partial<NewArticleRow> & Pick<NewArticleRow, 'site_id' | 'column_id' | 'title'>,
): NewArticleRow {
  return {
    subtitle: '',
    source: '',
    author: '',
    summary: '',
    keywords: '[]',
    body_html: '<p>正文</p>',
    cover_image: null,
    attachments: '[]',
    custom_fields: '{}',
    weight: 0,
    publish_at: null,
    first_published_at: null,
    status: 'draft',
    external_url: null,
    url_path: null,
    url_column_id: null,
    revision: 1,
    index_no: null,
    topic_category: null,
    issuing_agency: null,
    written_date: null,
    document_no: null,
    subject_words: '[]',
    created_by: 'test',
    created_at: '2024-01-01T00:00:00.000Z',
    updated_by: 'test',
    updated_at: '2024-01-01T00:00:00.000Z',
    deleted_at: null,
    deleted_by: null,
    ...fields,
  }
}

/** A small seeded generator, so every run lists the same corpus. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let r = state
    r = Math.imul(r ^ (r >>> 15), r | 1)
    r ^= r + Math.imul(r ^ (r >>> 7), r | 61)
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}
