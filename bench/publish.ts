// npm run bench:publish [-- --articles N] [-- --json]
// Full and incremental publishing of a generated corpus; a benchmark that prints figures, not a test.
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { createContent, systemActor } from '../src/content/index.ts'
import { Publisher } from '../src/publish/index.ts'
import { openStore } from '../src/store/index.ts'
import { generateCorpus } from './generate-corpus.ts'

const run = promisify(execFile)
const { values } = parseArgs({ options: { articles: { type: 'string' }, json: { type: 'boolean' } } })
const sizes = values.articles ? [Number(values.articles)] : [10_000, 100_000]
const RAM = '/dev/shm'
const INCREMENTAL_ROUNDS = 5
const DISK = resolve(import.meta.dirname, '../.bench-out')
/**
 * The V8 flags `npm run fabu` runs with (a small young generation and slow heap growth, so
 * the garbage a publish streams through is collected instead of piling up), read from its
 * script so the benchmark measures what users run.
 */
const CLI_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')).scripts.fabu as string
)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'))

interface Row {
  articles: number
  run: string
  where: string
  pages: number
  written: number
  seconds: number
  pagesPerSecond: number | null
  milliseconds: number | null
  peakRssMb: number | null
}

const rows: Row[] = []
for (const articles of sizes) {
  const work = join(RAM, `fabu-bench-${articles}`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const db = join(work, 'corpus.db')
  const genStart = performance.now()
  const store = await openStore({ sqlitePath: db })
  await generateCorpus(store, articles)
  await store.close()
  log(
    `corpus of ${articles} articles generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s (SQLite in RAM)`,
  )

  // The disk run gets its own copy of the unpublished corpus.
  const diskDb = join(work, 'corpus-disk.db')
  cpSync(db, diskDb)
  for (const [where, dbFile, output] of [
    ['RAM (/dev/shm)', db, join(work, 'out')],
    ['disk (work folder)', diskDb, join(DISK, `out-${articles}`)],
  ] as const) {
    rmSync(output, { recursive: true, force: true })
    const child = await run(
      process.execPath,
      [...CLI_NODE_FLAGS, join(import.meta.dirname, 'run-publish.ts'), dbFile, output, 'full'],
      // As the systemd units run fabu (docs/deploy.md): glibc's malloc arenas at most 2.
      { maxBuffer: 1 << 24, env: { ...process.env, MALLOC_ARENA_MAX: '2' } },
    )
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}')
    rows.push({
      articles,
      run: 'full publish',
      where,
      pages: result.pages,
      written: result.written,
      seconds: result.seconds,
      pagesPerSecond: Math.round(result.pages / result.seconds),
      milliseconds: null,
      peakRssMb: result.maxRssMb,
    })
    log(
      `full publish, ${where}: ${result.pages} pages in ${result.seconds.toFixed(1)} s, peak RSS ${result.maxRssMb} MB`,
    )
  }
  rows.push(...(await incremental(articles, db, join(work, 'out'))))
  rmSync(join(DISK, `out-${articles}`), { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
}

if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
else printTable(rows)

/** One new and one edited article, published by a warm publisher (as a running server has). */
async function incremental(articles: number, db: string, output: string): Promise<Row[]> {
  const store = await openStore({ sqlitePath: db })
  const content = createContent(store)
  const publisher = new Publisher(store, content, {
    outputRootFor: () => join(output, 'site'),
    manifestDir: join(output, 'manifests'),
    keepsWorkers: true,
  })
  const actor = systemActor('bench')
  const leaf = await content.columns.byPath('bench', 's0/c0')
  // A running server has published before: warm the workers and the planner with one untimed change.
  const publishNew = async (title: string, publishAt: string) => {
    const created = await content.articles.create(actor, {
      columnId: leaf.id,
      title,
      bodyHtml: `<p>${title}</p>`,
      publishAt,
    })
    await content.articles.publish(actor, created.id)
  }
  await publishNew('预热', '2026-11-26 10:00')
  await publisher.publish({ site: 'bench' })
  // The median of several runs: on a shared 2-core machine one run can be off by half.
  const timed = async (change: (round: number) => Promise<void>) => {
    const runs: { ms: number; written: number }[] = []
    for (let round = 0; round < INCREMENTAL_ROUNDS; round++) {
      await change(round)
      const started = performance.now()
      const report = await publisher.publish({ site: 'bench' })
      runs.push({ ms: performance.now() - started, written: report.written.length })
    }
    runs.sort((a, b) => a.ms - b.ms)
    return runs[Math.floor(runs.length / 2)] ?? { ms: 0, written: 0 }
  }
  const measured: Row[] = []
  const added = await timed((round) => publishNew(`基准测试新发布的文章${round}`, `2026-11-27 1${round}:00`))
  measured.push(row(articles, 'one new article', added.written, added.ms))
  const edited = await timed(async (round) => {
    const [article] = (
      await content.articles.list({ site: 'bench', columnId: leaf.id, limit: 1, offset: 10 + round })
    ).items
    if (!article) throw new Error('no article to edit')
    await content.articles.update(actor, article.id, {
      baseRevision: article.revision,
      title: `${article.title}（修订）`,
    })
  })
  measured.push(row(articles, 'one edited article', edited.written, edited.ms))
  await publisher.close()
  await store.close()
  for (const r of measured) log(`${r.run}: ${r.written} files in ${r.milliseconds} ms`)
  return measured
}

function row(articles: number, name: string, written: number, ms: number): Row {
  return {
    articles,
    run: name,
    where: 'RAM (/dev/shm)',
    pages: written,
    written,
    seconds: ms / 1000,
    pagesPerSecond: null,
    milliseconds: Math.round(ms),
    peakRssMb: null,
  }
}

function printTable(table: readonly Row[]): void {
  const header = [
    'articles',
    'run',
    'output',
    'pages',
    'files written',
    'seconds',
    'pages/s',
    'ms',
    'peak RSS MB',
  ]
  const lines = table.map((r) => [
    r.articles.toLocaleString('en'),
    r.run,
    r.where,
    String(r.pages),
    String(r.written),
    r.seconds.toFixed(2),
    r.pagesPerSecond === null ? '' : String(r.pagesPerSecond),
    r.milliseconds === null ? '' : String(r.milliseconds),
    r.peakRssMb === null ? '' : String(r.peakRssMb),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)))
  const format = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  process.stdout.write(
    `${[format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n')}\n`,
  )
}

function log(line: string): void {
  process.stderr.write(`${line}\n`)
}
