import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { insertArticleRows, publishedArticleRow } from '../../bench/generate-corpus.ts'
import type { Article, Column } from '../../src/content/index.ts'
import { assignUrls } from '../../src/publish/plan/assign-urls.ts'
import { forgetPendingMoves } from '../../src/store/migrations/011-article-url-patterns.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { type PublishFixture, usePublishedSite } from '../support/publish-fixture.ts'

const REDIRECT = 'http-equiv="refresh"'

for (const engine of engines()) {
  describe(`${engine.name}: article URL patterns`, () => {
    const t = usePublishedSite(engine)

    it('publishes an article of a site with the pattern {column}/{id}.html at exactly that path, with its print view', async () => {
      await usePattern(t, '{column}/{id}.html')
      const article = await t.article(t.columns.ynyw, '按新规则发布', 9)
      const run = await t.publish()
      expect(article.urlPath).toBeNull()
      expect((await t.content.articles.get(article.id)).urlPath).toBe(`xwzx/ynyw/${article.id}.html`)
      expect(run.written).toContain(`xwzx/ynyw/${article.id}.html`)
      expect(run.written).toContain(`xwzx/ynyw/${article.id}_print.html`)
      expect(await t.read(`xwzx/ynyw/${article.id}.html`)).toContain('按新规则发布的正文')
      expect(await t.read(`xwzx/ynyw/${article.id}_print.html`)).toContain('按新规则发布的正文')
      expect(await t.read('xwzx/ynyw/index.html')).toContain(`/xwzx/ynyw/${article.id}.html`)
    })

    it('keeps the URL of every published article when the pattern changes, and gives a new article the new one', async () => {
      const old = await newestOf(t, t.columns.tzgg)
      const run = await usePattern(t, 'news/{yyyy}{mm}/t{dd}_{id}.html')
      expect(run.mode).toBe('full')
      expect(run.removed).toEqual([])
      expect((await t.content.articles.get(old.id)).urlPath).toBe(old.urlPath)
      expect(await t.read(old.urlPath ?? '')).toContain(`${old.title}的正文`)
      const article = await t.article(t.columns.tzgg, '新规则之后的通知', 27)
      await t.publish()
      const path = `news/202401/t27_${article.id}.html`
      expect((await t.content.articles.get(article.id)).urlPath).toBe(path)
      expect(await t.read(path)).toContain('新规则之后的通知的正文')
      expect(await t.read('tzgg/index.html')).toContain(`/${path}`)
    })

    it('moving an article under a pattern with {column} leaves a redirect at its old URL and its page at the new', async () => {
      await usePattern(t, '{column}/{id}.html')
      const article = await t.article(t.columns.tzgg, '要移动的通知', 28)
      await t.publish()
      await moveTo(t, article, t.columns.mtjj)
      const run = await t.publish()
      const from = `tzgg/${article.id}.html`
      const to = `xwzx/mtjj/${article.id}.html`
      expect(run.written).toEqual(expect.arrayContaining([from, `tzgg/${article.id}_print.html`, to]))
      expect(await t.read(from)).toContain(REDIRECT)
      expect(await t.read(from)).toContain(`/${to}`)
      expect(await t.read(`tzgg/${article.id}_print.html`)).toContain(`/xwzx/mtjj/${article.id}_print.html`)
      expect(await t.read(to)).toContain('要移动的通知的正文')

      // Moved back, the page is at its first URL again and the second one redirects there.
      await moveTo(t, await t.content.articles.get(article.id), t.columns.tzgg)
      await t.publish()
      expect(await t.read(from)).toContain('要移动的通知的正文')
      expect(await t.read(to)).toContain(REDIRECT)
      expect((await t.publish('full')).written).toEqual([])
      expect(await t.read(from)).toContain('要移动的通知的正文')
    })

    it('keeps the URLs of a column’s articles when the column is renamed, and moves only its own pages', async () => {
      const old = await newestOf(t, t.columns.tzgg)
      await t.content.columns.update(editor, t.columns.tzgg.id, { slug: 'gg' })
      const run = await t.publish()
      expect(run.mode).toBe('full')
      expect((await t.content.articles.get(old.id)).urlPath).toBe(old.urlPath)
      expect(run.removed).not.toContain(old.urlPath)
      expect(await t.read(old.urlPath ?? '')).toContain(`${old.title}的正文`)
      expect(await t.read('gg/index.html')).toContain(`/${old.urlPath}`)
      expect(await t.store.db.selectFrom('redirects').selectAll().execute()).toEqual([])
    })

    it('gives an article moved out of a column deleted before the next publish its new URL and a redirect', async () => {
      const temporary = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '临时栏目',
        slug: 'lslm',
      })
      const article = await t.article(temporary, '临时栏目里的文章', 28)
      await t.publish()
      const from = (await t.content.articles.get(article.id)).urlPath
      await moveTo(t, await t.content.articles.get(article.id), t.columns.tzgg)
      await t.content.columns.delete(editor, temporary.id)
      const run = await t.publish()
      expect(run.failed).toEqual([])
      const to = (await t.content.articles.get(article.id)).urlPath
      expect(to).toBe(`tzgg/2024/01/28/${article.id}.html`)
      expect(await t.read(from ?? '')).toContain(REDIRECT)
      expect(await t.read(to ?? '')).toContain('临时栏目里的文章的正文')
    })

    it('never gives a new article the URL another article got under an earlier pattern', async () => {
      // {dd}-{id} for article a on day a+1, then {id}-{dd} for article a+1 on day a: one URL.
      await usePattern(t, 'n/{dd}-{id}.html')
      const draft = async (title: string) =>
        t.content.articles.create(editor, {
          columnId: t.columns.tzgg.id,
          title,
          bodyHtml: `<p>${title}的正文</p>`,
        })
      const publishOn = async (article: Article, day: number) => {
        await t.content.articles.update(editor, article.id, {
          baseRevision: article.revision,
          publishAt: `2024-01-${String(day).padStart(2, '0')} 09:00`,
        })
        await t.content.articles.publish(editor, article.id)
      }
      const first = await draft('先发布的通知')
      const clash = `n/${first.id + 1}-${first.id}.html`
      await publishOn(first, first.id + 1)
      await t.publish()
      expect((await t.content.articles.get(first.id)).urlPath).toBe(clash)

      await usePattern(t, 'n/{id}-{dd}.html')
      const second = await draft('后发布的通知')
      expect(second.id).toBe(first.id + 1)
      await publishOn(second, first.id)
      const run = await t.publish()
      expect(run.failed).toEqual([])
      const kept = `n/${second.id}-${first.id}_${second.id}.html`
      expect((await t.content.articles.get(second.id)).urlPath).toBe(kept)
      expect(await t.read(clash)).toContain('先发布的通知的正文')
      expect(await t.read(kept)).toContain('后发布的通知的正文')
    })

    it('moving an article under a pattern without {column} keeps its URL and makes no redirect', async () => {
      await usePattern(t, 'a/{yyyy}/{id}.html')
      const article = await t.article(t.columns.tzgg, '不随栏目变的通知', 28)
      await t.publish()
      const path = `a/2024/${article.id}.html`
      expect((await t.content.articles.get(article.id)).urlPath).toBe(path)
      await moveTo(t, article, t.columns.mtjj)
      const run = await t.publish()
      expect((await t.content.articles.get(article.id)).urlPath).toBe(path)
      expect(run.removed).toEqual([])
      expect(run.written).toContain(path)
      const page = await t.read(path)
      expect(page).not.toContain(REDIRECT)
      expect(page).toContain('不随栏目变的通知的正文')
      expect(page).toContain('媒体聚焦')
      expect(await t.read('xwzx/mtjj/index.html')).toContain(`/${path}`)
      expect(await t.read('tzgg/index.html')).not.toContain('不随栏目变的通知')
      const redirects = await t.store.db.selectFrom('redirects').selectAll().execute()
      expect(redirects).toEqual([])
      expect(existsSync(join(t.output, 'site', `tzgg/${article.id}.html`))).toBe(false)
    })
  })
}

