import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port.ts'

/** s3rver ships no types; this is all of it the tests use. */
interface S3rverInstance {
  run(): Promise<unknown>
  close(): Promise<void>
}
type S3rverClass = new (options: {
  address: string
  port: number
  directory: string
  silent: boolean
  configureBuckets: { name: string }[]
}) => S3rverInstance

/**
 * s3rver, a small S3-compatible server, on 127.0.0.1: it stands in for the real object
 * stores (Aliyun OSS, Tencent COS, Ceph RGW), which speak the same S3 API. It checks
 * signatures against its fixed credentials, S3RVER / S3RVER.
 */
export async function startS3StandIn(bucket: string) {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass
  const directory = await mkdtemp(join(tmpdir(), 'fabu-s3-'))
  const port = await freePort()
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  })
  await server.run()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
