import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { linkOf } from '../src/content/audit-link.ts'
import { engines, freshPostgresUrl } from './support/engines.ts'

const run = promisify(execFile)
const main = new URL('../src/cli/main.ts', import.meta.url).pathname

interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

interface AuditRow {
  id: number
  at: string
  actor: string
  address: string
  action: string
  target_type: string
  target_id: string
  outcome: string
  error_code: string | null
  detail: string
  hash: string
  key_id: string | null
}

/** The intruder: plain SQL on the database, with no fabu code but what anyone can read. */
interface Intruder {
  exec(statement: string, ...values: unknown[]): Promise<void>
  rows(): Promise<AuditRow[]>
  close(): Promise<void>
}

for (const engine of engines()) {
  // Each test runs the CLI four or five times, about a second each on an idle machine.
  describe(`${engine.name}: fabu audit verify against someone who can write the database`, {
    timeout: 120_000,
  }, () => {
    let folder: string
    let env: NodeJS.ProcessEnv
    let intruder: Intruder

    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-audit-cli-'))
      env = { ...process.env, DATABASE_URL: '', FABU_AUDIT_KEY: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      // No `fabu init`: the first command creates the key, as any first start does.
      for (const slug of ['a', 'b']) {
        const created = await fabu(
          'site',
          'create',
          '--slug',
          slug,
          '--name',
          `站点${slug}`,
          '--base-url',
          `https://${slug}.example`,
        )
        expect(created.code, created.stderr).toBe(0)
      }
      intruder =
        engine.name === 'postgres' ? await postgresIntruder(env.DATABASE_URL ?? '') : sqliteIntruder(folder)
      await dropAppendOnlyGuard()
    })
    afterEach(async () => {
      await intruder?.close()
      await rm(folder, { recursive: true, force: true })
    })

    function fabu(...args: string[]): Promise<CliResult> {
      return fabuIn(folder, env, ...args)
    }

    async function dropAppendOnlyGuard() {
      if (engine.name === 'postgres') {
        await intruder.exec('drop trigger audit_log_no_update on audit_log')
        await intruder.exec('drop trigger audit_log_no_truncate on audit_log')
      } else {
        await intruder.exec('drop trigger audit_log_no_update')
        await intruder.exec('drop trigger audit_log_no_delete')
      }
    }

    /** Re-links what is left, from the first row on, and points the head at the last one. */
    async function rechain(
      link: (previous: string, row: AuditRow) => string,
      keyId: (row: AuditRow) => string | null,
    ) {
      let previous = ''
      let lastId = 0
      for (const row of await intruder.rows()) {
        const hash = link(previous, row)
        await intruder.exec(
          'update audit_log set prev_hash = $1, hash = $2, key_id = $3 where id = $4',
          previous,
          hash,
          keyId(row),
          row.id,
        )
        previous = hash
        lastId = row.id
      }
      await intruder.exec('update audit_head set last_hash = $1, last_id = $2', previous, lastId)
    }

    async function expectTampered(reason: RegExp) {
      const verified = await fabu('audit', 'verify')
      expect(verified.code, verified.stderr).toBe(3)
      expect(verified.stdout).toContain('audit log NOT intact')
      expect(verified.stdout).toMatch(reason)
    }

    it('keeps its key in the data folder, readable by its owner only, and verifies an untouched log', async () => {
      const key = await stat(join(folder, 'keys', 'audit.key'))
      expect(key.mode & 0o777).toBe(0o600)
      const verified = await fabu('audit', 'verify')
      expect(verified.code, verified.stdout).toBe(0)
      expect(verified.stdout).toMatch(
        /audit log intact: 2 .*records checked; .*[1-9]\d* checkpoints outside the database match/,
      )
    })

    it('says NOT intact when every record was deleted and the head reset', async () => {
      await intruder.exec('delete from audit_log')
      await intruder.exec("update audit_head set last_hash = '', last_id = 0")
      await expectTampered(/it was emptied/)
    })

    it('says NOT intact when the last records were deleted and the head moved back', async () => {
      const rows = await intruder.rows()
      const kept = rows[0] as AuditRow
      await intruder.exec('delete from audit_log where id > $1', kept.id)
      await intruder.exec('update audit_head set last_hash = $1, last_id = $2', kept.hash, kept.id)
      await expectTampered(/records were cut off the end/)
    })

    it('says NOT intact when a record was changed and the chain recomputed as plain SHA-256', async () => {
      const [first] = await intruder.rows()
      await intruder.exec("update audit_log set actor = '某人 (u-1)' where id = $1", first?.id)
      await rechain(
        (previous, row) => linkOf(null, previous, row),
        () => null,
      )
      await expectTampered(/the chain was recomputed without the key/)
      // Claiming the records predate keys does not help: the checkpoints say where keys began.
      await intruder.exec('update audit_head set keyed_from = 1000000')
      await expectTampered(/the keyed part of the chain was moved/)
    })

    it('says NOT intact when the chain was recomputed with a key of the intruder’s own', async () => {
      const [first] = await intruder.rows()
      await intruder.exec("update audit_log set outcome = 'failure' where id = $1", first?.id)
      const guessed = { id: first?.key_id ?? '', secret: randomBytes(32) }
      await rechain(
        (previous, row) => linkOf(guessed, previous, row),
        (row) => row.key_id,
      )
      await expectTampered(/record does not match its link under the audit key/)
    })
  })
}

