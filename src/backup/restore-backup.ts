import { createHash, type Hash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, type FileHandle, mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import {
  BackupInvalidError,
  DatabaseTooNewError,
  RestoreTargetNotEmptyError,
  ValidationError,
} from '../errors/index.ts'
import { type Engine, latestSchemaVersion, openStoreAsIs, type StoreOptions } from '../store/index.ts'
import { type BackupManifest, DATABASE_PATH, MANIFEST_PATH, parseManifest } from './backup-manifest.ts'
import { runPostgresTool } from './postgres-tools.ts'
import { readTarGz } from './tar-gz.ts'

export interface RestoreOptions {
  readonly archive: string
  /** The data folder to create: missing or empty. */
  readonly dataDir: string
  /** An empty PostgreSQL database, for a backup of a PostgreSQL store. */
  readonly databaseUrl?: string | undefined
}

export interface RestoreReport {
  readonly dataDir: string
  readonly engine: Engine
  readonly schemaVersion: number
  readonly fabuVersion: string
  readonly createdAt: string
  /** False: the archive was made with --no-keys, and the keys must be put in place before fabu runs. */
  readonly hasKeys: boolean
  readonly files: number
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024

/**
 * Restores a backup into a new data folder (and, for PostgreSQL, an empty database). The whole
 * archive is read and checked against its manifest before anything is written; the files are
 * then unpacked into a folder beside the target and renamed into place only once the database
 * is restored, so a failure leaves no half-restored data folder behind.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const archive = resolve(options.archive)
  const target = resolve(options.dataDir)
  await assertEmptyFolder(target)
  const manifest = await checkArchive(archive)
  if (manifest.schemaVersion > latestSchemaVersion()) {
    throw new DatabaseTooNewError(manifest.schemaVersion, latestSchemaVersion())
  }
  if (manifest.engine === 'postgres' && !options.databaseUrl) {
    throw new ValidationError(
      '--database-url',
      '这是 PostgreSQL 的备份，请用 DATABASE_URL 或 --database-url 指定一个空数据库',
      'this is a PostgreSQL backup: name an empty database with DATABASE_URL or --database-url',
    )
  }
  if (manifest.engine === 'sqlite' && options.databaseUrl) {
    throw new ValidationError(
      '--database-url',
      '这是 SQLite 的备份，只能恢复为 SQLite；请去掉 DATABASE_URL',
      'this is a SQLite backup and restores as SQLite only; unset DATABASE_URL',
    )
  }
  if (options.databaseUrl) await assertEmptyDatabase(options.databaseUrl)

  const staging = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, { mode: 0o700 })
  try {
    await unpack(archive, manifest, staging)
    if (options.databaseUrl) {
      const dump = join(staging, DATABASE_PATH.postgres)
      await runPostgresTool('pg_restore', options.databaseUrl, [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        dump,
      ])
      await rm(dump)
    }
    await forgetPublishedOutput(
      options.databaseUrl
        ? { databaseUrl: options.databaseUrl }
        : { sqlitePath: join(staging, DATABASE_PATH.sqlite) },
    )
    // Made private while it filled; a data folder is readable (nginx serves sites/ from it),
    // while keys/ inside stays the owner's alone.
    await chmod(staging, 0o755)
    if (existsSync(target)) await rmdir(target)
    await rename(staging, target)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
  return {
    dataDir: target,
    engine: manifest.engine,
    schemaVersion: manifest.schemaVersion,
    fabuVersion: manifest.fabuVersion,
    createdAt: manifest.createdAt,
    hasKeys: manifest.hasKeys,
    files: manifest.files.length,
  }
}

/**
 * Published pages are not in a backup, so the restored database must not believe they exist:
 * the publisher skips a page whose bytes match its record, and would write nothing. With the
 * record gone the first publish writes every page. A publish lease held when the backup was
 * taken belonged to a process of the old machine.
 */
async function forgetPublishedOutput(options: StoreOptions): Promise<void> {
  const store = openStoreAsIs(options)
  try {
    await store.transaction(async (tx) => {
      await tx.deleteFrom('page_deps').execute()
      await tx.deleteFrom('published_pages').execute()
      await tx.deleteFrom('publish_leases').execute()
    })
  } finally {
    await store.close()
  }
}

async function assertEmptyFolder(target: string): Promise<void> {
  if (!existsSync(target)) return
  let entries: string[]
  try {
    entries = await readdir(target)
  } catch {
    throw new RestoreTargetNotEmptyError(target)
  }
  if (entries.length > 0) throw new RestoreTargetNotEmptyError(target)
}

/** A database with any table of its own (outside PostgreSQL's catalogs) is not a restore target. */
async function assertEmptyDatabase(databaseUrl: string): Promise<void> {
  const store = openStoreAsIs({ databaseUrl })
  try {
    const tables = await store.db.introspection.getTables()
    if (tables.length > 0) throw new RestoreTargetNotEmptyError(redact(databaseUrl))
  } finally {
    await store.close()
  }
}

/** Reads the whole archive, hashing every file, and checks it against its manifest. Writes nothing. */
async function checkArchive(archive: string): Promise<BackupManifest> {
  const seen = new Map<string, { size: number; sha256: string }>()
  let manifestText: Buffer[] | null = null
  let current: { path: string; size: number; hash: Hash } | null = null
  await readTarGz(archive, {
    async start(path, size) {
      if (seen.has(path) || (path === MANIFEST_PATH && manifestText)) {
        throw new BackupInvalidError(archive, `${path} appears twice`)
      }
      if (path === MANIFEST_PATH) {
        if (size > MAX_MANIFEST_BYTES) throw new BackupInvalidError(archive, 'manifest.json is too large')
        manifestText = []
      }
      current = { path, size, hash: createHash('sha256') }
    },
    async data(chunk) {
      if (current?.path === MANIFEST_PATH) manifestText?.push(Buffer.from(chunk))
      else current?.hash.update(chunk)
    },
    async end() {
      if (current && current.path !== MANIFEST_PATH) {
        seen.set(current.path, { size: current.size, sha256: current.hash.digest('hex') })
      }
      current = null
    },
  })
  if (!manifestText) throw new BackupInvalidError(archive, 'no manifest.json: not a fabu backup')
  const manifest = parseManifest(Buffer.concat(manifestText).toString('utf8'))
  if (typeof manifest === 'string') throw new BackupInvalidError(archive, manifest)
  for (const file of manifest.files) {
    const found = seen.get(file.path)
    if (!found) throw new BackupInvalidError(archive, `${file.path} is missing`)
    if (found.size !== file.size || found.sha256 !== file.sha256) {
      throw new BackupInvalidError(archive, `${file.path} does not match its hash in the manifest`)
    }
  }
  if (seen.size !== manifest.files.length) {
    throw new BackupInvalidError(archive, 'it holds files its manifest does not list')
  }
  if (!seen.has(DATABASE_PATH[manifest.engine])) {
    throw new BackupInvalidError(archive, `${DATABASE_PATH[manifest.engine]} is missing`)
  }
  return manifest
}

/** Writes the checked files under `folder`, hashing them again: the archive may have changed since. */
async function unpack(archive: string, manifest: BackupManifest, folder: string): Promise<void> {
  const expected = new Map(manifest.files.map((file) => [file.path, file.sha256]))
  let current: { path: string; file: FileHandle; hash: Hash } | null = null
  try {
    await readTarGz(archive, {
      async start(path) {
        if (path === MANIFEST_PATH) return
        const to = join(folder, path)
        const isSecret = path.startsWith('keys/')
        await mkdir(dirname(to), { recursive: true, mode: isSecret ? 0o700 : 0o755 })
        current = { path, file: await open(to, 'wx', isSecret ? 0o600 : 0o644), hash: createHash('sha256') }
      },
      async data(chunk) {
        if (!current) return
        current.hash.update(chunk)
        await current.file.write(chunk)
      },
      async end() {
        if (!current) return
        const { path, file, hash } = current
        current = null
        await file.close()
        if (hash.digest('hex') !== expected.get(path)) {
          throw new BackupInvalidError(archive, `${path} changed since it was checked`)
        }
      },
    })
  } finally {
    await (current as { file: FileHandle } | null)?.file.close().catch(() => {})
  }
}

function redact(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  if (url.password) url.password = '***'
  return url.toString()
}
