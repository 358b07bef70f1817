// npm run bench:import [-- --articles N] [-- --concurrency N] [-- --json]
// Imports a generated TRS-shaped site from a loopback server; a benchmark that prints figures, not a test.

import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createContent, systemActor } from '../src/content/index.ts'
import { httpSource, importSite } from '../src/importers/index.ts'
import { openStore } from '../src/store/index.ts'

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    concurrency: { type: 'string' },
    json: { type: 'boolean' },
  },
})
const ARTICLES = Number(values.articles ?? 10_000)
const CONCURRENCY = Number(values.concurrency ?? 4)
const fixture = spawn(process.execPath, [join(import.meta.dirname, 'import-fixture.ts'), String(ARTICLES)], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
const origin = await new Promise<string>((resolve, reject) => {
  fixture.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
  fixture.once('exit', (code) => reject(new Error(`the fixture site exited (${code})`)))
})

const work = '/dev/shm/fabu-bench-import'
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const store = await openStore({ sqlitePath: join(work, 'fabu.db') })
const content = createContent(store)
const actor = systemActor('bench')
const site = await content.sites.create(actor, {
  slug: 'bench',
  name: '基准站点',
  baseUrl: 'https://bench.example.gov.cn/',
})

const samples: { imported: number; seconds: number; rssMb: number; heapMb: number }[] = []
// CPU time of the whole process (every thread): on a shared machine it says what an import
// costs when wall time mostly says how busy the neighbours were.
const cpuAtStart = process.cpuUsage()
const start = performance.now()
const report = await importSite(content, store, actor, {
  siteId: site.id,
  source: httpSource(`${origin}/`),
  sourceLabel: `${origin}/`,
  uploadsDir: join(work, 'uploads'),
  concurrency: CONCURRENCY,
  maxPages: ARTICLES * 2,
  onProgress: (_row, counts) => {
    if (counts.imported > 0 && counts.imported % Math.max(1, Math.floor(ARTICLES / 10)) === 0) {
      const memory = process.memoryUsage()
      samples.push({
        imported: counts.imported,
        seconds: (performance.now() - start) / 1000,
        rssMb: Math.round(memory.rss / 2 ** 20),
        heapMb: Math.round(memory.heapUsed / 2 ** 20),
      })
      if (!values.json)
        log(
          `${counts.imported} imported, ${samples.at(-1)?.seconds.toFixed(1)} s, RSS ${samples.at(-1)?.rssMb} MB, heap ${samples.at(-1)?.heapMb} MB`,
        )
    }
  },
})
const seconds = (performance.now() - start) / 1000
const cpu = process.cpuUsage(cpuAtStart)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
await content.close()
await store.close()
fixture.kill()
rmSync(work, { recursive: true, force: true })

const result = {
  articles: report.counts.imported,
  failed: report.counts.failed,
  concurrency: CONCURRENCY,
  seconds: Number(seconds.toFixed(1)),
  articlesPerSecond: Math.round(report.counts.imported / seconds),
  cpuSeconds: Number(cpuSeconds.toFixed(1)),
  articlesPerCpuSecond: Math.round(report.counts.imported / cpuSeconds),
  samples,
}
if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
else
  log(
    `imported ${result.articles} articles (${result.failed} failed) in ${result.seconds} s: ${result.articlesPerSecond} articles/s at concurrency ${CONCURRENCY}; ${result.cpuSeconds} CPU s (${result.articlesPerCpuSecond} articles per CPU second)`,
  )

function log(line: string) {
  process.stdout.write(`${line}\n`)
}
