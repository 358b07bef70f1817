import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Engine } from '../store/index.ts'
import { isSafeRelativePath } from './tar-gz.ts'

/** The last entry of every archive: what it holds and from which fabu, so a restore can check it all first. */
export interface BackupManifest {
  readonly format: 'fabu-backup'
  readonly formatVersion: 1
  readonly fabuVersion: string
  readonly engine: Engine
  /** The database's migration level when it was copied: a fabu older than this cannot restore it. */
  readonly schemaVersion: number
  readonly createdAt: string
  /** False for `fabu backup --no-keys`: the keys are kept elsewhere, as docs/server.md advises for the audit key. */
  readonly hasKeys: boolean
  readonly files: readonly BackupFile[]
}

export interface BackupFile {
  readonly path: string
  readonly size: number
  readonly sha256: string
}

export const MANIFEST_PATH = 'manifest.json'
/** The database inside the archive, by engine: a SQLite file or a pg_dump custom-format dump. */
export const DATABASE_PATH = { sqlite: 'fabu.db', postgres: 'database.pgdump' } as const

const manifestSchema = z
  .object({
    format: z.literal('fabu-backup'),
    formatVersion: z.literal(1),
    fabuVersion: z.string().min(1),
    engine: z.enum(['sqlite', 'postgres']),
    schemaVersion: z.number().int().min(0),
    createdAt: z.string().min(1),
    hasKeys: z.boolean(),
    files: z.array(
      z.object({
        path: z.string().refine(isSafeRelativePath, 'must be a relative path inside the data folder'),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    ),
  })
  .strict()

/** The manifest's JSON checked against its shape, or the reason it is not one. */
export function parseManifest(text: string): BackupManifest | string {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return 'manifest.json is not JSON'
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return `manifest.json: ${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'}`
  }
  return parsed.data
}

/** fabu's own version, from its package.json. */
export function fabuVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  return (JSON.parse(text) as { version: string }).version
}
