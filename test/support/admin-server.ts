import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach } from 'vitest'
import { type Accounts, createAccounts } from '../../src/accounts/index.ts'
import {
  createInspection,
  createLinkReports,
  createWordingGate,
  createWordLists,
} from '../../src/checks/index.ts'
import { type Content, createContent, operatorAccess, systemActor } from '../../src/content/index.ts'
import { createInteraction, type Interaction } from '../../src/interaction/index.ts'
import { createImportJobs } from '../../src/jobs/index.ts'
import { Publisher, PublishQueue, themeExists } from '../../src/publish/index.ts'
import { ArticleListReaders, articleTextIndex, readingListsIn } from '../../src/search/index.ts'
import { createAdminApp } from '../../src/server/admin-app.ts'
import type { Store } from '../../src/store/index.ts'
import type { TestEngine, TestStore } from './engines.ts'
import { testKeys } from './interaction-fixture.ts'

export const PASSWORD = 'Fabu#2026pass'

/** The built admin UI the browser tests load; FABU_ADMIN_DIST points elsewhere (parallel builds). */
export const ADMIN_DIST =
  process.env.FABU_ADMIN_DIST ?? new URL('../../admin/dist/', import.meta.url).pathname

export interface AdminServer {
  app: FastifyInstance
  publisher: Publisher
  store: Store
  content: Content
  accounts: Accounts
  queue: PublishQueue
  interaction: Interaction
  url: string
  output: string
  /** A signed-out client of the running server. */
  client(): ApiClient
  /** Creates an account through the services (as the CLI's `fabu user add` does). */
  addUser(
    userName: string,
    grants?: {
      role: string
      siteId?: number | null
      columnId?: number | null
      reviewLevel?: number | null
    }[],
  ): Promise<number>
  /** A client signed in as `userName`. */
  signedIn(userName: string): Promise<ApiClient>
}

export interface ApiResponse {
  status: number
  body: any
  headers: Headers
}

/** fetch with a cookie jar and the CSRF header, as the admin UI sends requests. */
export class ApiClient {
  readonly #base: string
  #cookie = ''
  csrfToken = ''

