import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContent, systemActor } from '../../src/content/index.ts'
import { createDemoSite, seedArticle } from '../../src/demo/index.ts'
import { Publisher, SearchPageRenderer } from '../../src/publish/index.ts'
import { createPublicSite, ViewCounter } from '../../src/server/index.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { pageScriptHazards, xssVectors } from '../support/script-hazards.ts'
import { type ServeProcess, startServe, whileWatched } from '../support/serve-process.ts'

interface SearchAnswer {
  readonly total: number
  readonly page: number
  readonly results: readonly { title: string; titleHtml: string; url: string; snippetHtml: string }[]
  readonly error?: { readonly code: string }
}

/** The text of the page's search box, as a browser reads it. */
function searchBoxValue(html: string): string | undefined {
  const pending = [
    parse(html) as unknown as {
      nodeName: string
      attrs?: { name: string; value: string }[]
      childNodes?: unknown[]
    },
  ]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (
      node.nodeName === 'input' &&
      node.attrs?.some((a) => a.name === 'id' && a.value === 'search-page-q')
    ) {
      return node.attrs?.find((a) => a.name === 'value')?.value ?? ''
    }
    pending.push(...((node.childNodes ?? []) as (typeof node)[]))
  }
  return undefined
}

describe('the site search on fabu serve', () => {
  let data: string
  let server: ServeProcess
  const json = async (query: string): Promise<{ status: number; body: SearchAnswer }> => {
    const response = await fetch(`${server.publicUrl}_fabu/search?${query}`)
    return { status: response.status, body: (await response.json()) as SearchAnswer }
  }
  const page = async (query: string) => {
    const response = await fetch(`${server.publicUrl}search.html?${query}`)
    return { status: response.status, html: await response.text() }
  }

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-public-search-'))
    // Every vector is searched for below: the per-address limit is the operator's to raise.
    await writeFile(join(data, 'fabu.toml'), '[server]\nsearches_per_minute = 100000\n')
    const store = await openStore({ sqlitePath: join(data, 'fabu.db') })
    try {
      const content = createContent(store)
      await createDemoSite(content, systemActor('cli:test'))
      const publisher = new Publisher(store, content, {
        outputRootFor: (slug, prefix) => join(data, 'sites', slug, prefix),
        manifestDir: join(data, 'manifests'),
        workers: 1,
      })
      await publisher.publish({ site: 'simt' })
    } finally {
      await store.close()
    }
    server = await startServe(data, { ...process.env, DATABASE_URL: '' }, 'simt')
  }, 180_000)
  afterAll(async () => {
    await server?.stop()
    await rm(data, { recursive: true, force: true })
  })

  it('answers JSON with the seed article first and its title marked', async () => {
    const { status, body } = await json(`q=${encodeURIComponent('文明')}`)
    expect(status).toBe(200)
    expect(body.results[0]?.title).toBe(seedArticle.title)
    expect(body.results[0]?.titleHtml).toContain('<mark>文明</mark>')
    expect(body.results[0]?.url).toMatch(/^https:\/\/www\.simt\.com\.cn\/jcdj\/jswm\//)
  })

  it('renders the theme search page with the results, pages and a link to sort by time', async () => {
    const { status, html } = await page(`q=${encodeURIComponent('计量')}`)
    expect(status).toBe(200)
    expect(html).toContain('<h1>站内搜索</h1>')
    expect(html).toMatch(/找到 <strong>\d+<\/strong> 条/)
    expect(html).toContain('<mark>计量</mark>')
    expect(html).toContain('rel="next"')
    expect(html).toContain('sort=time')
    expect(searchBoxValue(html)).toBe('计量')
    // Without a query the published page is served as it is, with the syntax help.
    const blank = await fetch(`${server.publicUrl}search.html`)
    expect(await blank.text()).toContain('搜索帮助')
  })

  it('refuses an overlong or many-worded query clearly, and finds nothing for punctuation alone', async () => {
    const long = await json(`q=${'文'.repeat(101)}`)
    expect(long.status).toBe(400)
    expect(long.body.error?.code).toBe('INVALID_SEARCH_QUERY')
    const many = await json(
      `q=${encodeURIComponent(Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' '))}`,
    )
    expect(many.status).toBe(400)
    const words = await json(`q=${encodeURIComponent(Array.from({ length: 30 }, () => 'a').join(' '))}`)
    expect([200, 400]).toContain(words.status)
    for (const q of [
      '，。、！',
      '-',
      '- - -',
      '""',
      '*',
      'NEAR(a b)',
      'title:x',
      "'); drop table articles; --",
    ]) {
      const { status, body } = await json(`q=${encodeURIComponent(q)}`)
      expect(status, q).toBe(200)
      expect(body.total, q).toBe(0)
    }
    const badPage = await json('q=a&page=abc')
    expect(badPage.status).toBe(422)
    const html = await page(`q=${'文'.repeat(101)}`)
    expect(html.status).toBe(400)
    expect(html.html).toContain('搜索词无效')
  })

  it('neutralises every XSS vector as a query, on both endpoints, while other visitors are answered', async () => {
    const { watch } = await whileWatched(server, 'index.html', async () => {
      for (const vector of xssVectors) {
        const q = encodeURIComponent(vector.input.slice(0, 2_000))
        const answer = await fetch(`${server.publicUrl}_fabu/search?q=${q}`)
        expect(answer.headers.get('content-type'), vector.id).toMatch(/^application\/json/)
        const body = (await answer.json()) as SearchAnswer
        for (const hit of body.results ?? []) {
          expect(
            pageScriptHazards(`<p>${hit.titleHtml}</p><p>${hit.snippetHtml}</p>`, '/assets/'),
            vector.id,
          ).toEqual([])
        }
        const { html } = await page(`q=${q}`)
        expect(pageScriptHazards(html, '/assets/'), vector.id).toEqual([])
        // The query comes back only as the search box's value, as typed.
        // (as an HTML parser reads any text: line breaks as LF, NUL as U+FFFD).
        const typed = vector.input.slice(0, 2_000).replace(/\r\n?/g, '\n').replaceAll('\0', '\ufffd')
        expect(searchBoxValue(html), vector.id).toBe(typed)
      }
    })
    expect(watch.failures).toEqual([])
    expect(server.isAlive()).toBe(true)
  }, 600_000)
})

