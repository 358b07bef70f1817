import { z } from 'zod'
import { validateInput } from '../content/index.ts'

/** An environment variable's name: where a secret is read from, so none is stored in the database. */
const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, '应为环境变量名|must be an environment variable name')

const rsyncSettings = z.strictObject({
  /** `rsync://host[:port]/module/path/` (an rsync daemon) or `user@host:/path/` (over SSH). */
  destination: z
    .string()
    .regex(
      /^(rsync:\/\/[^/\s]+\/\S+|[^\s:/@-][^\s:/@]*@[^\s:/-][^\s:/]*:\S+)$/,
      '应为 rsync://主机/模块/ 或 用户@主机:路径|must be rsync://host/module/ or user@host:path',
    ),
  /** The rsync daemon's password, read from this file (rsync's --password-file). */
  passwordFile: z.string().min(1).optional(),
  /** The SSH key for user@host destinations. */
  sshKeyFile: z.string().min(1).optional(),
  /** Seconds without I/O before rsync gives up. */
  timeoutSeconds: z.number().int().min(1).max(3600).default(120),
})

const s3Settings = z.strictObject({
  /** The service's endpoint (OSS, COS, Ceph RGW, MinIO); absent: AWS itself. */
  endpoint: z.url().optional(),
  region: z.string().min(1).default('us-east-1'),
  bucket: z.string().min(1),
  /** Key prefix inside the bucket, e.g. `www/` (the slash is added when missing). */
  prefix: z
    .string()
    .default('')
    .transform((prefix) => (prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`)),
  /** Path-style URLs (`endpoint/bucket/key`), which RGW and most local services need. */
  forcePathStyle: z.boolean().default(false),
  accessKeyIdEnv: envName,
  secretAccessKeyEnv: envName,
  /** Cache-Control of HTML pages and feeds; other files (assets, uploads) get a day. */
  pageCacheControl: z.string().default('max-age=300'),
})

const purgeSettings = z.strictObject({
  /** The HTTP endpoint that purges: receives POST {"type":"url"|"directory","urls":[…]}. */
  endpoint: z.url(),
  /** A bearer token for the endpoint, read from this environment variable. */
  tokenEnv: envName.optional(),
  /** URLs per call: Aliyun and Tencent take about 1,000. */
  batchSize: z.number().int().min(1).max(10_000).default(1000),
  /** URLs a day (Asia/Shanghai) before purging directories instead. */
  dailyLimit: z.number().int().min(1).default(10_000),
  /** The public address of the pages; the site's base URL when absent. */
  baseUrl: z.url().optional(),
})

export type RsyncSettings = z.output<typeof rsyncSettings>
export type S3Settings = z.output<typeof s3Settings>
export type PurgeSettings = z.output<typeof purgeSettings>

export type TargetSpec =
  | { readonly kind: 'rsync'; readonly settings: RsyncSettings }
  | { readonly kind: 's3'; readonly settings: S3Settings }
  | { readonly kind: 'purge'; readonly settings: PurgeSettings }

export type TargetKind = TargetSpec['kind']

export const TARGET_KINDS: readonly TargetKind[] = ['rsync', 's3', 'purge']

/** A target's settings checked against its kind; VALIDATION_FAILED names the field. */
export function targetSpec(kind: string, settings: unknown): TargetSpec {
  const checkedKind = validateInput(z.enum(['rsync', 's3', 'purge']), kind, 'kind')
  if (checkedKind === 'rsync')
    return { kind: checkedKind, settings: validateInput(rsyncSettings, settings, 'settings') }
  if (checkedKind === 's3')
    return { kind: checkedKind, settings: validateInput(s3Settings, settings, 'settings') }
  return { kind: checkedKind, settings: validateInput(purgeSettings, settings, 'settings') }
}

/** Where a target sends, for listings: never a secret, as settings hold none. */
export function destinationOf(spec: TargetSpec): string {
  if (spec.kind === 'rsync') return spec.settings.destination
  if (spec.kind === 's3')
    return `s3://${spec.settings.bucket}/${spec.settings.prefix}${spec.settings.endpoint ? ` (${spec.settings.endpoint})` : ''}`
  return spec.settings.endpoint
}
