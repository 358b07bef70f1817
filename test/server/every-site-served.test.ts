import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cheerio from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Article, Site } from '../../src/content/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import {
  createPublicSite,
  installationSites,
  type SiteDirectory,
  ViewCounter,
} from '../../src/server/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'

for (const engine of engines()) {
  describe(`${engine.name}: fabu serve with several sites`, () => {
    const t = useContent(engine)
    let data: string
    let publisher: Publisher
    let sites: SiteDirectory
    let counter: ViewCounter
    let app: FastifyInstance
    let jyj: Site
    const notices = new Map<string, Article>()

    /** A column 通知公告 with one published article, published into the data folder. */
    const publishSite = async (site: Site) => {
      const column = await t.content.columns.create(editor, {
        siteId: site.id,
        name: '通知公告',
        slug: 'tzgg',
      })
      const draft = await t.content.articles.create(editor, {
        columnId: column.id,
        title: `${site.name}防汛通知`,
        bodyHtml: `<p>${site.name}的防汛通知正文。</p>`,
      })
      await t.content.articles.publish(editor, draft.id)
      await publisher.publish({ site: site.id })
      // Read back after the publish, which gave it its URL.
      notices.set(site.slug, await t.content.articles.get(draft.id))
    }
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ url, headers: { host: '127.0.0.1:8080', ...headers } })

    beforeEach(async () => {
      data = await mkdtemp(join(tmpdir(), 'fabu-sites-'))
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: (slug, prefix) => join(data, 'sites', slug, prefix),
        manifestDir: join(data, 'manifests'),
        workers: 1,
      })
      jyj = await t.content.sites.create(editor, {
        slug: 'jyj',
        name: '区教育局',
        baseUrl: 'https://jyj.example.gov.cn/',
      })
      await publishSite(t.site)
      await publishSite(jyj)
      sites = installationSites({ store: t.store, content: t.content, dataDir: data, refreshEveryMs: 50 })
      await sites.start()
      counter = new ViewCounter(t.store)
      app = await createPublicSite({ sites, counter, search: { store: t.store } })
    })
    afterEach(async () => {
      await app.close()
      sites.close()
      await counter.close()
      await publisher.close()
      await rm(data, { recursive: true, force: true })
    })

    it('answers each site’s host with that site’s pages, and <slug>.localhost too', async () => {
      const simt = await get('/index.html', { host: 'www.simt.com.cn' })
      expect(simt.statusCode).toBe(200)
      expect(simt.body).toContain('上海市计量测试技术研究院防汛通知')
      expect(simt.body).not.toContain('区教育局')
      const education = await get('/index.html', { host: 'JYJ.example.gov.cn:443' })
      expect(education.body).toContain('区教育局防汛通知')
      expect(education.body).not.toContain('上海市计量测试技术研究院')
      expect((await get('/', { host: 'jyj.localhost:8080' })).body).toContain('区教育局防汛通知')
      const article = notices.get('jyj')?.urlPath ?? ''
      expect((await get(`/${article}`, { host: 'jyj.example.gov.cn' })).body).toContain('防汛通知正文')
    })

    it('serves the oldest site at / on a host naming none, and another under /<slug>/ with its links working', async () => {
      expect((await get('/')).body).toContain('上海市计量测试技术研究院防汛通知')
      expect((await get('/jyj')).headers.location).toBe('/jyj/')
      const home = await get('/jyj/')
      expect(home.statusCode).toBe(200)
      expect(home.body).toContain('区教育局防汛通知')
      // Its pages link from `/`; coming from a page under /jyj/, the reader is sent back under it.
      const $ = cheerio.load(home.body)
      const links = [
        $('link[rel=stylesheet]').attr('href'),
        $('a')
          .filter((_, a) => $(a).text().includes('防汛通知'))
          .attr('href'),
      ]
      for (const link of links) {
        expect(link?.startsWith('/')).toBe(true)
        const sent = await get(link ?? '', { referer: 'http://127.0.0.1:8080/jyj/index.html' })
        expect(sent.statusCode).toBe(307)
        expect(sent.headers.location).toBe(`/jyj${link}`)
        expect((await get(String(sent.headers.location))).statusCode).toBe(200)
      }
      // Without that Referer the same path is the default site's.
      expect((await get('/index.html')).body).toContain('上海市计量测试技术研究院')
      expect((await get('/index.html')).headers.vary).toContain('referer')
    })

    it('gives each site its own 404 page', async () => {
      const simt = await get('/no-such-page.html', { host: 'www.simt.com.cn' })
      expect(simt.statusCode).toBe(404)
      expect(simt.body).toContain('上海市计量测试技术研究院')
      const education = await get('/jyj/no-such-page.html')
      expect(education.statusCode).toBe(404)
      expect(education.body).toContain('区教育局')
      expect(education.body).not.toContain('上海市计量测试技术研究院')
      expect(education.headers['content-security-policy']).toContain("script-src 'self'")
    })

    it('searches the site asked, by host and by prefix', async () => {
      for (const [url, host] of [
        ['/_fabu/search?q=防汛', 'jyj.example.gov.cn'],
        ['/jyj/_fabu/search?q=防汛', '127.0.0.1:8080'],
      ] as const) {
        const answer = await get(url, { host })
        expect(answer.statusCode).toBe(200)
        expect(answer.json().results.map((hit: { title: string }) => hit.title)).toEqual(['区教育局防汛通知'])
      }
      const simt = await get('/_fabu/search?q=防汛', { host: 'www.simt.com.cn' })
      expect(simt.json().results.map((hit: { title: string }) => hit.title)).toEqual([
        '上海市计量测试技术研究院防汛通知',
      ])
    })

    it('counts views of each site’s articles on its own counter URL', async () => {
      const id = notices.get('jyj')?.id
      const byPrefix = await app.inject({
        method: 'POST',
        url: `/jyj/_fabu/hits?id=${id}`,
        headers: { host: '127.0.0.1:8080', 'user-agent': BROWSER },
      })
      expect(byPrefix.json()).toEqual({ id, views: 1 })
      const byHost = await app.inject({
        method: 'POST',
        url: `/_fabu/hits?id=${id}`,
        headers: { host: 'jyj.example.gov.cn', 'user-agent': BROWSER },
        remoteAddress: '198.51.100.9',
      })
      expect(byHost.json()).toEqual({ id, views: 2 })
    })

    it('serves a site created while it runs, under its host and base path, without a restart', async () => {
      expect((await get('/kx/index.html', { host: 'www.simt.com.cn' })).statusCode).toBe(404)
      const kx = await t.content.sites.create(editor, {
        slug: 'kx',
        name: '科普园地',
        baseUrl: 'https://www.simt.com.cn/kx/',
        outputPrefix: 'kx',
      })
      await publishSite(kx)
      await vi.waitFor(
        async () =>
          expect((await get('/kx/index.html', { host: 'www.simt.com.cn' })).body).toContain(
            '科普园地防汛通知',
          ),
        { timeout: 10_000, interval: 50 },
      )
      // Its links start with /kx/, so they work on a host naming no site as well.
      const home = await get('/kx/index.html')
      expect(home.body).toContain('科普园地防汛通知')
      const style = cheerio.load(home.body)('link[rel=stylesheet]').attr('href')
      expect(style).toBe('/kx/assets/style.css')
      expect((await get(style ?? '')).statusCode).toBe(200)
      expect((await get('/index.html', { host: 'www.simt.com.cn' })).body).toContain(
        '上海市计量测试技术研究院',
      )
    })
  })
}
