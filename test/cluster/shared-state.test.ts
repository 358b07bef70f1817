import fastifyRateLimit from '@fastify/rate-limit'
import { load } from 'cheerio'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { createPublicDesk } from '../../src/interaction/index.ts'
import { createImportJobs, type ImportJobOptions, jobRecords } from '../../src/jobs/index.ts'
import { createPublicSite, sharedRateLimitStore, ViewCounter } from '../../src/server/index.ts'
import type { Store } from '../../src/store/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { postgresEngine } from '../support/engines.ts'
import { operator, useInteraction } from '../support/interaction-fixture.ts'

const HOST = 'www.example.gov.cn'
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded', host: HOST }

describe('postgres: what two servers of one installation share', () => {
  const t = useContent(postgresEngine)
  const i = useInteraction(t)
  const closing: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close()
  })

  /** A public site as one `fabu serve` runs it, over a connection of its own. */
  async function server(
    store: Store,
    options: { searchesPerMinute?: number } = {},
  ): Promise<FastifyInstance> {
    const counter = new ViewCounter(store)
    const app = await createPublicSite({
      root: '/nonexistent',
      counter,
      interaction: createPublicDesk(i.interaction, { id: t.site.id, name: t.site.name, language: 'zh-CN' }),
      search: {
        store,
        site: { id: t.site.id, timeZone: t.site.timeZone, basePath: '/' },
        searchesPerMinute: options.searchesPerMinute ?? 120,
      },
    })
    closing.push(
      () => counter.close(),
      () => app.close(),
    )
    return app
  }

  async function anotherStore(): Promise<Store> {
    const store = await t.openAnotherStore()
    closing.push(() => store.close())
    return store
  }

  it('refuses searches past the limit counted over both servers, not the limit on each', async () => {
    const a = await server(t.store, { searchesPerMinute: 5 })
    const b = await server(await anotherStore(), { searchesPerMinute: 5 })
    const statuses: number[] = []
    for (let n = 0; n < 10; n++)
      statuses.push((await (n % 2 ? b : a).inject({ url: '/_fabu/search?q=计量' })).statusCode)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429])
    // Another address has its own allowance.
    const other = await b.inject({ url: '/_fabu/search?q=计量', remoteAddress: '203.0.113.9' })
    expect(other.statusCode).toBe(200)
  })

  it("refuses the admin API's requests past the limit counted over both servers", async () => {
    // As the admin app registers it: every route limited, per address, a minute's window.
    const admin = async (store: Store) => {
      const app = Fastify()
      await app.register(fastifyRateLimit, {
        max: 7,
        timeWindow: 60_000,
        store: sharedRateLimitStore(store, 'api'),
      })
      app.get('/api/sites', async () => [])
      closing.push(() => app.close())
      return app
    }
    const a = await admin(t.store)
    const b = await admin(await anotherStore())
    const statuses: number[] = []
    for (let n = 0; n < 12; n++)
      statuses.push((await (n % 2 ? b : a).inject({ url: '/api/sites' })).statusCode)
    expect(statuses.filter((status) => status === 200)).toHaveLength(7)
    expect(statuses.slice(7)).toEqual([429, 429, 429, 429, 429])
  })

  it('refuses on server B a form token that was used on server A', async () => {
    const a = await server(t.store)
    const b = await server(await anotherStore())
    const page = await a.inject({ method: 'GET', url: '/_fabu/letters/yzxx', headers: { host: HOST } })
    const $ = load(page.body)
    const [x, y] = ($('label[for="f-answer"]').text().match(/\d+/g) ?? []).map(Number)
    const fields = {
      token: String($('input[name="token"]').val()),
      answer: String((x ?? 0) + (y ?? 0)),
      subject: '路灯不亮',
      content: '某路口的路灯一周未亮。',
      name: '李华',
      phone: '13812348888',
    }
    const post = (app: FastifyInstance, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/_fabu/letters/yzxx',
        headers: FORM_TYPE,
        payload: new URLSearchParams(fields).toString(),
        remoteAddress,
      })
    expect((await post(a, '198.51.100.1')).statusCode).toBe(201)
    const replayed = await post(b, '198.51.100.2')
    expect(replayed.statusCode).toBe(403)
    expect(await i.interaction.as(operator).cases.list({})).toHaveLength(1)
  })

  it("leaves another live server's import running when a server starts, and marks it interrupted once that server stops", async () => {
    const records = jobRecords(t.store)
    const options: ImportJobOptions = {
      url: 'https://old.example.gov.cn/',
      isDryRun: true,
      since: null,
      concurrency: 1,
      assetHosts: [],
      resumes: false,
    }
    const now = new Date().toISOString()
    const jobsOf = (owner: string) =>
      createImportJobs(t.store, t.content, {
        dataDir: '/nonexistent',
        command: { execPath: process.execPath, args: [], memoryMb: 64 },
        allowedPrivateOrigins: [],
        owner,
        heartbeatMs: 200,
      })
    // Server A runs an import and keeps its heartbeat.
    const a = jobsOf('host-a:1')
    expect(await a.recover()).toBe(0)
    const running = await t.store.transaction((tx) =>
      records.insert(tx, t.site.id, editor, options, now, 'host-a:1'),
    )
    await records.setRunning(running, now)
    // A server that stopped long ago left one running too.
    const older = await t.content.sites.create(editor, {
      slug: 'old',
      name: '旧站',
      baseUrl: 'https://old.example.gov.cn',
    })
    const left = await t.store.transaction((tx) =>
      records.insert(tx, older.id, editor, options, '2026-01-01T00:00:00.000Z', 'host-c:9'),
    )
    // Server B starts a while later: A's import is still A's; C's is interrupted (by A's look
    // for lapsed servers meanwhile, or by B's start).
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const b = jobsOf('host-b:2')
    closing.push(() => b.close())
    await b.recover()
    expect((await records.get(left))?.state).toBe('interrupted')
    expect((await records.get(running))?.state).toBe('running')
    // A stops without ending its job (killed): after its heartbeat lapses, B marks it.
    await a.close()
    const deadline = Date.now() + 15_000
    while ((await records.get(running))?.state === 'running' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200))
    const after = await records.get(running)
    expect(after?.state).toBe('interrupted')
    expect(after?.error?.code).toBe('JOB_INTERRUPTED')
  })
})
