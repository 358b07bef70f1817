// npm run bench:admin [-- --articles N --engines sqlite,postgres --seconds S --skip-screen]
// How fast the admin's article list answers on a big site, for the four cases of issue 18 item 4
// (the whole site newest first, a section with its children, a title search, a deep page), from
// 1 and 20 concurrent clients, on each engine, before and after what a first full publish does
// to the planner's statistics; then the whole screen in Chromium (SQLite). Prints figures; not a
// test. The server runs in a child process, so the load generator does not share its event loop.

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import pg from 'pg'
import { chromium } from 'playwright-core'
import { createAccounts } from '../src/accounts/index.ts'
import { createContent, operatorAccess, systemActor } from '../src/content/index.ts'
import { openStore, type Store } from '../src/store/index.ts'
import { generateCorpus } from './generate-corpus.ts'

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    engines: { type: 'string' },
    seconds: { type: 'string' },
    'skip-screen': { type: 'boolean' },
    serve: { type: 'string' },
  },
})
if (values.serve) await serve(values.serve)
else await main()

async function main() {
  const count = Number(values.articles ?? 100_000)
  const seconds = Number(values.seconds ?? 5)
  const engines = (values.engines ?? 'sqlite,postgres').split(',')
  const work = join('/dev/shm', `fabu-bench-admin-${count}`)
  const admin = process.env.FABU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const database = `fabu_bench_admin_${process.pid}`
  log(
    `${count} articles; each case for ${seconds} s from 1, then 20, concurrent clients (autocannon, kept-alive)`,
  )
  for (const engine of engines) {
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work, { recursive: true })
    const databaseUrl = engine === 'postgres' ? `${admin.replace(/\/[^/]*$/, '')}/${database}` : undefined
    if (databaseUrl) await adminQuery(admin, `create database ${database}`)
    try {
      const options = { sqlitePath: join(work, 'fabu.db'), databaseUrl }
      const store = await openStore(options)
      const started = performance.now()
      const { siteId, leafIds } = await generateCorpus(store, count)
      // PostgreSQL's autovacuum would analyze and set the visibility map in its own time.
      if (store.engine === 'postgres') await sql`vacuum analyze articles`.execute(store.db)
      log(`\n${engine}: corpus generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      const password = 'Liebiao#2026pass'
      await createEditor(store, siteId, password)
      const section = (await createContent(store).columns.get(leafIds[0] ?? 0)).parentId
      const cases = {
        'whole site, newest first': `site=${siteId}&limit=20`,
        'a section and its children': `site=${siteId}&columnId=${section}&includesDescendants=true&limit=20`,
        'title search "计量"': `site=${siteId}&limit=20&text=${encodeURIComponent('计量')}`,
        'page 2,000 (offset 40,000)': `site=${siteId}&limit=20&offset=40000`,
      }
      await runCases(`${engine}, as generated`, options, password, cases, seconds)
      // What a first full publish leaves behind: every article with a URL (so in the live-article
      // indexes), then the statistics refresh the publisher runs after it.
      await sql`update articles set url_path = ${sql.lit('bench/')} || id || ${sql.lit('.html')}, url_column_id = column_id`.execute(
        store.db,
      )
      await store.refreshStatistics()
      if (store.engine === 'postgres') await sql`vacuum analyze articles`.execute(store.db)
      await runCases(`${engine}, after a full publish's statistics`, options, password, cases, seconds)
      if (engine === 'sqlite' && !values['skip-screen']) await timeScreen(options, password, count)
      await store.close()
    } finally {
      if (databaseUrl) await adminQuery(admin, `drop database ${database} with (force)`)
      rmSync(work, { recursive: true, force: true })
    }
  }
}

interface ServerOptions {
  readonly sqlitePath: string
  readonly databaseUrl: string | undefined
}

