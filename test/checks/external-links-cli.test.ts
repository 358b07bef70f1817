import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ExternalLinkReport, latestLinkReport } from '../../src/checks/index.ts'
import { createContent, systemActor } from '../../src/content/index.ts'
import { openStore } from '../../src/store/index.ts'
import { sqliteEngine } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'

const operator = systemActor('cli:test')

/** A loopback server that notes every request it gets. */
async function loopback(
  host: string,
  answer: (url: string, respond: (status: number, headers?: Record<string, string>) => void) => void,
) {
  const seen: string[] = []
  const server = createServer((request, response) => {
    seen.push(request.url ?? '')
    answer(request.url ?? '', (status, headers) => response.writeHead(status, headers).end())
  })
  await new Promise<void>((done) => server.listen(0, host, done))
  return { server, seen, origin: `http://${host}:${(server.address() as AddressInfo).port}` }
}

async function close(server: Server) {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
}

// The CLI is the same on either engine; the engines' storage is covered by the API tests.
describe(`${sqliteEngine.name}: fabu check links, the external link check`, () => {
  let folder: string
  const env = { ...process.env, DATABASE_URL: '' }
  const servers: Server[] = []

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-links-'))
    expect((await runFabu(folder, env, 'init')).code).toBe(0)
  })
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close))
    await rm(folder, { recursive: true, force: true })
  })

  it('reports 200, 301, 404, a timeout and a private address per article, and never connects to the private one', async () => {
    const web = await loopback('127.0.0.1', (url, respond) => {
      if (url === '/ok') respond(200)
      else if (url === '/moved') respond(301, { location: '/ok' })
      else if (url === '/slow') setTimeout(() => respond(200), 3_000)
      else respond(404)
    })
    // Another private address with a server on it: allowing 127.0.0.1 must not open it.
    const intranet = await loopback('127.0.0.2', (_url, respond) => respond(200))
    servers.push(web.server, intranet.server)

    const store = await openStore({ sqlitePath: join(folder, 'fabu.db') })
    let siteId = 0
    try {
      const content = createContent(store)
      const site = await content.sites.create(operator, {
        slug: 'gov',
        name: '某某区人民政府',
        baseUrl: 'https://www.example.gov.cn/',
      })
      siteId = site.id
      const column = await content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'yw' })
      const first = await content.articles.create(operator, {
        columnId: column.id,
        title: '友情链接',
        bodyHtml: `<p><a href="${web.origin}/ok">好</a><a href="${web.origin}/moved">迁</a><a href="${web.origin}/gone">无</a><a href="/yw/local.html">站内</a></p>`,
      })
      await content.articles.publish(operator, first.id)
      const second = await content.articles.create(operator, {
        columnId: column.id,
        title: '内网资料',
        bodyHtml: `<p><a href="${intranet.origin}/secret">内网</a><img src="${web.origin}/slow" alt="慢"><a href="${web.origin}/gone">无</a></p>`,
      })
      await content.articles.publish(operator, second.id)
      // A draft's links are not the site's.
      await content.articles.create(operator, {
        columnId: column.id,
        title: '草稿',
        bodyHtml: `<p><a href="${web.origin}/draft">草稿</a></p>`,
      })
      await content.close()
    } finally {
      await store.close()
    }

    const result = await runFabu(
      folder,
      env,
      'check',
      'links',
      '--site',
      'gov',
      '--json',
      '--allow-address',
      '127.0.0.1',
      '--timeout',
      '500',
      '--per-host',
      '1',
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stdout) as ExternalLinkReport
    expect([report.checked, report.broken, report.redirected]).toEqual([5, 3, 1])
    expect(
      report.findings.map((finding) => [
        finding.title,
        finding.url.replace(/:\d+/, ''),
        finding.outcome,
        finding.status,
      ]),
    ).toEqual([
      ['友情链接', 'http://127.0.0.1/gone', 'broken', 404],
      ['友情链接', 'http://127.0.0.1/moved', 'redirect', 301],
      ['内网资料', 'http://127.0.0.1/gone', 'broken', 404],
      ['内网资料', 'http://127.0.0.1/slow', 'timeout', null],
      ['内网资料', 'http://127.0.0.2/secret', 'refused-private', null],
    ])
    expect(report.findings.find((finding) => finding.outcome === 'redirect')?.location).toBe('/ok')
    expect(intranet.seen).toEqual([])
    expect(web.seen).not.toContain('/draft')
    expect(web.seen.filter((url) => url === '/gone')).toHaveLength(1)

    // The report is kept for the inspection and the admin.
    const reopened = await openStore({ sqlitePath: join(folder, 'fabu.db') })
    try {
      const latest = await latestLinkReport(reopened, siteId)
      expect(latest?.checkId).toBe(report.checkId)
      expect(latest?.findings).toHaveLength(5)
    } finally {
      await reopened.close()
    }
  })

  it('refuses every private address when none is allowed, and says so per link', async () => {
    const web = await loopback('127.0.0.1', (_url, respond) => respond(200))
    servers.push(web.server)
    const store = await openStore({ sqlitePath: join(folder, 'fabu.db') })
    try {
      const content = createContent(store)
      const site = await content.sites.create(operator, {
        slug: 'gov',
        name: '区政府',
        baseUrl: 'https://www.example.gov.cn/',
      })
      const column = await content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'yw' })
      const article = await content.articles.create(operator, {
        columnId: column.id,
        title: '链接',
        bodyHtml: `<p><a href="${web.origin}/ok">本机</a></p>`,
      })
      await content.articles.publish(operator, article.id)
      await content.close()
    } finally {
      await store.close()
    }
    const result = await runFabu(folder, env, 'check', 'links', '--site', 'gov')
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('refused-private')
    expect(result.stdout).toContain('1 失效 / broken')
    expect(web.seen).toEqual([])
  })
})
