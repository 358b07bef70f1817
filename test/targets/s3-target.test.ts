import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Publisher } from '../../src/publish/index.ts'
import { createTargets, type Targets } from '../../src/targets/index.ts'
import { editor } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { usePublishedSite } from '../support/publish-fixture.ts'
import { startS3StandIn } from '../support/s3-stand-in.ts'

const BUCKET = 'www'
const PREFIX = 'simt/'

for (const engine of engines()) {
  // s3rver stands in for Aliyun OSS, Tencent COS and Ceph RGW: the same S3 API on 127.0.0.1.
  describe(`${engine.name}: publishing to an S3-compatible bucket (s3rver standing in for OSS/COS/RGW)`, () => {
    const t = usePublishedSite(engine)
    let s3: Awaited<ReturnType<typeof startS3StandIn>>
    let client: S3Client
    let targets: Targets
    let publisher: Publisher

    beforeEach(async () => {
      s3 = await startS3StandIn(BUCKET)
      // The target's settings name these variables; the keys never enter the database.
      process.env.FABU_TEST_S3_KEY_ID = s3.credentials.accessKeyId
      process.env.FABU_TEST_S3_SECRET = s3.credentials.secretAccessKey
      client = new S3Client({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: s3.credentials,
      })
      targets = createTargets(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        retryDelaysMs: [],
      })
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: () => join(t.output, 'site'),
        manifestDir: join(t.output, 'manifests'),
        workers: 2,
        onRunRecorded: async (run) => {
          await targets.deliver(run.siteId)
        },
      })
      await targets.add(editor, t.site.id, {
        name: 'oss',
        kind: 's3',
        settings: {
          endpoint: s3.endpoint,
          bucket: BUCKET,
          prefix: PREFIX,
          forcePathStyle: true,
          accessKeyIdEnv: 'FABU_TEST_S3_KEY_ID',
          secretAccessKeyEnv: 'FABU_TEST_S3_SECRET',
        },
      })
    })
    afterEach(async () => {
      client.destroy()
      await s3.stop()
    })

    const keys = async () => {
      const listed: string[] = []
      let token: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: BUCKET,
            Prefix: PREFIX,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        )
        listed.push(...(page.Contents ?? []).map((object) => object.Key ?? ''))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return listed.sort()
    }
    const getObject = (path: string) =>
      client.send(new GetObjectCommand({ Bucket: BUCKET, Key: PREFIX + path }))
    const localFiles = async () =>
      (await readdir(join(t.output, 'site'), { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(join(t.output, 'site').length + 1))
        .filter((path) => !path.startsWith('.fabu-tmp/'))
        .sort()

    it('holds every published file with the same bytes, typed and with a cache lifetime', async () => {
      const [outcome] = await targets.deliver(t.site.id)
      expect(outcome).toMatchObject({ target: 'oss', state: 'done', isFullSync: true })
      const local = await localFiles()
      expect(await keys()).toEqual(local.map((path) => PREFIX + path))
      const article = (await t.content.articles.list({ site: t.site.id, text: '通知1', limit: 1 })).items[0]
      const path = article?.urlPath ?? 'missing'
      const object = await getObject(path)
      expect(object.ContentType).toBe('text/html; charset=utf-8')
      expect(object.CacheControl).toBe('max-age=300')
      const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? [])
      expect(bytes.equals(await readFile(join(t.output, 'site', path)))).toBe(true)

      // A second full sync finds every object equal by ETag and size and sends nothing.
      const [again] = await targets.sync(t.site.id, 'oss')
      expect(again).toMatchObject({ state: 'done', sent: 0, deleted: 0 })
    })

    it('deletes the object of a withdrawn article and rewrites the lists that showed it', async () => {
      await targets.deliver(t.site.id)
      const article = (await t.content.articles.list({ site: t.site.id, text: '通知2', limit: 1 })).items[0]
      const path = article?.urlPath ?? 'missing'
      expect(await keys()).toContain(PREFIX + path)
      await t.content.articles.withdraw(editor, article?.id ?? 0, '信息有误')
      const run = await publisher.publish({ site: t.site.id })
      expect(run.removed).toContain(path)
      expect(await keys()).not.toContain(PREFIX + path)
      const home = Buffer.from((await (await getObject('index.html')).Body?.transformToByteArray()) ?? [])
      expect(home.equals(await readFile(join(t.output, 'site', 'index.html')))).toBe(true)
      expect(home.toString()).not.toContain('通知2')
      expect((await targets.list(t.site.id))[0]).toMatchObject({ undeliveredRuns: 0, lastError: null })
    })

    it('a missing key variable fails the delivery and says which variable', async () => {
      delete process.env.FABU_TEST_S3_SECRET
      const [outcome] = await targets.deliver(t.site.id)
      expect(outcome).toMatchObject({ state: 'failed' })
      expect(outcome?.error).toContain('FABU_TEST_S3_SECRET')
      expect((await targets.list(t.site.id))[0]?.lastError).toContain('FABU_TEST_S3_SECRET')
    })
  })
}