async function runCases(
  phase: string,
  options: ServerOptions,
  password: string,
  cases: Record<string, string>,
  seconds: number,
) {
  const server = await startServer(options)
  try {
    const cookie = await signIn(server.origin, password)
    log(`\n${phase}`)
    log('| case | total | clients | p50 ms | p99 ms | max ms | req/s | errors, timeouts, non-2xx |')
    log('| --- | --- | --- | --- | --- | --- | --- | --- |')
    for (const [label, query] of Object.entries(cases)) {
      const url = `${server.origin}/api/articles?${query}`
      const probe = async () => {
        const started = performance.now()
        const response = await fetch(url, { headers: { cookie } })
        const { total } = (await response.json()) as { total: number }
        return { total, ms: performance.now() - started }
      }
      const { total } = await probe()
      let alone = Number.POSITIVE_INFINITY
      for (let i = 0; i < 3; i++) alone = Math.min(alone, (await probe()).ms)
      for (const connections of [1, 20]) {
        const result = await autocannon({
          url,
          connections,
          duration: seconds,
          headers: { cookie },
          timeout: 10,
        })
        const latency = result.latency
        log(
          `| ${label} | ${total} | ${connections} | ${latency.p50} | ${latency.p99} | ${latency.max} | ${result.requests.average.toFixed(0)} | ${result.errors}, ${result.timeouts}, ${result.non2xx} |`,
        )
        // autocannon stops sending at the deadline, not the server working: the requests still in
        // flight would be timed as the next run's. Wait until one alone is as fast as before.
        for (let i = 0; i < 50 && (await probe()).ms > Math.max(2 * alone, alone + 20); i++);
      }
    }
  } finally {
    server.child.kill()
  }
}

async function timeScreen(options: ServerOptions, password: string, count: number) {
  const server = await startServer(options)
  const browser = await chromium.launch({
    executablePath: process.env.FABU_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  })
  try {
    const cookie = await signIn(server.origin, password)
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const [name, value] = cookie.split('=')
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.origin }])
    const page = await context.newPage()
    const screens: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      await page.goto(`${server.origin}/admin/`)
      await page.getByText(`共 ${count} 篇`).waitFor({ timeout: 30_000 })
      screens.push(performance.now() - started)
    }
    screens.sort((a, b) => a - b)
    log(
      `\nadmin screen: navigation to the first page of ${count} articles shown, median ${screens[2]?.toFixed(0)} ms (of 5)`,
    )
  } finally {
    await browser.close()
    server.child.kill()
  }
}

async function createEditor(store: Store, siteId: number, password: string) {
  const accounts = createAccounts(store)
  const operator = { actor: systemActor('bench'), access: operatorAccess }
  const editor = await accounts.users.create(operator, {
    userName: 'bench',
    displayName: 'bench',
    password,
    mustChangePassword: false,
  })
  await accounts.users.grant(operator, { userId: editor.id, role: 'site_admin', siteId })
}

async function signIn(origin: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'bench', password }),
  })
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

/** This file again, as the server: it prints its origin once listening. */
async function startServer(options: ServerOptions): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [import.meta.filename, '--serve', JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  for await (const line of lines) if (line.startsWith('http://')) return { child, origin: line }
  throw new Error('the bench server exited before listening')
}

async function serve(json: string) {
  const [
    { createAdminApp, PublishQueue },
    { Publisher },
    checks,
    { ArticleListReaders, articleTextIndex, readingListsIn },
  ] = await Promise.all([
    import('../src/server/index.ts'),
    import('../src/publish/index.ts'),
    import('../src/checks/index.ts'),
    import('../src/search/index.ts'),
  ])
  const options = JSON.parse(json) as ServerOptions
  const store = await openStore(options)
  // As `fabu serve` makes it: the title search also looks in the site search's index.
  const content = createContent(store, { articleText: articleTextIndex(store) })
  const work = join(options.sqlitePath, '..')
  const outputRootFor = (slug: string) => join(work, 'sites', slug)
  const publisher = new Publisher(store, content, { outputRootFor, manifestDir: join(work, 'manifests') })
  const queue = new PublishQueue(content, publisher, { system: systemActor('bench'), onError: () => {} })
  // As `fabu serve` reads it on SQLite: the list in reader threads of its own.
  const listReaders = store.sqlitePath ? new ArticleListReaders({ sqlitePath: store.sqlitePath }) : undefined
  const app = await createAdminApp({
    store,
    content: listReaders ? readingListsIn(content, listReaders) : content,
    accounts: createAccounts(store),
    wordLists: checks.createWordLists(store, content, checks.createWordingGate()),
    inspection: checks.createInspection(store, content, checks.createWordingGate(), { outputRootFor }),
    links: checks.createLinkReports(store, content),
    queue,
    outputRootFor,
    maxUploadBytes: 1 << 20,
    trustedProxies: [],
    secureCookies: 'auto',
    logger: false,
    requestsPerMinute: 10_000_000,
  })
  log(await app.listen({ host: '127.0.0.1', port: 0 }))
}

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function log(line: string) {
  process.stdout.write(`${line}\n`)
}
