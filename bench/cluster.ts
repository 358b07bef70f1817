// npm run bench:cluster [-- --sites 20 --articles 2000 --workers 1,2,3] [-- --output disk] [-- --pin]
//
// Full publishes of every site on a PostgreSQL cluster (one `fabu serve --no-worker` taking
// the requests, 1, 2 or 3 `fabu worker` processes doing them), as articles published per
// second against the number of workers. One database and one corpus for all the rounds;
// before each round the output folder and the record of published pages are removed, so
// every round writes every page.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openStore } from '../src/store/index.ts'
import { backlog, EditorClient, type FabuProcess, seedCluster, startFabu } from './cluster-harness.ts'

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '20' },
    articles: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1,2,3' },
    // Where the sites are written: RAM (/dev/shm) by default, as the publishing benchmark's
    // figures are, since this machine's disk is slow and erratic at creating many files.
    output: { type: 'string', default: 'ram' },
    // Each worker on a core of its own (`taskset`), worker i on core i: how the cluster scales
    // when workers bring their own cores, as on machines of their own. Unpinned, every worker
    // shares this machine's cores, and one already keeps them busy.
    pin: { type: 'boolean', default: false },
  },
})
const sites = Number(values.sites)
const articles = Number(values.articles)
const rounds = values.workers.split(',').map(Number)
const cores = availableParallelism()
if (values.pin && Math.max(...rounds) > cores)
  throw new Error(`--pin gives each worker a core of its own: at most ${cores} workers here`)
const adminUrl = process.env.FABU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const name = `fabu_bench_cluster_${process.pid}`
const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`create database ${name}`)
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString()
const data = await mkdtemp(join(values.output === 'disk' ? tmpdir() : '/dev/shm', 'fabu-bench-cluster-'))
console.log(`output: ${values.output === 'disk' ? `disk (${data})` : `RAM (${data})`}`)
// Every request comes from 127.0.0.1: the admin API's per-address limit would refuse them.
await writeFile(join(data, 'fabu.toml'), '[server]\napi_requests_per_minute = 1000000\n')
const env = { ...process.env, DATABASE_URL: databaseUrl, FABU_DAILY_CHECK: 'off' }
const processes: FabuProcess[] = []
try {
  console.log(`corpus: ${sites} sites × ${articles} articles …`)
  const slugs = await seedCluster(databaseUrl, sites, articles)
  const store = await openStore({ databaseUrl })
  const server = await startFabu('serve', data, env)
  processes.push(server)
  const editor = await EditorClient.signIn(server.adminUrl)
  const figures: { workers: number; seconds: number; perSecond: number }[] = []
  // The first publish of a site does work no later one repeats: every article gets its URL and
  // goes into the search index (about 1.2 ms an article). Done first, with the most workers,
  // and reported apart, so the measured rounds are alike; measured in the first round, it had
  // made one worker look three times slower than two.
  const firstRound = Math.max(...rounds)
  for (const [index, count] of [firstRound, ...rounds].entries()) {
    const isFirstPublish = index === 0
    await rm(join(data, 'sites'), { recursive: true, force: true })
    await store.db.deleteFrom('published_pages').execute()
    const workers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        startFabu('worker', data, env, values.pin ? i % cores : undefined),
      ),
    )
    processes.push(...workers)
    const started = performance.now()
    for (const slug of slugs) {
      const response = await editor.request('POST', `/api/sites/${slug}/publish`, { mode: 'full' })
      if (response.status !== 202) throw new Error(`publish ${slug}: ${JSON.stringify(response.body)}`)
    }
    let reportedAt = performance.now()
    for (;;) {
      const left = await backlog(store)
      if (left.pendingSites === 0 && left.queuedJobs === 0 && left.activeJobs === 0) break
      if (performance.now() - reportedAt >= 5_000) {
        reportedAt = performance.now()
        console.log(
          `  ${((reportedAt - started) / 1000).toFixed(0)} s: ${left.pendingSites} sites with changes pending, ${left.queuedJobs} publish jobs waiting, ${left.activeJobs} running`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const seconds = (performance.now() - started) / 1000
    console.log(
      `${isFirstPublish ? 'first publish (URLs and search index), ' : ''}${count} worker(s): ${sites * articles} articles in ${seconds.toFixed(1)} s = ${((sites * articles) / seconds).toFixed(0)} articles/s`,
    )
    if (!isFirstPublish) figures.push({ workers: count, seconds, perSecond: (sites * articles) / seconds })
    await Promise.all(workers.map((worker) => worker.stop()))
  }
  console.log('\n| workers | seconds | articles/s |\n| ------- | ------- | ---------- |')
  for (const row of figures)
    console.log(`| ${row.workers} | ${row.seconds.toFixed(1)} | ${row.perSecond.toFixed(0)} |`)
  await store.close()
} finally {
  await Promise.all(processes.map((process) => process.stop()))
  await rm(data, { recursive: true, force: true })
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.end()
}
