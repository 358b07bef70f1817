import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { TEMPORARY_FOLDER } from '../publish/index.ts'
import { contentTypeOfPath, isPage } from './content-type-of.ts'
import type { ChangeSet } from './fold-manifests.ts'
import type { S3Settings } from './target-settings.ts'
import type { DeliveryContext, DeliveryStats, Transport } from './transport.ts'

const PUT_CONCURRENCY = 8
/** DeleteObjects takes at most 1,000 keys a call. */
const DELETE_BATCH = 1000

/**
 * Puts the output folder into an S3-compatible bucket (Aliyun OSS, Tencent COS, Ceph RGW,
 * MinIO). Each object is replaced whole by its PUT, so a visitor never reads half a page; all
 * puts of a delivery come before its deletions.
 */
export function s3Transport(settings: S3Settings): Transport {
  const prefix = settings.prefix
  const clientOf = async () => new (await s3()).S3Client(clientConfig(settings))

  const put = async (client: S3Client, root: string, path: string) => {
    const { PutObjectCommand } = await s3()
    const body = await readFile(join(root, path))
    return client.send(
      new PutObjectCommand({
        Bucket: settings.bucket,
        Key: prefix + path,
        Body: body,
        ContentType: contentTypeOfPath(path),
        CacheControl: isPage(path) ? settings.pageCacheControl : 'max-age=86400',
      }),
    )
  }

  return {
    async deliver(changes: ChangeSet, context: DeliveryContext): Promise<DeliveryStats> {
      const client = await clientOf()
      try {
        // A page in the manifest that is gone from the folder now was removed since: delete it.
        const present = changes.present.filter((path) => existsSync(join(context.outputRoot, path)))
        const gone = changes.present.filter((path) => !present.includes(path))
        // Uploads are not in the manifests: send those the bucket lacks (named by content, never changed).
        const uploads = await localFiles(context.outputRoot, 'uploads')
        const stored = uploads.size > 0 ? await listObjects(client, settings, 'uploads/') : new Map()
        const missingUploads = [...uploads.keys()].filter((path) => !stored.has(path))
        const toSend = [...present, ...missingUploads]
        await inParallel(toSend, (path) => put(client, context.outputRoot, path))
        const deleted = await deleteObjects(client, settings, [...changes.absent, ...gone])
        return { sent: toSend.length, deleted }
      } finally {
        client.destroy()
      }
    },

    async mirror(context: DeliveryContext): Promise<DeliveryStats> {
      const client = await clientOf()
      try {
        const local = await localFiles(context.outputRoot, '')
        const remote = await listObjects(client, settings, '')
        const toSend: string[] = []
        await inParallel([...local.keys()], async (path) => {
          const object = remote.get(path)
          if (object && object.size === local.get(path)) {
            // A single-part upload's ETag is the MD5 of its bytes.
            const md5 = createHash('md5')
              .update(await readFile(join(context.outputRoot, path)))
              .digest('hex')
            if (object.etag === md5) return
          }
          toSend.push(path)
        })
        await inParallel(toSend, (path) => put(client, context.outputRoot, path))
        const extra = [...remote.keys()].filter((path) => !local.has(path))
        const deleted = await deleteObjects(client, settings, extra)
        return { sent: toSend.length, deleted }
      } finally {
        client.destroy()
      }
    },
  }
}

function clientConfig(settings: S3Settings) {
  const accessKeyId = process.env[settings.accessKeyIdEnv]
  const secretAccessKey = process.env[settings.secretAccessKeyEnv]
  if (!accessKeyId)
    throw new Error(`environment variable ${settings.accessKeyIdEnv} (the access key id) is not set`)
  if (!secretAccessKey)
    throw new Error(`environment variable ${settings.secretAccessKeyEnv} (the secret access key) is not set`)
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId, secretAccessKey },
    // OSS, COS and RGW reject or ignore the CRC checksums newer SDKs send by default.
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  }
}

/** The bucket's objects under the target's prefix (and `under`), by output path. */
async function listObjects(
  client: S3Client,
  settings: S3Settings,
  under: string,
): Promise<Map<string, { size: number; etag: string }>> {
  const objects = new Map<string, { size: number; etag: string }>()
  let token: string | undefined
  const { ListObjectsV2Command } = await s3()
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: settings.bucket,
        Prefix: settings.prefix + under,
        ...(token ? { ContinuationToken: token } : {}),
      }),
    )
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue
      objects.set(object.Key.slice(settings.prefix.length), {
        size: object.Size ?? -1,
        etag: (object.ETag ?? '').replaceAll('"', ''),
      })
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return objects
}

async function deleteObjects(
  client: S3Client,
  settings: S3Settings,
  paths: readonly string[],
): Promise<number> {
  const { DeleteObjectsCommand } = await s3()
  for (let i = 0; i < paths.length; i += DELETE_BATCH) {
    const batch = paths.slice(i, i + DELETE_BATCH)
    const answer = await client.send(
      new DeleteObjectsCommand({
        Bucket: settings.bucket,
        Delete: { Objects: batch.map((path) => ({ Key: settings.prefix + path })), Quiet: true },
      }),
    )
    const failure = answer.Errors?.[0]
    if (failure)
      throw new Error(`the bucket refused to delete ${failure.Key}: ${failure.Code} ${failure.Message}`)
  }
  return paths.length
}

/** The files under `under` of the folder, by path with forward slashes, with their sizes. */
async function localFiles(root: string, under: string): Promise<Map<string, number>> {
  const files = new Map<string, number>()
  const start = join(root, under)
  if (!existsSync(start)) return files
  for (const entry of await readdir(start, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')
    if (path.startsWith(`${TEMPORARY_FOLDER}/`)) continue
    files.set(path, (await stat(join(root, path))).size)
  }
  return files
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(PUT_CONCURRENCY, items.length) }, worker))
}

/** The S3 SDK (about 300 modules) is loaded by the first delivery to a bucket, not by every command. */
const s3 = () => import('@aws-sdk/client-s3')