for (const engine of engines()) {
  describe(`${engine.name}: upgrading to URL patterns`, () => {
    const t = useContent(engine)

    it('counts an article moved but not republished before the upgrade as moved', async () => {
      const now = new Date().toISOString()
      const xw = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      const gg = await t.content.columns.create(editor, {
        siteId: t.site.id,
        name: '公告',
        slug: 'gg',
        parentId: xw.id,
      })
      const article = (urlPath: string) => ({
        ...publishedArticleRow({
          siteId: t.site.id,
          columnId: gg.id,
          title: urlPath,
          bodyHtml: '',
          publishAt: now,
          createdAt: now,
        }),
        url_path: urlPath,
        url_column_id: gg.id,
      })
      // The second was moved into xw/gg from 通知 (tz) before the upgrade and not published since.
      await insertArticleRows(t.store, [article('xw/gg/2024/01/01/1.html'), article('tz/2024/01/01/2.html')])
      await forgetPendingMoves(t.store.db as never)
      const rows = await t.store.db
        .selectFrom('articles')
        .select(['url_path', 'url_column_id'])
        .orderBy('id')
        .execute()
      expect(rows).toEqual([
        { url_path: 'xw/gg/2024/01/01/1.html', url_column_id: gg.id },
        { url_path: 'tz/2024/01/01/2.html', url_column_id: null },
      ])
    })
  })
}

