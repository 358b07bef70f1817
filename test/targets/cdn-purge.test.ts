import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Publisher } from '../../src/publish/index.ts'
import { createTargets, type DeliveryOutcome, type Targets } from '../../src/targets/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { freePort } from '../support/free-port.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'

interface PurgeCall {
  readonly authorization: string | undefined
  readonly type: 'url' | 'directory'
  readonly urls: readonly string[]
}

for (const engine of engines()) {
  describe(`${engine.name}: purging a CDN after each run`, () => {
    const t = usePublishedSite(engine)
    let endpoint: Server
    let endpointUrl: string
    let calls: PurgeCall[]
    let answerStatus: number
    let targets: Targets
    let publisher: Publisher
    let delivered: DeliveryOutcome[][]

    beforeEach(async () => {
      calls = []
      answerStatus = 200
      // A local stand-in for the provider's purge API, recording what it is asked.
      endpoint = createServer((request, response) => {
        let body = ''
        request.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk
        })
        request.on('end', () => {
          calls.push({ authorization: request.headers.authorization, ...JSON.parse(body) })
          response.writeHead(answerStatus, { 'content-type': 'application/json' }).end('{"ok":true}')
        })
      })
      await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve))
      const address = endpoint.address()
      endpointUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/purge`
      process.env.FABU_TEST_CDN_TOKEN = 'cdn-secret'
      targets = createTargets(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        retryDelaysMs: [],
      })
      delivered = []
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        manifestDir: join(t.output, 'manifests'),
        workers: 2,
        onRunRecorded: async (run) => {
          delivered.push([...(await targets.deliver(run.siteId))])
        },
      })
    })
    afterEach(async () => {
      await new Promise((resolve) => endpoint.close(resolve))
    })

    const addPurge = async (settings: Record<string, unknown> = {}) => {
      await targets.add(editor, t.site.id, {
        name: 'cdn',
        kind: 'purge',
        settings: { endpoint: endpointUrl, tokenEnv: 'FABU_TEST_CDN_TOKEN', ...settings },
      })
      // A new target starts with a full sync: for a CDN, the whole site.
      await targets.deliver(t.site.id)
      expect(calls).toEqual([
        { authorization: 'Bearer cdn-secret', type: 'directory', urls: ['https://www.simt.com.cn/'] },
      ])
      calls = []
    }
    // A new title shows in the lists too: the article's pages, its column's, the home page.
    const retitle = async (title: string, newTitle: string) => {
      const article = (await t.content.articles.list({ site: t.site.id, text: title, limit: 1 })).items[0]
      if (!article) throw new Error(`no article ${title}`)
      await t.content.articles.update(editor, article.id, { baseRevision: article.revision, title: newTitle })
      return article
    }

    it('purges the full URLs of the changed pages in batches, folder URLs with their index pages', async () => {
      await addPurge({ batchSize: 4 })
      const article = await retitle('通知1', '通知1（更正）')
      const run = await publisher.publish({ site: t.site.id })
      expect(calls.every((call) => call.type === 'url' && call.urls.length <= 4)).toBe(true)
      const purged = calls.flatMap((call) => call.urls)
      expect(purged).toContain(`https://www.simt.com.cn/${article.urlPath}`)
      for (const path of run.written) expect(purged).toContain(`https://www.simt.com.cn/${path}`)
      expect(purged).toContain('https://www.simt.com.cn/')
      expect(purged).toContain('https://www.simt.com.cn/index.html')
      expect(calls.length).toBe(Math.ceil(purged.length / 4))
      expect(delivered.at(-1)?.[0]).toMatchObject({ state: 'done', sent: purged.length })
    })

    it('past the daily URL quota, and after a full republish, it purges directories instead', async () => {
      await addPurge({ dailyLimit: 3 })
      await retitle('通知1', '通知1（第二稿）')
      await publisher.publish({ site: t.site.id })
      expect(calls.map((call) => call.type)).toEqual(['directory'])
      expect(calls[0]?.urls).toContain('https://www.simt.com.cn/tzgg/')
      expect(calls[0]?.urls).toContain('https://www.simt.com.cn/')
      expect(delivered.at(-1)?.[0]?.note).toMatch(/quota/)

      calls = []
      await retitle('通知2', '通知2（第二稿）')
      await publisher.publish({ site: t.site.id, mode: 'full' })
      expect(calls).toEqual([
        { authorization: 'Bearer cdn-secret', type: 'directory', urls: ['https://www.simt.com.cn/'] },
      ])
    })

    it('waits while a web server has not got the pages, and a refused purge is kept and sent again', async () => {
      await addPurge()
      // A web server that cannot be reached: nothing listens on its port.
      await targets.add(editor, t.site.id, {
        name: 'web',
        kind: 'rsync',
        settings: { destination: `rsync://127.0.0.1:${await freePort()}/www/` },
      })
      await retitle('通知1', '通知1（第三稿）')
      await publisher.publish({ site: t.site.id })
      expect(delivered.at(-1)?.map((outcome) => [outcome.target, outcome.state])).toEqual([
        ['web', 'failed'],
        ['cdn', 'waiting'],
      ])
      expect(calls).toEqual([])
      await targets.remove(editor, t.site.id, 'web')

      answerStatus = 503
      const [refused] = await targets.deliver(t.site.id)
      expect(refused).toMatchObject({ target: 'cdn', state: 'failed' })
      expect(refused?.error).toContain('503')
      answerStatus = 200
      calls = []
      // The server's retry loop leaves a target alone until its wait is over (30 s after a failure).
      expect(await targets.retryFailed(Date.now())).toEqual([])
      expect(calls).toEqual([])
      const [sent] = await targets.retryFailed(Date.now() + 31_000)
      expect(sent).toMatchObject({ target: 'cdn', state: 'done' })
      expect(calls.flatMap((call) => call.urls)).toContain('https://www.simt.com.cn/index.html')
    })
  })
}
