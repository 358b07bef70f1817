// npm run bench:search [-- --articles N] [-- --engine sqlite|postgres] [-- --passes N]
//   [-- --keep-work] [-- --reuse] (latency only, on the corpus and index a --keep-work run left;
//   on PostgreSQL name its schema with --schema)
// Site search on the publishing benchmark's corpus: the index build (time and size), the
// update of one article, and query latency at 1 and 20 concurrent clients, in process and,
// when `fabu serve` answers /_fabu/search, over loopback HTTP. Prints figures; not a test.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { SearchReaders, type SearchRequest, searchSites, syncSearchIndex } from '../src/search/index.ts'
import { openStore, type Store, searchFileOf } from '../src/store/index.ts'
import { generateCorpus, giveArticleUrls } from './generate-corpus.ts'
import { measureServe } from './search-serve.ts'

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    engine: { type: 'string' },
    passes: { type: 'string' },
    'keep-work': { type: 'boolean' },
    reuse: { type: 'boolean' },
    schema: { type: 'string' },
  },
})
const count = Number(values.articles ?? 100_000)
const engine = values.engine ?? 'sqlite'
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`--engine sqlite|postgres, not ${engine}`)
/**
 * Passes over the query set by the single client; each of the 20 concurrent clients makes one.
 * Twenty passes are 220 requests, as many as the 20 clients make: with five (55 requests) the
 * "p99" was the slowest request of the run, which one pause of the host decided.
 */
const passes = Number(values.passes ?? 20)
const UPDATES = 50

const ram = existsSync('/dev/shm')
const work = join(ram ? '/dev/shm' : tmpdir(), `fabu-bench-search-${engine}-${count}`)
const sqlitePath = join(work, 'fabu.db')
const reuse =
  values.reuse === true && (engine === 'postgres' ? values.schema !== undefined : existsSync(sqlitePath))
if (!reuse) {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
}
const postgresUrl = process.env.FABU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const schema = values.schema ?? `bench_search_${process.pid}`
if (engine === 'postgres' && !reuse) await adminQuery(`create schema ${schema}`)
const store = await openStore(
  engine === 'postgres' ? { databaseUrl: postgresUrl, postgresSchema: schema } : { sqlitePath },
)
log(
  engine === 'postgres'
    ? `engine: PostgreSQL at ${new URL(postgresUrl).host}, schema ${schema}`
    : `engine: SQLite, file ${sqlitePath} (${ram ? 'RAM, /dev/shm' : 'no /dev/shm: the temporary folder'})`,
)

let started = performance.now()
const { siteId, leafIds } = reuse ? await corpusOf(store) : await buildAndUpdate(store)

