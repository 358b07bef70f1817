// A fabu cluster on this machine: PostgreSQL, `fabu serve --no-worker` and `fabu worker`
// processes sharing one data folder and one DATABASE_URL, as several machines would share a
// database and (through the publish targets) their output. Used by test/cluster/ and by
// `npm run bench:cluster`.

import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { createAccounts } from '../src/accounts/index.ts'
import { operatorAccess, systemActor } from '../src/content/index.ts'
import { openStore, type Store } from '../src/store/index.ts'
import { generateCorpus } from './generate-corpus.ts'

const main = new URL('../src/cli/main.ts', import.meta.url).pathname
const run = promisify(execFile)

export const EDITOR = 'cluster-editor'
export const EDITOR_PASSWORD = 'Fabu#2026pass'

/** `sites` sites of `articles` published articles each (slugs s0, s1 …), and an editor of all of them. */
export async function seedCluster(databaseUrl: string, sites: number, articles: number): Promise<string[]> {
  const store = await openStore({ databaseUrl })
  try {
    const slugs: string[] = []
    for (let i = 0; i < sites; i++) {
      const slug = `s${i}`
      await generateCorpus(store, articles, i + 1, { slug, name: `集群站点${i}` })
      slugs.push(slug)
    }
    const accounts = createAccounts(store)
    const operator = { actor: systemActor('cli:cluster'), access: operatorAccess }
    const user = await accounts.users.create(operator, {
      userName: EDITOR,
      displayName: EDITOR,
      password: EDITOR_PASSWORD,
      mustChangePassword: false,
    })
    await accounts.users.grant(operator, { userId: user.id, role: 'site_admin', siteId: null } as never)
    return slugs
  } finally {
    await store.close()
  }
}

/** A fabu process of the cluster, started as an operator starts it. */
export interface FabuProcess {
  readonly role: 'serve' | 'worker'
  readonly child: ChildProcess
  /** The admin API's URL (servers only). */
  readonly adminUrl: string
  output(): string
  isAlive(): boolean
  /** SIGTERM and wait: a worker finishes the jobs it holds. */
  stop(): Promise<void>
  /** SIGKILL and wait: nothing is finished, the process just ends. */
  kill(): Promise<void>
}

export async function startFabu(
  role: 'serve' | 'worker',
  data: string,
  env: NodeJS.ProcessEnv,
  /** Runs the process on this core only (`taskset`), as if it had a machine of one core. */
  core?: number,
): Promise<FabuProcess> {
  const args =
    role === 'serve' ? ['serve', '--no-worker', '--no-logs', '--port', '0', '--admin-port', '0'] : ['worker']
  const command = [process.execPath, main, ...args, '--data', data]
  if (core !== undefined) command.unshift('taskset', '-c', String(core))
  const [file = '', ...rest] = command
  const child = spawn(file, rest, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString()
      if (role === 'worker' && output.includes('taking jobs')) resolve('')
      const admin = /admin at (http:\/\/127\.0\.0\.1:\d+)\/admin\//.exec(output)?.[1]
      if (role === 'serve' && admin && output.includes('Ctrl+C')) resolve(admin)
    }
    child.stdout.on('data', look)
    child.stderr.on('data', look)
    child.once('exit', (code) => reject(new Error(`fabu ${role} exited (${code}): ${output}`)))
  })
  const isAlive = () => child.exitCode === null && child.signalCode === null
  return {
    role,
    child,
    adminUrl,
    output: () => output,
    isAlive,
    async stop() {
      if (isAlive()) child.kill('SIGTERM')
      await exited
    },
    async kill() {
      if (isAlive()) child.kill('SIGKILL')
      await exited
    },
  }
}

/** An editor signed in to one server's API, with its cookie and CSRF token. */
export class EditorClient {
  readonly #base: string
  #cookie = ''
  #csrf = ''

  private constructor(base: string) {
    this.#base = base
  }

  static async signIn(base: string): Promise<EditorClient> {
    const client = new EditorClient(base)
    const response = await client.request('POST', '/api/session', {
      userName: EDITOR,
      password: EDITOR_PASSWORD,
    })
    if (response.status !== 201) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`)
    client.#csrf = (response.body as { csrfToken: string }).csrfToken
    return client
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {}
    if (this.#cookie) headers.cookie = this.#cookie
    if (this.#csrf) headers['x-csrf-token'] = this.#csrf
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    for (const cookie of response.headers.getSetCookie()) this.#cookie = cookie.split(';')[0] ?? ''
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }

  /** Saves a new title for the article; answers the title saved. */
  async retitle(articleId: number, title: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.request('GET', `/api/articles/${articleId}`)
      if (current.status !== 200) throw new Error(`GET article ${articleId}: ${JSON.stringify(current.body)}`)
      const revision = (current.body as { revision: number }).revision
      const saved = await this.request('PATCH', `/api/articles/${articleId}`, {
        baseRevision: revision,
        title,
      })
      if (saved.status === 200) return
      // Another save came in between (a publish assigning the URL does not bump the revision).
      if (saved.status !== 409 || attempt >= 5)
        throw new Error(`PATCH article ${articleId}: ${saved.status} ${JSON.stringify(saved.body)}`)
    }
  }
}

/** What the cluster still has to do: sites with unpublished changes, and pg-boss jobs not done. */
export interface Backlog {
  readonly pendingSites: number
  readonly queuedJobs: number
  readonly activeJobs: number
  /** Seconds the longest-running active job has run; 0 when none runs. */
  readonly oldestActiveSeconds: number
}

export async function backlog(store: Store): Promise<Backlog> {
  const { rows: schemaRows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    store.db,
  )
  const schema = schemaRows[0]?.schema === 'public' ? 'pgboss' : `${schemaRows[0]?.schema}_pgboss`
  const { rows: pending } = await sql<{ count: string }>`
    select count(distinct site_id) as count from changes where done_at is null`.execute(store.db)
  const { rows: jobs } = await sql<{ state: string; count: string; oldest: number | null }>`
    select state, count(*) as count,
      max(extract(epoch from now() - started_on)) as oldest
    from ${sql.table(`${schema}.job`)}
    where name in ('fabu-publish', 'fabu-reindex') and state in ('created', 'retry', 'active')
    group by state`.execute(store.db)
  const count = (state: string) => Number(jobs.find((row) => row.state === state)?.count ?? 0)
  return {
    pendingSites: Number(pending[0]?.count ?? 0),
    queuedJobs: count('created') + count('retry'),
    activeJobs: count('active'),
    oldestActiveSeconds: Number(jobs.find((row) => row.state === 'active')?.oldest ?? 0),
  }
}

/** Every file under `folder` with the SHA-256 of its bytes, by path relative to it. */
export async function fileTree(
  folder: string,
  skip: (path: string) => boolean,
): Promise<Map<string, string>> {
  const tree = new Map<string, string>()
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = relative(folder, join(entry.parentPath, entry.name))
    if (skip(path)) continue
    tree.set(
      path,
      createHash('sha256')
        .update(await readFile(join(folder, path)))
        .digest('hex'),
    )
  }
  return tree
}

/** `fabu <args> --data <data>` to its end, as an operator runs it. */
export async function runFabu(data: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [main, ...args, '--data', data], {
    env,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}
