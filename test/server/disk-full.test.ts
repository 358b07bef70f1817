import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createContent, systemActor } from '../../src/content/index.ts'
import { openStore } from '../../src/store/index.ts'
import { type AdminServer, type ApiClient, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'
import { smallPng } from '../support/hostile-files.ts'
import { filesOn, fillDisk, mountSmallDisk } from '../support/small-disk.ts'

const operator = systemActor('cli:test')

/** A site with one published article and its administrator, signed in. */
async function publishedSite(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'gov',
    name: '政府网',
    baseUrl: 'https://gov.example.cn',
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tz' })
  const article = await t.content.articles.create(operator, {
    columnId: column.id,
    title: '通知一',
    bodyHtml: '<p>正文</p>',
  })
  await t.content.articles.publish(operator, article.id)
  await t.addUser('chief', [{ role: 'site_admin', siteId: site.id }])
  return t.signedIn('chief')
}

async function finishedJob(client: ApiClient, site: string) {
  const started = await client.post(`/api/sites/${site}/publish`, { mode: 'full' })
  expect(started.status, JSON.stringify(started.body)).toBe(202)
  let job = started.body
  await expect
    .poll(async () => {
      job = (
        await client.request('GET', `/api/jobs/${started.body.id}`, undefined, { 'accept-language': 'en' })
      ).body
      return job.status
    })
    .toMatch(/succeeded|failed/)
  return job
}

for (const engine of engines()) {
  describe(`${engine.name}: a full disk`, () => {
    const t = useAdminServer(engine)
    const mounted: { unmount(): Promise<void> }[] = []
    // Registered after the server's hooks, so it runs before them: unmount, then remove.
    afterEach(async () => {
      for (const disk of mounted.splice(0)) await disk.unmount()
    })

    it('answers an upload with DISK_FULL naming the file, stores no part of it and audits the refusal', async () => {
      const client = await publishedSite(t)
      const uploads = join(t.output, 'sites', 'gov', 'uploads')
      mounted.push(await mountSmallDisk(uploads))
      await fillDisk(uploads)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(await smallPng())]), '图.png')
      const refused = await client.request('POST', '/api/sites/gov/uploads', form, {
        'accept-language': 'en',
      })
      expect(refused.status, JSON.stringify(refused.body)).toBe(507)
      expect(refused.body.error.code).toBe('DISK_FULL')
      expect(refused.body.error.message).toMatch(
        new RegExp(`^disk full \\(${uploads}/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\\.png\\)$`),
      )
      expect(await filesOn(uploads)).toEqual([])
      const audit = await t.content.audit.list({ action: 'upload.create' })
      expect(audit.map((record) => [record.outcome, record.errorCode])).toEqual([['failure', 'DISK_FULL']])
    })

    it('reports every page that did not fit as disk full with its path, not as an internal error', async () => {
      const client = await publishedSite(t)
      const output = join(t.output, 'sites', 'gov')
      mounted.push(await mountSmallDisk(output))
      await fillDisk(output)
      const job = await finishedJob(client, 'gov')
      expect(job.status).toBe('succeeded')
      expect(job.result.failed.length).toBeGreaterThan(0)
      for (const failure of job.result.failed)
        expect(failure.error).toBe(`write ${failure.path}: disk full (${join(output, failure.path)})`)
    })

    it('fails a publish whose manifest does not fit with DISK_FULL, not INTERNAL', async () => {
      const client = await publishedSite(t)
      const manifests = join(t.output, 'manifests')
      mounted.push(await mountSmallDisk(manifests))
      await fillDisk(manifests)
      const job = await finishedJob(client, 'gov')
      expect(job.status).toBe('failed')
      expect(job.error.code).toBe('DISK_FULL')
      // Node's write errors carry no path, and the manifest is written in publisher.ts, which
      // does not name it yet: the code and the words are right, the path is not told.
      expect(job.error.message).toMatch(/^disk full/)
    })
  })
}

describe('sqlite: a full disk under the database', () => {
  let folder: string
  let disk: { unmount(): Promise<void> } | undefined
  afterEach(async () => {
    await disk?.unmount()
    await rm(folder, { recursive: true, force: true })
  })

  it('refuses the write with DISK_FULL naming the database file, and keeps what was saved', async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-small-db-'))
    disk = await mountSmallDisk(folder, '2m')
    const path = join(folder, 'fabu.db')
    const store = await openStore({ sqlitePath: path })
    try {
      const content = createContent(store)
      const site = await content.sites.create(operator, {
        slug: 'gov',
        name: '政府网',
        baseUrl: 'https://gov.example.cn',
      })
      const column = await content.columns.create(operator, { siteId: site.id, name: '通知', slug: 'tz' })
      const big = `<p>${'政务公开'.repeat(250_000)}</p>`
      const refused = content.articles.create(operator, {
        columnId: column.id,
        title: '大文章',
        bodyHtml: big,
      })
      await expect(refused).rejects.toMatchObject({ code: 'DISK_FULL', status: 507, path })
      await expect(refused).rejects.toThrow(`disk full (${path})`)
      expect((await content.columns.get(column.id)).name).toBe('通知')
    } finally {
      await store.close()
    }
  })
})
