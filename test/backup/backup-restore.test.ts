import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createTarGzWriter, readTarGz } from '../../src/backup/tar-gz.ts'
import { loadInteractionKeys } from '../../src/config/index.ts'
import { createInteraction } from '../../src/interaction/index.ts'
import { openStore } from '../../src/store/index.ts'
import { acceptUpload, storeUpload } from '../../src/uploads/index.ts'
import { engines } from '../support/engines.ts'
import { operator } from '../support/interaction-fixture.ts'
import { runFabu } from '../support/run-fabu.ts'
import { startServe } from '../support/serve-process.ts'

const run = promisify(execFile)

/** A database of its own (pg_dump copies a whole database), dropped when the suite ends. */
async function createDatabase(made: string[]): Promise<string> {
  const url = inject('pgUrl')
  if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL is not available to the tests')
  const name = `fabu_bk_${randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  made.push(name)
  const database = new URL(url)
  database.pathname = `/${name}`
  return database.toString()
}

async function dropDatabases(names: readonly string[]): Promise<void> {
  const url = inject('pgUrl')
  if (!url || names.length === 0) return
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  for (const name of names) await client.query(`drop database if exists ${name} with (force)`)
  await client.end()
}

async function tableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const { rows } = await client.query(
    "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
  )
  await client.end()
  return rows[0].n as number
}

/** Every published file's bytes, by path, leaving out the publisher's scratch folder. */
async function publishedFiles(siteFolder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const entry of await readdir(siteFolder, { recursive: true, withFileTypes: true })) {
    const path = relative(siteFolder, join(entry.parentPath, entry.name))
    if (!entry.isFile() || path.startsWith('.fabu-tmp')) continue
    files.set(path, await readFile(join(siteFolder, path)))
  }
  return files
}

for (const engine of engines()) {
  describe(`${engine.name}: fabu backup and fabu restore`, { timeout: 240_000 }, () => {
    let root: string
    let source: string
    let archive: string
    let sourceUrl = ''
    let uploadPath = ''
    let caseId = 0
    const databases: string[] = []
    const envFor = (databaseUrl: string): NodeJS.ProcessEnv => ({
      ...process.env,
      DATABASE_URL: databaseUrl,
      FABU_AUDIT_KEY: '',
      FABU_INTERACTION_KEY: '',
    })
    const emptyTarget = async () => (engine.name === 'postgres' ? await createDatabase(databases) : '')

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'fabu-backup-'))
      source = join(root, 'data')
      archive = join(root, 'site.tar.gz')
      sourceUrl = await emptyTarget()
      const fabu = (...args: string[]) => runFabu(source, envFor(sourceUrl), ...args)
      expect((await fabu('demo', '--json')).code).toBe(0)

      // An image uploaded as the admin stores it, used by a published article.
      const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#b22' } })
        .png()
        .toBuffer()
      const accepted = await acceptUpload({ bytes: png, fileName: '图.png' }, { maxFileBytes: 1 << 20 })
      const stored = await storeUpload(join(source, 'sites', 'simt', 'uploads'), accepted)
      uploadPath = `uploads/${stored.path}`
      const body = join(root, 'body.html')
      await writeFile(body, `<p>备份演练</p><p><img src="/${uploadPath}" alt="图"></p>`)
      const created = await fabu(
        'article',
        'create',
        '--column',
        'tzgg',
        '--title',
        '备份恢复演练通知',
        '--body-file',
        body,
        '--json',
      )
      expect(created.code, created.stderr).toBe(0)
      expect((await fabu('article', 'publish', String(JSON.parse(created.stdout).id))).code).toBe(0)

      // A visitor's letter, its personal data sealed with the data folder's key.
      const store = await openStore(
        sourceUrl ? { databaseUrl: sourceUrl } : { sqlitePath: join(source, 'fabu.db') },
      )
      try {
        const interaction = createInteraction(store, { keys: loadInteractionKeys(source, envFor(sourceUrl)) })
        const [mailbox] = await interaction.as(operator).mailboxes.list(1)
        if (!mailbox) throw new Error('the demo has no mailbox')
        const letter = await interaction.visitors.submit(await interaction.visitors.mailboxById(mailbox.id), {
          subject: '关于检定预约的咨询',
          content: '请问周末是否可以预约检定？',
          name: '陈静',
          phone: '13700001111',
        })
        caseId = letter.caseId
      } finally {
        await store.close()
      }
      const published = await fabu('publish', '--json')
      expect(published.code, published.stderr).toBe(0)
      const backedUp = await fabu('backup', archive, '--json')
      expect(backedUp.code, backedUp.stderr).toBe(0)
      expect(JSON.parse(backedUp.stdout)).toMatchObject({ engine: engine.name, keysNotIncluded: [] })
    }, 240_000)
    afterAll(async () => {
      await rm(root, { recursive: true, force: true })
      await dropDatabases(databases)
    })

    it('restores into an empty folder a site that publishes byte for byte as the original, letters readable', async () => {
      const target = join(root, 'restored')
      const targetUrl = await emptyTarget()
      const fabu = (...args: string[]) => runFabu(target, envFor(targetUrl), ...args)
      const restored = await fabu('restore', archive, '--json')
      expect(restored.code, restored.stderr).toBe(0)
      expect(JSON.parse(restored.stdout)).toMatchObject({ engine: engine.name })
      expect((await stat(join(target, 'keys', 'interaction.key'))).mode & 0o777).toBe(0o600)

      const published = await fabu('publish', '--json')
      expect(published.code, published.stderr).toBe(0)
      const before = await publishedFiles(join(source, 'sites', 'simt'))
      const after = await publishedFiles(join(target, 'sites', 'simt'))
      expect(before.has(uploadPath)).toBe(true)
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
      for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true)

      const letter = await fabu('case', 'show', String(caseId), '--personal', '--json')
      expect(letter.code, letter.stderr).toBe(0)
      expect(JSON.parse(letter.stdout).personal).toMatchObject({ name: '陈静', phone: '13700001111' })
      const verified = await fabu('audit', 'verify')
      expect(verified.code, verified.stdout + verified.stderr).toBe(0)
    })

    it('refuses a corrupted or truncated archive and a non-empty target, writing nothing', async () => {
      const bytes = await readFile(archive)
      const corrupted = join(root, 'corrupted.tar.gz')
      const flipped = Buffer.from(bytes)
      const at = Math.floor(flipped.length / 2)
      flipped[at] = (flipped[at] ?? 0) ^ 0xff
      await writeFile(corrupted, flipped)
      const truncated = join(root, 'truncated.tar.gz')
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)))

      for (const bad of [corrupted, truncated]) {
        const target = join(root, `from-${randomBytes(3).toString('hex')}`)
        const targetUrl = await emptyTarget()
        const refused = await runFabu(target, envFor(targetUrl), 'restore', bad)
        expect(refused.code, bad).toBe(1)
        expect(refused.stderr).toContain('BACKUP_INVALID')
        expect(existsSync(target)).toBe(false)
        if (targetUrl) expect(await tableCount(targetUrl)).toBe(0)
      }
      expect((await readdir(root)).filter((name) => name.includes('restoring'))).toEqual([])

      const occupied = join(root, 'occupied')
      await mkdir(occupied)
      await writeFile(join(occupied, 'notes.txt'), 'keep me')
      const refused = await runFabu(occupied, envFor(await emptyTarget()), 'restore', archive)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('RESTORE_TARGET_NOT_EMPTY')
      expect(await readdir(occupied)).toEqual(['notes.txt'])
    })

    it('leaves the keys out when asked, and says on restore that they must be put back', async () => {
      const keyless = join(root, 'keyless.tar.gz')
      const made = await runFabu(source, envFor(sourceUrl), 'backup', keyless, '--no-keys', '--json')
      expect(made.code, made.stderr).toBe(0)
      expect(JSON.parse(made.stdout).keysNotIncluded).toEqual(['keys/audit.key', 'keys/interaction.key'])
      const listed = (await run('tar', ['-tzf', keyless])).stdout.split('\n')
      expect(listed).toContain('manifest.json')
      expect(listed.filter((path) => path.startsWith('keys/'))).toEqual([])

      const target = join(root, 'from-keyless')
      const targetUrl = await emptyTarget()
      const restored = await runFabu(target, envFor(targetUrl), 'restore', keyless)
      expect(restored.code, restored.stderr).toBe(0)
      expect(restored.stdout).toContain('keys/interaction.key')
      expect(existsSync(join(target, 'keys'))).toBe(false)
      // The operator puts back the keys kept apart; the letters read again.
      await mkdir(join(target, 'keys'), { mode: 0o700 })
      for (const key of ['audit.key', 'interaction.key']) {
        await copyFile(join(source, 'keys', key), join(target, 'keys', key))
      }
      const letter = await runFabu(
        target,
        envFor(targetUrl),
        'case',
        'show',
        String(caseId),
        '--personal',
        '--json',
      )
      expect(letter.code, letter.stderr).toBe(0)
      expect(JSON.parse(letter.stdout).personal).toMatchObject({ phone: '13700001111' })
    })

    it('backs up a site while fabu serve runs and counts visits, into an archive that restores', async () => {
      const server = await startServe(source, envFor(sourceUrl), 'simt')
      const online = join(root, 'online.tar.gz')
      let isBackingUp = true
      let hits = 0
      const visits = (async () => {
        while (isBackingUp) {
          const answer = await fetch(new URL('/_fabu/hits?id=1', server.publicUrl), {
            method: 'POST',
            headers: { 'user-agent': 'Mozilla/5.0 (fabu test)' },
          })
          if (answer.ok) hits++
        }
      })()
      try {
        const backedUp = await runFabu(source, envFor(sourceUrl), 'backup', online, '--json')
        expect(backedUp.code, backedUp.stderr).toBe(0)
      } finally {
        isBackingUp = false
        await visits
        await server.stop()
      }
      expect(hits).toBeGreaterThan(0)
      const target = join(root, 'from-online')
      const targetUrl = await emptyTarget()
      const restored = await runFabu(target, envFor(targetUrl), 'restore', online, '--json')
      expect(restored.code, restored.stderr).toBe(0)
      const listed = await runFabu(
        target,
        envFor(targetUrl),
        'article',
        'list',
        '--text',
        '备份恢复演练',
        '--json',
      )
      expect(JSON.parse(listed.stdout)).toHaveLength(1)
    })

    it('refuses an archive made by a newer fabu, whose schema this one does not know', async () => {
      const entries: { path: string; chunks: Buffer[] }[] = []
      await readTarGz(archive, {
        start: async (path) => void entries.push({ path, chunks: [] }),
        data: async (chunk) => void entries.at(-1)?.chunks.push(Buffer.from(chunk)),
        end: async () => {},
      })
      const newer = join(root, 'newer.tar.gz')
      const writer = createTarGzWriter(newer)
      for (const entry of entries) {
        let body = Buffer.concat(entry.chunks)
        if (entry.path === 'manifest.json') {
          body = Buffer.from(JSON.stringify({ ...JSON.parse(body.toString()), schemaVersion: 9999 }))
        }
        await writer.add(entry.path, body.length, body)
      }
      await writer.finish()
      const target = join(root, 'from-newer')
      const refused = await runFabu(target, envFor(await emptyTarget()), 'restore', newer)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('DATABASE_TOO_NEW')
      expect(existsSync(target)).toBe(false)
    })
  })
}
