// npm run bench:vs-hugo [-- --articles 10000,100000] [-- --rounds 3]
//
// fabu's full publish against Hugo on the same shape of site, side by side in one run: the
// shared harness (../shared/bench-anchors/side-by-side/run.sh, or FABU_BENCH_ANCHORS) builds
// both corpora, runs the tools in interleaved rounds into RAM and prints one JSON line per
// size. This command only finds the harness and Hugo, runs it for each size and prints the
// medians and ratios as a table for bench/RESULTS.md. A benchmark that prints figures.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000,100000' },
    rounds: { type: 'string', default: '3' },
  },
})
const checkout = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const anchors = resolve(process.env.FABU_BENCH_ANCHORS ?? join(checkout, '..', 'shared', 'bench-anchors'))
const runScript = join(anchors, 'side-by-side', 'run.sh')

if (spawnSync('hugo', ['version'], { encoding: 'utf8' }).status !== 0) {
  console.log('bench:vs-hugo: skipped, Hugo is not installed (Debian: apt-get install -y hugo).')
  process.exit(0)
}
if (!existsSync(runScript)) {
  console.log(`bench:vs-hugo: skipped, no side-by-side harness at ${runScript} (set FABU_BENCH_ANCHORS).`)
  process.exit(0)
}

/** The harness's medians of one tool (field names as side-by-side.mjs prints them). */
interface ToolMedians {
  readonly wallS?: number
  readonly pages?: number
  readonly pagesPerS?: number
  readonly articlesPerS?: number
  readonly peakRssMiB?: number
  readonly runsLoad1?: readonly number[]
}
interface SideBySide {
  readonly articles: number
  readonly fabu?: ToolMedians
  readonly hugo?: ToolMedians
  readonly ratio_pages_per_s?: number
  readonly ratio_articles_per_s?: number
  readonly [other: string]: unknown
}

function runSize(articles: number): Promise<SideBySide> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('sh', [runScript, String(articles), checkout], {
      // fabu as the systemd units run it (docs/deploy.md): glibc's malloc arenas at most 2.
      env: { ...process.env, ROUNDS: values.rounds, MALLOC_ARENA_MAX: '2' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`run.sh ${articles} ended with ${code}: ${out.trim()}`))
        return
      }
      resolvePromise(JSON.parse(line) as SideBySide)
    })
  })
}

const figures: SideBySide[] = []
for (const articles of values.articles.split(',').map(Number)) {
  const result = await runSize(articles)
  console.log(JSON.stringify(result))
  figures.push(result)
}

const cell = (value: number | undefined, digits = 0) =>
  value === undefined ? '' : value.toLocaleString('en-US', { maximumFractionDigits: digits })
console.log(
  '\n| articles | fabu s | Hugo s | fabu articles/s | Hugo articles/s | ratio articles/s | fabu pages/s | Hugo pages/s | ratio pages/s | fabu peak RSS MiB | Hugo peak RSS MiB | load at start |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const row of figures) {
  console.log(
    `| ${cell(row.articles)} | ${cell(row.fabu?.wallS, 2)} | ${cell(row.hugo?.wallS, 2)} | ${cell(row.fabu?.articlesPerS)} | ${cell(row.hugo?.articlesPerS)} | ${cell(row.ratio_articles_per_s, 2)} | ${cell(row.fabu?.pagesPerS)} | ${cell(row.hugo?.pagesPerS)} | ${cell(row.ratio_pages_per_s, 2)} | ${cell(row.fabu?.peakRssMiB)} | ${cell(row.hugo?.peakRssMiB)} | ${[...(row.fabu?.runsLoad1 ?? []), ...(row.hugo?.runsLoad1 ?? [])].join(', ')} |`,
  )
}