// Keys are the data folder's business, the same whatever the engine: SQLite alone suffices.
describe('fabu audit rotate-key and FABU_AUDIT_KEY', { timeout: 120_000 }, () => {
  let folder: string
  let env: NodeJS.ProcessEnv
  let db: DatabaseSync
  const fabu = (...args: string[]) => fabuIn(folder, env, ...args)
  const intruder = {
    rows: () => db.prepare('select * from audit_log order by id').all() as unknown as AuditRow[],
  }

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-audit-keys-'))
    env = { ...process.env, DATABASE_URL: '', FABU_AUDIT_KEY: '' }
    for (const slug of ['a', 'b']) {
      await fabu(
        'site',
        'create',
        '--slug',
        slug,
        '--name',
        `站点${slug}`,
        '--base-url',
        `https://${slug}.example`,
      )
    }
    db = new DatabaseSync(join(folder, 'fabu.db'))
  })
  afterEach(async () => {
    db?.close()
    await rm(folder, { recursive: true, force: true })
  })

  async function expectTampered(reason: RegExp) {
    const verified = await fabu('audit', 'verify')
    expect(verified.code, verified.stderr).toBe(3)
    expect(verified.stdout).toMatch(reason)
  }

  it('keeps older records verifying after rotate-key, and chains new ones with the new key', async () => {
    const rotated = await fabu('audit', 'rotate-key')
    expect(rotated.code, rotated.stderr).toBe(0)
    const keyFile = await readFile(join(folder, 'keys', 'audit.key'), 'utf8')
    const ids = keyFile
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(':')[0])
    expect(ids).toHaveLength(2)
    await fabu('site', 'create', '--slug', 'd', '--name', '站点d', '--base-url', 'https://d.example')
    const verified = await fabu('audit', 'verify')
    expect(verified.code, verified.stdout).toBe(0)
    expect(verified.stdout).toContain('audit log intact: 4')
    const keyIds = intruder.rows().map((row) => row.key_id)
    expect(keyIds).toEqual([ids[0], ids[0], ids[1], ids[1]])
    expect(intruder.rows().at(-2)?.action).toBe('audit.rotateKey')
  })

  it('records a publish run from the command line, with its counts', async () => {
    const published = await fabu('publish', '--site', 'a', '--full')
    expect(published.code, published.stderr).toBe(0)
    const [record] = intruder.rows().filter((row) => row.action === 'publish.run')
    expect(record).toMatchObject({ target_type: 'site', outcome: 'success', address: '' })
    const detail = JSON.parse(record?.detail ?? '{}')
    expect(detail).toMatchObject({ mode: 'full', removed: 0, errors: 0 })
    expect(detail.written).toBeGreaterThan(0)
    expect(detail.runId).toBeGreaterThan(0)
  })

  it('takes the key from FABU_AUDIT_KEY, which wins over the file', async () => {
    env.FABU_AUDIT_KEY = `env1:${randomBytes(32).toString('hex')}`
    await fabu('site', 'create', '--slug', 'e', '--name', '站点e', '--base-url', 'https://e.example')
    expect(intruder.rows().at(-1)?.key_id).toBe('env1')
    // The file's key is not in the variable, so the older records cannot be checked with it.
    await expectTampered(/key ".+", not in the keyring/)
  })
})

async function fabuIn(folder: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args, '--data', folder], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function sqliteIntruder(folder: string): Intruder {
  const db = new DatabaseSync(join(folder, 'fabu.db'))
  return {
    async exec(statement, ...values) {
      db.prepare(statement.replace(/\$\d+/g, '?')).run(...(values as never[]))
    },
    async rows() {
      return db.prepare('select * from audit_log order by id').all() as unknown as AuditRow[]
    },
    async close() {
      db.close()
    },
  }
}

async function postgresIntruder(url: string): Promise<Intruder> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return {
    async exec(statement, ...values) {
      await client.query(statement, values)
    },
    async rows() {
      const result = await client.query('select * from audit_log order by id')
      // The same text the services read: detail as JSON text, times as ISO strings.
      return result.rows.map((row) => ({
        ...row,
        at: new Date(row.at).toISOString(),
        detail: JSON.stringify(row.detail),
      }))
    },
    async close() {
      await client.end()
    },
  }
}
