import { createHash, type Hash, randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { lstat, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite'
import {
  AUDIT_KEY_ENV,
  auditKeyPath,
  CONFIG_FILE,
  type Config,
  INTERACTION_KEY_ENV,
  interactionKeyPath,
} from '../config/index.ts'
import { AlreadyExistsError, BackupFailedError, ValidationError } from '../errors/index.ts'
import { currentVersion, type Engine, openStoreAsIs, type StoreOptions } from '../store/index.ts'
import {
  type BackupFile,
  type BackupManifest,
  DATABASE_PATH,
  fabuVersion,
  MANIFEST_PATH,
} from './backup-manifest.ts'
import { runPostgresTool } from './postgres-tools.ts'
import { createTarGzWriter } from './tar-gz.ts'

export interface BackupReport {
  readonly archive: string
  readonly engine: Engine
  readonly schemaVersion: number
  readonly files: number
  readonly bytes: number
  /** Keys not in the archive (in the environment, or left out with --no-keys): keep them yourself. */
  readonly keysNotIncluded: readonly string[]
}

/** The audit checkpoints: signed heads of the audit chain, beside the database. */
export const CHECKPOINTS_FILE = 'audit-checkpoints.log'

/**
 * Writes one .tar.gz holding a consistent copy of the database (SQLite's online backup, or
 * pg_dump), the uploads of every site, the key files, the audit checkpoints and fabu.toml, with
 * a manifest of their hashes last. The server may keep running: neither copy blocks its writers.
 * Published pages are left out, since publishing rebuilds them from the database.
 */
export async function createBackup(
  config: Readonly<Config>,
  archivePath: string,
  options: { readonly hasKeys?: boolean; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<BackupReport> {
  const env = options.env ?? process.env
  const hasKeys = options.hasKeys ?? true
  const archive = resolve(archivePath)
  if (existsSync(archive)) throw new AlreadyExistsError('archive', archive)
  if (isInside(archive, config.dataDir)) {
    throw new ValidationError(
      'archive',
      `备份文件须写在数据目录之外：${archive}`,
      `the archive must be written outside the data folder: ${archive}`,
    )
  }
  // The database's copy is staged beside the archive, on its disk rather than a small /tmp.
  const staging = join(dirname(archive), `.fabu-backup-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, { recursive: true, mode: 0o700 })
  const writer = createTarGzWriter(archive)
  const files: BackupFile[] = []
  let isDone = false
  try {
    const add = async (path: string, size: number, body: Uint8Array | AsyncIterable<Uint8Array>) => {
      const hash = createHash('sha256')
      if (body instanceof Uint8Array) hash.update(body)
      const hashed = body instanceof Uint8Array ? body : hashing(body, hash)
      await writer.add(path, size, hashed)
      files.push({ path, size, sha256: hash.digest('hex') })
    }
    const addFile = async (path: string, from: string) => {
      const { size } = await stat(from)
      await add(path, size, size === 0 ? new Uint8Array() : createReadStream(from, { end: size - 1 }))
    }

    for (const [path, from] of smallFiles(config, hasKeys ? env : null)) {
      if (!existsSync(from)) continue
      const body = await readFile(from)
      await add(path, body.length, body)
    }
    const engine: Engine = config.databaseUrl ? 'postgres' : 'sqlite'
    const { schemaVersion, sites, snapshot } = await snapshotDatabase(config, staging)
    await addFile(DATABASE_PATH[engine], snapshot)
    await rm(snapshot)
    for (const site of sites) {
      const uploads = join(config.dataDir, 'sites', site.slug, site.outputPrefix, 'uploads')
      for (const file of await regularFilesUnder(uploads)) {
        await addFile(relative(config.dataDir, file).split(sep).join('/'), file)
      }
    }
    const manifest: BackupManifest = {
      format: 'fabu-backup',
      formatVersion: 1,
      fabuVersion: fabuVersion(),
      engine,
      schemaVersion,
      createdAt: new Date().toISOString(),
      hasKeys,
      files,
    }
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
    await writer.add(MANIFEST_PATH, text.length, text)
    await writer.finish()
    isDone = true
    return {
      archive,
      engine,
      schemaVersion,
      files: files.length,
      bytes: (await stat(archive)).size,
      keysNotIncluded: hasKeys
        ? [AUDIT_KEY_ENV, INTERACTION_KEY_ENV].filter((name) => env[name])
        : ['keys/audit.key', 'keys/interaction.key'],
    }
  } finally {
    if (!isDone) {
      writer.abort()
      await rm(archive, { force: true })
    }
    await rm(staging, { recursive: true, force: true })
  }
}

async function* hashing(chunks: AsyncIterable<Uint8Array>, hash: Hash): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    hash.update(chunk)
    yield chunk
  }
}

/**
 * The files read whole before the database is copied. The audit checkpoints come first on
 * purpose: every head they hold is then one the database copy already has, so the restored
 * log verifies instead of looking cut short.
 */
function smallFiles(config: Readonly<Config>, env: NodeJS.ProcessEnv | null): [string, string][] {
  const entries: [string, string][] = [
    [CHECKPOINTS_FILE, join(config.dataDir, CHECKPOINTS_FILE)],
    [CONFIG_FILE, join(config.dataDir, CONFIG_FILE)],
  ]
  // Keys from the environment are the operator's to keep; only the key files are copied.
  if (!env) return entries
  if (!env[AUDIT_KEY_ENV]) entries.push(['keys/audit.key', auditKeyPath(config.dataDir)])
  if (!env[INTERACTION_KEY_ENV]) entries.push(['keys/interaction.key', interactionKeyPath(config.dataDir)])
  return entries
}

interface DatabaseSnapshot {
  readonly snapshot: string
  readonly schemaVersion: number
  readonly sites: readonly { readonly slug: string; readonly outputPrefix: string }[]
}

async function snapshotDatabase(config: Readonly<Config>, staging: string): Promise<DatabaseSnapshot> {
  if (!config.databaseUrl) {
    const snapshot = join(staging, DATABASE_PATH.sqlite)
    if (!existsSync(config.sqlitePath)) {
      throw new BackupFailedError('SQLite backup', `no database at ${config.sqlitePath}`)
    }
    // SQLite's online backup copies page by page and starts over if another connection
    // writes meanwhile, so the copy is one committed state even while `fabu serve` runs.
    const source = new DatabaseSync(config.sqlitePath, { readOnly: true, timeout: 5000 })
    try {
      await sqliteBackup(source, snapshot)
    } catch (error) {
      throw new BackupFailedError('SQLite backup', (error as Error).message, { cause: error })
    } finally {
      source.close()
    }
    return { snapshot, ...(await readSchemaAndSites({ sqlitePath: snapshot })) }
  }
  const snapshot = join(staging, DATABASE_PATH.postgres)
  const before = await readSchemaAndSites({ databaseUrl: config.databaseUrl })
  // pg_dump reads inside one repeatable-read transaction: a consistent state while the server writes.
  await runPostgresTool('pg_dump', config.databaseUrl, [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${snapshot}`,
  ])
  const after = await readSchemaAndSites({ databaseUrl: config.databaseUrl })
  if (after.schemaVersion !== before.schemaVersion) {
    throw new BackupFailedError(
      'pg_dump',
      'the database was migrated while it was dumped; run the backup again',
    )
  }
  return { snapshot, ...after }
}

async function readSchemaAndSites(options: StoreOptions): Promise<Omit<DatabaseSnapshot, 'snapshot'>> {
  const store = openStoreAsIs(options)
  try {
    const schemaVersion = await currentVersion(store.db)
    const rows = await store.db.selectFrom('sites').select(['slug', 'output_prefix']).execute()
    return { schemaVersion, sites: rows.map((row) => ({ slug: row.slug, outputPrefix: row.output_prefix })) }
  } finally {
    await store.close()
  }
}

/** Regular files only: a symbolic link in the uploads folder is not fabu's and is not followed. */
async function regularFilesUnder(folder: string): Promise<string[]> {
  if (!existsSync(folder) || !(await lstat(folder)).isDirectory()) return []
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

function isInside(path: string, folder: string): boolean {
  const from = relative(resolve(folder), path)
  return from === '' || (!from.startsWith('..') && !from.startsWith(sep))
}
