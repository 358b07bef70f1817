// npm run bench:admin [-- --articles N]
// How fast the admin's article list opens on a big site: the API's answer, and the whole
// screen in Chromium from navigation to the first page of rows. Prints figures; not a test.

import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { chromium } from 'playwright-core'
import { createAccounts } from '../src/accounts/index.ts'
import {
  createInspection,
  createLinkReports,
  createWordingGate,
  createWordLists,
} from '../src/checks/index.ts'
import { createContent, operatorAccess, systemActor } from '../src/content/index.ts'
import { Publisher } from '../src/publish/index.ts'
import { createAdminApp, PublishQueue } from '../src/server/index.ts'
import { openStore } from '../src/store/index.ts'
import { generateCorpus } from './generate-corpus.ts'

const { values } = parseArgs({ options: { articles: { type: 'string' } } })
const count = Number(values.articles ?? 100_000)
const work = join('/dev/shm', `fabu-bench-admin-${count}`)
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const store = await openStore({ sqlitePath: join(work, 'fabu.db') })
const generated = performance.now()
const { siteId, leafIds } = await generateCorpus(store, count)
log(`corpus of ${count} articles generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`)

const content = createContent(store)
const accounts = createAccounts(store)
const operator = { actor: systemActor('bench'), access: operatorAccess }
const password = 'Liebiao#2026pass'
const editor = await accounts.users.create(operator, {
  userName: 'bench',
  displayName: 'bench',
  password,
  mustChangePassword: false,
})
await accounts.users.grant(operator, { userId: editor.id, role: 'site_admin', siteId })
const outputRootFor = (slug: string) => join(work, 'sites', slug)
const publisher = new Publisher(store, content, { outputRootFor, manifestDir: join(work, 'manifests') })
const queue = new PublishQueue(content, publisher, { system: systemActor('bench'), onError: () => {} })
const app = await createAdminApp({
  store,
  content,
  accounts,
  wordLists: createWordLists(store, content, createWordingGate()),
  inspection: createInspection(store, content, createWordingGate(), { outputRootFor }),
  links: createLinkReports(store, content),
  queue,
  outputRootFor,
  maxUploadBytes: 1 << 20,
  trustedProxies: [],
  secureCookies: 'auto',
  logger: false,
  requestsPerMinute: 100_000,
})
const origin = await app.listen({ host: '127.0.0.1', port: 0 })

const signIn = await fetch(`${origin}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ userName: 'bench', password }),
})
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
const section = (await content.columns.get(leafIds[0] ?? 0)).parentId

async function timeApi(label: string, query: string) {
  const times: number[] = []
  let total = 0
  for (let i = 0; i < 7; i++) {
    const started = performance.now()
    const response = await fetch(`${origin}/api/articles?${query}`, { headers: { cookie } })
    total = ((await response.json()) as { total: number }).total
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  log(`API ${label}: ${total} articles, median ${times[3]?.toFixed(0)} ms (of 7, after the first)`)
}

await timeApi('whole site, newest first', `site=${siteId}&limit=20`)
await timeApi(
  'a section and its children',
  `site=${siteId}&columnId=${section}&includesDescendants=true&limit=20`,
)
await timeApi('whole site, by title', `site=${siteId}&limit=20&sort=title&order=asc`)
await timeApi('whole site, text search', `site=${siteId}&limit=20&text=${encodeURIComponent('计量')}`)
await timeApi('whole site, page 2,000', `site=${siteId}&limit=20&offset=40000`)
// Every article in one column: the list of a single 100,000-article column.
const only = leafIds[0] ?? 0
await store.db.updateTable('articles').set({ column_id: only }).execute()
if (store.engine === 'sqlite') await sql`analyze`.execute(store.db)
await timeApi('one column holding all', `site=${siteId}&columnId=${only}&limit=20`)

const browser = await chromium.launch({
  executablePath: process.env.FABU_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
const [name, value] = cookie.split('=')
await context.addCookies([{ name: name ?? '', value: value ?? '', url: origin }])
const page = await context.newPage()
const screens: number[] = []
for (let i = 0; i < 5; i++) {
  const started = performance.now()
  await page.goto(`${origin}/admin/`)
  await page.getByText(`共 ${count} 篇`).waitFor({ timeout: 30_000 })
  screens.push(performance.now() - started)
}
screens.sort((a, b) => a - b)
log(
  `admin screen: navigation to the first page of ${count} articles shown, median ${screens[2]?.toFixed(0)} ms (of 5, warm cache)`,
)
await browser.close()
await app.close()
await store.close()
rmSync(work, { recursive: true, force: true })

function log(line: string) {
  process.stdout.write(`${line}\n`)
}