  constructor(base: string) {
    this.#base = base
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    redirect: RequestInit['redirect'] = 'follow',
  ): Promise<ApiResponse> {
    const init: RequestInit = { method, headers: { ...headers }, redirect }
    const sent = init.headers as Record<string, string>
    if (this.#cookie) sent.cookie = this.#cookie
    if (this.csrfToken && !('x-csrf-token' in headers)) sent['x-csrf-token'] = this.csrfToken
    if (body instanceof FormData || body instanceof Uint8Array) init.body = body as RequestInit['body']
    else if (body !== undefined) {
      sent['content-type'] ??= 'application/json'
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
    }
    const response = await fetch(`${this.#base}${path}`, init)
    const setCookie = response.headers.getSetCookie()
    for (const cookie of setCookie) {
      const [pair] = cookie.split(';')
      this.#cookie = pair?.endsWith('=') ? '' : (pair ?? '')
    }
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // Not JSON (CSV, HTML): the text itself.
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }

  /** A download as the bytes sent (an xlsx), where `request` would read them as text. */
  async bytes(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${this.#base}${path}`, { headers: { cookie: this.#cookie } })
    return {
      status: response.status,
      bytes: Buffer.from(await response.arrayBuffer()),
      headers: response.headers,
    }
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {})
  patch = (path: string, body: unknown) => this.request('PATCH', path, body)
  put = (path: string, body: unknown) => this.request('PUT', path, body)
  delete = (path: string) => this.request('DELETE', path)

  async signIn(userName: string, password = PASSWORD): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/session', { userName, password })
    if (response.status === 201) this.csrfToken = response.body.csrfToken
    return response
  }
}

/** A running admin server over a fresh store of the engine, for each test. */
export function useAdminServer(
  engine: TestEngine,
  options: {
    requestsPerMinute?: number
    adminUiRoot?: string
    /** SQLite: the article list read in reader threads, as `fabu serve` reads it; the deadline in ms. */
    listReaders?: { deadlineMs: number }
  } = {},
): AdminServer {
  const t = {} as AdminServer & { opened: TestStore; listReaders: ArticleListReaders | undefined }
  beforeEach(async () => {
    t.opened = await engine.open()
    t.store = t.opened.store
    t.output = await mkdtemp(join(tmpdir(), 'fabu-server-'))
    // As `fabu serve` opens it: site settings are checked against the installed themes.
    const wordingGate = createWordingGate()
    t.content = createContent(t.store, {
      themeExists: (name) => themeExists(name),
      articleText: articleTextIndex(t.store),
      wordingGate,
    })
    t.accounts = createAccounts(t.store, { passwordProfile: 'dengbao' })
    const outputRootFor = (slug: string, prefix: string) => join(t.output, 'sites', slug, prefix)
    t.publisher = new Publisher(t.store, t.content, {
      outputRootFor,
      manifestDir: join(t.output, 'manifests'),
      workers: 1,
    })
    t.queue = new PublishQueue(t.content, t.publisher, { system: systemActor(), onError: () => {} })
    t.interaction = createInteraction(t.store, { keys: testKeys() })
    const sqlitePath = t.store.sqlitePath
    t.listReaders =
      options.listReaders && sqlitePath
        ? new ArticleListReaders({ sqlitePath, deadlineMs: options.listReaders.deadlineMs })
        : undefined
    t.app = await createAdminApp({
      store: t.store,
      content: t.listReaders ? readingListsIn(t.content, t.listReaders) : t.content,
      accounts: t.accounts,
      wordLists: createWordLists(t.store, t.content, wordingGate),
      inspection: createInspection(t.store, t.content, wordingGate, { outputRootFor }),
      links: createLinkReports(t.store, t.content),
      queue: t.queue,
      outputRootFor,
      maxUploadBytes: 2 * 1024 * 1024,
      trustedProxies: [],
      secureCookies: 'auto',
      logger: false,
      interaction: t.interaction,
      // Its routes are described and permission-checked here; imports that run are tested
      // against a real `fabu serve` (test/import/import-jobs-api.test.ts).
      importJobs: createImportJobs(t.store, t.content, {
        dataDir: t.output,
        command: {
          execPath: process.execPath,
          args: [new URL('../../src/cli/main.ts', import.meta.url).pathname],
          memoryMb: 512,
        },
        allowedPrivateOrigins: [],
      }),
      ...(options.requestsPerMinute ? { requestsPerMinute: options.requestsPerMinute } : {}),
      ...(options.adminUiRoot ? { adminUiRoot: options.adminUiRoot } : { adminUiRoot: ADMIN_DIST }),
    })
    t.url = await t.app.listen({ host: '127.0.0.1', port: 0 })
    t.client = () => new ApiClient(t.url)
    t.addUser = async (userName, grants = []) => {
      const operator = { actor: systemActor('cli:test'), access: operatorAccess }
      const user = await t.accounts.users.create(operator, {
        userName,
        displayName: userName,
        password: PASSWORD,
        mustChangePassword: false,
      })
      for (const grant of grants)
        await t.accounts.users.grant(operator, { userId: user.id, ...grant } as never)
      return user.id
    }
    t.signedIn = async (userName) => {
      const client = t.client()
      const response = await client.signIn(userName)
      if (response.status !== 201)
        throw new Error(`sign-in of ${userName} failed: ${JSON.stringify(response.body)}`)
      return client
    }
  })
  afterEach(async () => {
    await t.queue?.stop()
    await t.app?.close()
    await t.listReaders?.close()
    await t.publisher?.close()
    await t.opened?.dispose()
    if (t.output) await rm(t.output, { recursive: true, force: true })
  })
  return t
}
