import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccounts } from '../src/accounts/index.ts'
import { type Content, createContent, operatorAccess, systemActor } from '../src/content/index.ts'
import { MAX_STOPS_PER_TEMPLATE, Publisher, recordTemplateChange } from '../src/publish/index.ts'
import { openStore, type Store } from '../src/store/index.ts'
import { ApiClient, PASSWORD } from './support/admin-server.ts'
import { engines, freshPostgresUrl } from './support/engines.ts'
import { childrenOf, type ServeProcess, startServe, whileWatched } from './support/serve-process.ts'

const operator = systemActor('cli:test')

/** The template: a list doubled forty times. Killed a worker-thread server in a second. */
const CONCAT_BOMB =
  '{% assign a = "1,2,3" | split: "," %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}{{ a | size }}'

/**
 * Twelve copies of a two-million-item list, through filters (split, reverse) no cap covers:
 * only the render process's heap limit stops it. Stands for the filter nobody thought of.
 */
const HEAP_EATER = `{% assign big = "很," %}{% for i in (1..21) %}{% assign big = big | append: big %}{% endfor %}{% assign parts = big | split: "," %}${Array.from(
  { length: 12 },
  (_, i) => `{% assign copy${i} = parts | reverse %}`,
).join('')}{{ copy0.size }}{{ copy11.size }}`

/** A page of 6 million characters, past the 5 MB a page may have. */
const OUTPUT_FLOOD = `{% for i in (1..50000) %}${'很长的字符串'.repeat(20)}{% endfor %}`

const ARTICLES = 5

/** The data folder a `fabu serve` starts from: two small published sites and their people. */
async function prepareData(data: string, env: NodeJS.ProcessEnv): Promise<void> {
  const store = await openData(data, env)
  try {
    const content = createContent(store)
    const simt = await addSite(content, 'simt', '计测院', ARTICLES)
    await addSite(content, 'other', '其他站点', 1)
    const accounts = createAccounts(store, { passwordProfile: 'dengbao' })
    const principal = { actor: operator, access: operatorAccess }
    for (const [userName, role] of [
      ['zhanzhang', 'site_admin'],
      ['bianji', 'editor'],
    ] as const) {
      const user = await accounts.users.create(principal, {
        userName,
        displayName: userName,
        password: PASSWORD,
        mustChangePassword: false,
      })
      await accounts.users.grant(principal, { userId: user.id, role, siteId: simt } as never)
    }
    const publisher = new Publisher(store, content, {
      outputRootFor: (slug, prefix) => join(data, 'sites', slug, prefix),
      manifestDir: join(data, 'manifests'),
      workers: 1,
    })
    for (const slug of ['simt', 'other']) {
      const report = await publisher.publish({ site: slug })
      if (report.failed.length > 0) throw new Error(JSON.stringify(report.failed))
    }
  } finally {
    await store.close()
  }
}

async function addSite(content: Content, slug: string, name: string, articles: number): Promise<number> {
  const site = await content.sites.create(operator, { slug, name, baseUrl: `https://${slug}.example.cn` })
  const column = await content.columns.create(operator, {
    siteId: site.id,
    name: '通知',
    slug: 'tzgg',
    reviewLevels: 1,
  })
  for (let day = 1; day <= articles; day++) await addArticle(content, column.id, `${name}的第${day}篇通知`)
  return site.id
}

async function addArticle(content: Content, columnId: number, title: string): Promise<void> {
  const created = await content.articles.create(operator, { columnId, title, bodyHtml: `<p>${title}</p>` })
  await content.articles.publish(operator, created.id)
}

async function siteId(store: Store, slug: string): Promise<number> {
  return (await store.db.selectFrom('sites').select('id').where('slug', '=', slug).executeTakeFirstOrThrow())
    .id
}