for (const engine of engines()) {
  describe(`${engine.name}: article URLs of many articles at once`, () => {
    const t = useContent(engine)

    it('gives each of 1,100 imported articles its URL, and each its new URL and a redirect when all move', async () => {
      const site = await t.content.sites.update(editor, t.site.id, {
        articleUrlPattern: '{column}/{id}.html',
      })
      const from = await t.content.columns.create(editor, { siteId: site.id, name: '旧栏目', slug: 'old' })
      const to = await t.content.columns.create(editor, { siteId: site.id, name: '新栏目', slug: 'new' })
      const now = '2026-11-27T08:00:00.000Z'
      const rows = Array.from({ length: 1100 }, (_, i) =>
        publishedArticleRow({
          siteId: site.id,
          columnId: from.id,
          title: `导入的文章${i}`,
          bodyHtml: '<p>正文</p>',
          publishAt: now,
          createdAt: now,
        }),
      )
      await insertArticleRows(t.store, rows)
      const urls = () =>
        t.store.db.selectFrom('articles').select(['id', 'url_path', 'url_column_id']).execute()

      const tree = await t.content.columns.tree(site.id)
      expect((await assignUrls(t.store, { site, tree }, 'all')).assigned).toBe(1100)
      for (const row of await urls())
        expect(row).toEqual({ ...row, url_path: `old/${row.id}.html`, url_column_id: from.id })

      await t.store.db.updateTable('articles').set({ column_id: to.id }).execute()
      const { moved } = await assignUrls(t.store, { site, tree }, 'all')
      expect(moved).toHaveLength(1100)
      for (const row of await urls())
        expect(row).toEqual({ ...row, url_path: `new/${row.id}.html`, url_column_id: to.id })
      const redirects = await t.store.db.selectFrom('redirects').select(['from_path', 'to_path']).execute()
      expect(redirects).toHaveLength(1100)
      expect(redirects.every((r) => r.from_path.replace('old/', 'new/') === r.to_path)).toBe(true)
      expect((await assignUrls(t.store, { site, tree }, 'all')).assigned).toBe(0)
    })
  })
}

/** Changes the site's pattern and publishes the site (in full: a site change touches every page). */
async function usePattern(t: PublishFixture, articleUrlPattern: string) {
  await t.content.sites.update(editor, t.site.id, { articleUrlPattern })
  return t.publish()
}

async function newestOf(t: PublishFixture, column: Column): Promise<Article> {
  const [newest] = (await t.content.articles.list({ site: t.site.id, columnId: column.id, limit: 1 })).items
  if (!newest?.urlPath) throw new Error(`no published article in ${column.name}`)
  return newest
}

async function moveTo(t: PublishFixture, article: Article, column: Column): Promise<void> {
  await t.content.articles.update(editor, article.id, { baseRevision: article.revision, columnId: column.id })
}