describe('the site search limits', () => {
  let store: Store
  let data: string
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-search-limit-'))
    store = await openStore({ sqlitePath: join(data, 'fabu.db') })
  })
  afterAll(async () => {
    await store.close()
    await rm(data, { recursive: true, force: true })
  })

  it('refuses an address past its searches a minute with RATE_LIMITED, and serves pages still', async () => {
    const content = createContent(store)
    const site = await content.sites.create(systemActor('cli:test'), {
      slug: 'limit',
      name: '限流站点',
      baseUrl: 'https://limit.example.gov.cn',
    })
    await writeFile(join(data, 'index.html'), '<!doctype html><title>x</title>')
    const counter = new ViewCounter(store)
    const app = await createPublicSite({
      root: data,
      counter,
      search: { store, site: { id: site.id, timeZone: site.timeZone, basePath: '/' }, searchesPerMinute: 5 },
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) statuses.push((await app.inject({ url: '/_fabu/search?q=abc' })).statusCode)
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
      const refused = await app.inject({ url: '/_fabu/search?q=abc' })
      expect(refused.statusCode).toBe(429)
      expect(refused.json().error.code).toBe('RATE_LIMITED')
      expect(refused.headers['retry-after']).toBeDefined()
      expect((await app.inject({ url: '/index.html' })).statusCode).toBe(200)
    } finally {
      await app.close()
      await counter.close()
    }
  })
})

describe('a site whose search template fails', () => {
  let data: string
  let store: Store
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-search-broken-'))
    store = await openStore({ sqlitePath: join(data, 'fabu.db') })
  })
  afterAll(async () => {
    await store.close()
    await rm(data, { recursive: true, force: true })
  })

  it('still gets the visitor the results, on a plain page with everything escaped', async () => {
    const themes = join(data, 'themes')
    await cp(new URL('../../themes/default', import.meta.url).pathname, join(themes, 'default'), {
      recursive: true,
    })
    await writeFile(join(themes, 'default', 'search.liquid'), "{% render 'no-such-partial.liquid' %}")
    const content = createContent(store)
    const operator = systemActor('cli:test')
    const site = await content.sites.create(operator, {
      slug: 'broken',
      name: '坏模板站',
      baseUrl: 'https://b.example.cn',
    })
    const column = await content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tzgg' })
    const article = await content.articles.create(operator, { columnId: column.id, title: '防汛<b>通知</b>' })
    await content.articles.publish(operator, article.id)
    const publisher = new Publisher(store, content, {
      outputRootFor: () => join(data, 'site'),
      manifestDir: join(data, 'manifests'),
      workers: 1,
      themesRoot: themes,
    })
    await publisher.publish({ site: site.id })
    await publisher.close()
    const pages = new SearchPageRenderer(store, content, { themesRoot: themes })
    const counter = new ViewCounter(store)
    const app = await createPublicSite({
      root: join(data, 'site'),
      counter,
      search: { store, site: { id: site.id, timeZone: site.timeZone, basePath: '/' }, pages },
    })
    try {
      const answer = await app.inject({ url: `/search.html?q=${encodeURIComponent('防汛 -"<script>"')}` })
      expect(answer.statusCode).toBe(200)
      expect(answer.body).toContain('<mark>防汛</mark>&lt;b&gt;通知&lt;/b&gt;')
      expect(answer.body).toContain('value="防汛 -&quot;&lt;script&gt;&quot;"')
      expect(pageScriptHazards(answer.body, '/assets/')).toEqual([])
    } finally {
      await app.close()
      await pages.close()
      await counter.close()
    }
  })
})