/** The corpus generated, given URLs and indexed; then one article edited and synced 50 times. */
async function buildAndUpdate(store: Store): Promise<{ siteId: number; leafIds: number[] }> {
  const { siteId, leafIds } = await generateCorpus(store, count)
  log(`corpus: ${count} articles generated in ${seconds(started)} s`)
  // Publish-free: every article gets a URL as a publish would give it, then the index is built.
  await giveArticleUrls(store, siteId, 'bench')
  const before = await indexSize(store)
  started = performance.now()
  const built = await syncSearchIndex(store, siteId, 'all')
  const buildSeconds = (performance.now() - started) / 1000
  await store.refreshStatistics()
  const after = await indexSize(store)
  log(
    `index build: ${built.indexed} documents in ${buildSeconds.toFixed(1)} s, ${Math.round(built.indexed / buildSeconds)} articles/s`,
  )
  log(`index size: ${describeSize(before, after)}`)

  // One article edited and synced again, as a publish of that article does.
  const middle = await store.db
    .selectFrom('articles')
    .select('id')
    .where('site_id', '=', siteId)
    .orderBy('id')
    .offset(Math.floor(count / 2))
    .limit(1)
    .executeTakeFirstOrThrow()
  const updates: number[] = []
  for (let i = 0; i < UPDATES; i++) {
    await store.db
      .updateTable('articles')
      .set((eb) => ({
        title: `计量检定校准服务第${i}次修订`,
        body_html: `<p>第${i}次修订：进一步提升计量检定校准服务能力和水平，持续优化营商环境。</p>`,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', middle.id)
      .execute()
    started = performance.now()
    const synced = await syncSearchIndex(store, siteId, { articleIds: [middle.id] })
    updates.push(performance.now() - started)
    if (synced.indexed !== 1)
      throw new Error(`the edited article was not indexed again: ${JSON.stringify(synced)}`)
  }
  log(
    `one-article update: median ${percentile(updates, 0.5).toFixed(1)} ms, p90 ${percentile(updates, 0.9).toFixed(1)} ms (of ${UPDATES})`,
  )
  return { siteId, leafIds }
}

/** The corpus a --keep-work run left: its site and leaf columns. */
async function corpusOf(store: Store): Promise<{ siteId: number; leafIds: number[] }> {
  const site = await store.db
    .selectFrom('sites')
    .select('id')
    .where('slug', '=', 'bench')
    .executeTakeFirstOrThrow()
  const leaves = await store.db
    .selectFrom('columns')
    .select('id')
    .where('site_id', '=', site.id)
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .execute()
  log(`reusing the corpus and index left by an earlier run: latency only`)
  return { siteId: site.id, leafIds: leaves.map((leaf) => leaf.id) }
}

const section = (
  await store.db
    .selectFrom('columns')
    .select('parent_id')
    .where('id', '=', leafIds[0] ?? 0)
    .executeTakeFirstOrThrow()
).parent_id as number
/** The mixed query set: what visitors type, with the filters and pages they use. */
const QUERIES: readonly (Omit<SearchRequest, 'siteId'> & { readonly label: string })[] = [
  { label: '2 characters (in every article)', q: '计量' },
  { label: '2 characters (in titles)', q: '质量' },
  { label: '2 characters (rare)', q: '博士' },
  { label: '4 characters', q: '营商环境' },
  { label: '4 characters, title only', q: '检定校准', in: 'title' },
  { label: 'two words', q: '计量 服务' },
  { label: 'phrase and exclusion', q: '"量值溯源" -培训' },
  { label: 'column and date range', q: '计量', column: section, from: '2015-01-01', to: '2016-12-31' },
  { label: 'page 50', q: '计量', page: 50 },
  { label: 'sorted by time', q: '质量', sort: 'time' },
  { label: 'one issue by its number', q: '第12345期' },
]

log(
  `query set: ${QUERIES.length} queries, ${passes} passes by 1 client, 1 pass by each of 20; latency from call to answer`,
)
// On SQLite also through the reader threads `fabu serve` uses (search_workers, 2 by default).
const readers = engine === 'sqlite' ? new SearchReaders({ sqlitePath }) : undefined
const inProcess = (request: Omit<SearchRequest, 'siteId'>) =>
  searchSites(store, { siteId, ...request }, readers)
for (const query of QUERIES) {
  const { label, ...request } = query
  const results = await inProcess(request)
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    started = performance.now()
    await inProcess(request)
    times.push(performance.now() - started)
  }
  log(
    `  ${label} ${JSON.stringify(request)}: ${results.total} found, median ${percentile(times, 0.5).toFixed(1)} ms`,
  )
}
const ways = [
  {
    name: "in process, on the store's connection",
    ask: (request: Omit<SearchRequest, 'siteId'>) => searchSites(store, { siteId, ...request }),
  },
  ...(readers ? [{ name: 'in process, 2 reader threads', ask: inProcess }] : []),
]
for (const way of ways) {
  for (const clients of [1, 20]) {
    const times = await loadTest(clients, clients === 1 ? passes : 1, (query) => way.ask(query))
    log(`${way.name}, ${clients} client${clients > 1 ? 's' : ''}: ${summary(times)}`)
  }
}
await readers?.close()

await measureServe({
  store,
  engine,
  sqlitePath,
  postgresUrl,
  schema,
  siteId,
  queries: QUERIES.map(({ label: _label, ...request }) => request),
  passes,
  loadTest,
  log,
})

await store.close()
if (!values['keep-work']) {
  if (engine === 'postgres') await adminQuery(`drop schema ${schema} cascade`)
  rmSync(work, { recursive: true, force: true })
}

/** Runs the query set `rounds` times in each of `clients` concurrent loops; each request's latency. */
async function loadTest(
  clients: number,
  rounds: number,
  ask: (request: Omit<SearchRequest, 'siteId'>) => Promise<unknown>,
): Promise<number[]> {
  const times: number[] = []
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < QUERIES.length; i++) {
          // Each client starts at another query, so the mix stays mixed at any moment.
          const { label: _label, ...request } = QUERIES[
            (i + client) % QUERIES.length
          ] as (typeof QUERIES)[number]
          const at = performance.now()
          await ask(request)
          times.push(performance.now() - at)
        }
      }
    }),
  )
  return times
}

interface Size {
  readonly fileBytes: number
  readonly searchBytes: number | null
}

/** SQLite: the file (WAL checkpointed) and the search tables by dbstat; PostgreSQL: the tables with indexes and TOAST. */
async function indexSize(store: Store): Promise<Size> {
  if (store.engine === 'postgres') {
    const { rows } = await sql<{
      bytes: number
    }>`select coalesce(pg_total_relation_size('search_documents'), 0) + coalesce(pg_total_relation_size('search_chunks'), 0) as bytes`.execute(
      store.db,
    )
    return { fileBytes: 0, searchBytes: Number(rows[0]?.bytes ?? 0) }
  }
  // The index is a file of its own (store/search-file.ts), attached read-only as `search`; its
  // writer thread checkpoints it as it writes.
  await sql`pragma main.wal_checkpoint(truncate)`.execute(store.db)
  const fileBytes = statSync(sqlitePath).size + statSync(searchFileOf(sqlitePath)).size
  try {
    const { rows } = await sql<{
      bytes: number
    }>`select sum(pgsize) as bytes from dbstat('search') where name like 'search_%' or name like 'sqlite_autoindex_search_%'`.execute(
      store.db,
    )
    return { fileBytes, searchBytes: Number(rows[0]?.bytes ?? 0) }
  } catch {
    return { fileBytes, searchBytes: null }
  }
}

function describeSize(before: Size, after: Size): string {
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`
  const perArticle = (bytes: number) => `${(bytes / count / 1024).toFixed(1)} KB an article`
  if (store.engine === 'postgres') {
    return `search_documents + search_chunks (pg_total_relation_size) ${mb(after.searchBytes ?? 0)}, ${perArticle(after.searchBytes ?? 0)}`
  }
  const growth = after.fileBytes - before.fileBytes
  const tables =
    after.searchBytes === null ? 'dbstat not available' : `search tables (dbstat) ${mb(after.searchBytes)}`
  return `database and index files ${mb(before.fileBytes)} → ${mb(after.fileBytes)} (+${mb(growth)}, ${perArticle(growth)}); ${tables}`
}

function summary(times: readonly number[]): string {
  return `${times.length} requests, p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1)
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

function log(line: string) {
  process.stdout.write(`${line}\n`)
}