function openData(data: string, env: NodeJS.ProcessEnv): Promise<Store> {
  return openStore({ databaseUrl: env.DATABASE_URL || undefined, sqlitePath: join(data, 'fabu.db') })
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const found = await check()
    if (found !== undefined) return found
    if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

for (const engine of engines()) {
  describe(`${engine.name}: hostile templates against a running fabu serve`, () => {
    let data: string
    let env: NodeJS.ProcessEnv
    let server: ServeProcess

    beforeAll(async () => {
      data = await mkdtemp(join(tmpdir(), 'fabu-hostile-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      await prepareData(data, env)
      server = await startServe(data, env, 'simt')
    }, 180_000)

    afterAll(async () => {
      await server?.stop()
      await rm(data, { recursive: true, force: true })
    })

    async function signedIn(userName: string): Promise<ApiClient> {
      const client = new ApiClient(server.adminUrl)
      const response = await client.signIn(userName)
      if (response.status !== 201) throw new Error(`sign-in of ${userName}: ${JSON.stringify(response.body)}`)
      return client
    }

    /** Runs `work` while a second client polls; every poll answered within 1 s, server still up. */
    async function watched<T>(work: () => Promise<T>): Promise<T> {
      const { result, watch } = await whileWatched(server, 'index.html', work)
      expect(watch.failures, server.stderr()).toEqual([])
      expect(watch.polls).toBeGreaterThanOrEqual(2)
      expect(server.isAlive(), server.stderr()).toBe(true)
      expect((await fetch(`${server.adminUrl}/healthz`)).status).toBe(200)
      return result
    }

    const preview = (client: ApiClient, name: string, source: string) =>
      client.post(`/api/sites/simt/templates/${name}/preview`, { source })

    it('refuses a template preview to an editor who may not edit templates', async () => {
      const editor = await signedIn('bianji')
      const refused = await preview(editor, 'article.liquid', CONCAT_BOMB)
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('FORBIDDEN')
    })

    it('answers the concat bomb as a preview with the failing line, and keeps serving', async () => {
      const admin = await signedIn('zhanzhang')
      const answer = await watched(() => preview(admin, 'article.liquid', CONCAT_BOMB))
      expect(answer.status).toBe(409)
      expect(answer.body.error.message).toMatch(/concat.*article\.liquid 第 1 行/)
    }, 120_000)

    it('stops a preview that eats the renderer’s heap through uncapped filters, and keeps serving', async () => {
      const admin = await signedIn('zhanzhang')
      const answer = await watched(() => preview(admin, 'article.liquid', HEAP_EATER))
      expect(answer.status).toBe(409)
      // Its heap limit stops it; on a busy machine the 2 s deadline may come first. Either way
      // the author reads which template, in Chinese.
      expect(answer.body.error.message).toMatch(/^预览失败：article\.liquid (占用内存超过|渲染超过)/)
      // The next preview gets a fresh renderer.
      const after = await preview(admin, 'article.liquid', '<p>{{ article.title }}</p>')
      expect(after.status).toBe(200)
      expect(String(after.body)).toContain('计测院的第')
    }, 120_000)

    it('refuses a preview whose page grows past the output cap, and keeps serving', async () => {
      const admin = await signedIn('zhanzhang')
      const answer = await watched(() => preview(admin, 'article.liquid', OUTPUT_FLOOD))
      expect(answer.status).toBe(409)
      expect(answer.body.error.message).toMatch(/超过 5 MB|超过 \d+ 毫秒/)
      expect(answer.body.error.message).toContain('article.liquid')
    }, 120_000)

    it('takes 40 concurrent previews in one renderer, refusing those past its short queue', async () => {
      const admin = await signedIn('zhanzhang')
      const before = childrenOf(server.pid).length
      let mostChildren = before
      const sampling = setInterval(() => {
        mostChildren = Math.max(mostChildren, childrenOf(server.pid).length)
      }, 50)
      const answers = await watched(() =>
        Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            // Each takes a while to render, so the crowd meets a full queue.
            preview(
              admin,
              'article.liquid',
              `{% for i in (1..100000) %}{% endfor %}<p class="n${i}">{{ article.title }}</p>`,
            ),
          ),
        ),
      ).finally(() => clearInterval(sampling))
      const statuses = answers.map((answer) => answer.status)
      for (const [i, answer] of answers.entries())
        if (answer.status === 200) expect(String(answer.body)).toContain(`class="n${i}"`)
      expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([])
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1)
      const busy = answers.filter((answer) => answer.status === 503)
      expect(busy.length).toBeGreaterThanOrEqual(20)
      expect(busy[0]?.body.error.code).toBe('PREVIEW_BUSY')
      expect(busy[0]?.headers.get('retry-after')).toBe('5')
      // One preview process at most beside the publisher's: never one per preview.
      expect(mostChildren - before).toBeLessThanOrEqual(1)
    }, 120_000)

    it('survives the bomb saved as a site template, and every restart: the publish names it, other sites publish', async () => {
      const admin = await signedIn('zhanzhang')
      const store = await openData(data, env)
      try {
        const simtRunAfter = async (afterId: number) => {
          const row = await store.db
            .selectFrom('publish_runs')
            .innerJoin('sites', 'sites.id', 'publish_runs.site_id')
            .select(['publish_runs.id', 'publish_runs.manifest'])
            .where('sites.slug', '=', 'simt')
            .where('publish_runs.id', '>', afterId)
            .orderBy('publish_runs.id')
            .limit(1)
            .executeTakeFirst()
          if (!row) return undefined
          const manifest = JSON.parse(row.manifest) as { failed: { path: string; error: string }[] }
          return { id: row.id, failed: manifest.failed }
        }
        const expectTemplatesNamed = (failed: readonly { path: string; error: string }[]) => {
          const articleFailures = failed.filter((f) => !f.path.endsWith('_print.html'))
          const printFailures = failed.filter((f) => f.path.endsWith('_print.html'))
          expect(articleFailures).toHaveLength(ARTICLES)
          for (const failure of articleFailures) expect(failure.error).toMatch(/article\.liquid.*line:\s*1/)
          expect(printFailures).toHaveLength(ARTICLES)
          for (const failure of printFailures) expect(failure.error).toContain('print.liquid')
          // A template stops its renderer at most twice a run; its remaining pages then fail at
          // once instead of costing a process each (test/publish/untrusted-templates.test.ts).
          const stops = printFailures.filter((f) => /used more than|took longer|limit exceeded/.test(f.error))
          expect(stops.length).toBeLessThanOrEqual(MAX_STOPS_PER_TEMPLATE)
        }
        const lastRun = (await simtRunAfter(0))?.id ?? 0

        // Saved by a site administrator: the running server's publisher renders it at once.
        const first = await watched(async () => {
          for (const [name, source] of [
            ['article.liquid', CONCAT_BOMB],
            ['print.liquid', HEAP_EATER],
          ]) {
            expect((await admin.put(`/api/sites/simt/templates/${name}`, { source })).status).toBe(200)
          }
          return waitFor('the publish of the saved templates', async () => {
            const run = await simtRunAfter(lastRun)
            return run && run.failed.length > 0 ? run : undefined
          })
        })
        expectTemplatesNamed(first.failed)

        // A restart with the templates' changes pending (as a publish killed part-way leaves them).
        await server.stop()
        await recordTemplateChange(store, await siteId(store, 'simt'), 'article.liquid')
        await recordTemplateChange(store, await siteId(store, 'simt'), 'print.liquid')
        const otherColumn = await store.db
          .selectFrom('columns')
          .select('id')
          .where('site_id', '=', await siteId(store, 'other'))
          .executeTakeFirstOrThrow()
        await addArticle(createContent(store), otherColumn.id, '重启后其他站点的通知')
        server = await startServe(data, env, 'simt')
        const again = await watched(() =>
          waitFor('the publish after the restart', () => simtRunAfter(first.id)),
        )
        expectTemplatesNamed(again.failed)
        const otherHome = join(data, 'sites', 'other', 'index.html')
        await watched(() =>
          waitFor('the other site’s new article', async () =>
            (await readFile(otherHome, 'utf8')).includes('重启后其他站点的通知') ? true : undefined,
          ),
        )
      } finally {
        await store.close()
      }
      expect(server.stderr()).not.toMatch(/FATAL ERROR/)
    }, 300_000)
  })
}
