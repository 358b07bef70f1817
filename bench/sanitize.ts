// npm run bench:sanitize
// How long cleaning an article body takes as it grows, on the calling thread and through the
// worker pool, and what a worker's round trip adds to a short body. Prints figures; not a test.
import { BodySanitizer, INLINE_MAX_CHARS } from '../src/content/body-sanitizer.ts'
import { sanitizeBody } from '../src/content/sanitize-body.ts'

const WORD_PARAGRAPH =
  "<p class=MsoNormal style='text-indent:2em;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>各乡镇人民政府，县直各单位：请认真抓好落实。</span></p>\n"

const bodies: [string, string][] = [
  ...[10_000, 20_000, 40_000, 60_000].map((n): [string, string] => [`${n} × <p>x</p>`, '<p>x</p>'.repeat(n)]),
  ['4,000 nested <div>', `${'<div>'.repeat(4000)}x${'</div>'.repeat(4000)}`],
  ['5 MB pasted from Word', WORD_PARAGRAPH.repeat(Math.floor(4_900_000 / WORD_PARAGRAPH.length))],
]

const pool = new BodySanitizer({ iframeHosts: [], workers: 1, deadlineMs: 600_000 })
sanitizeBody('<p>x</p>'.repeat(2000)) // warm up both sides
await pool.sanitize('<p>x</p>'.repeat(2000), 'bodyHtml')

console.log('| body | size | inline ms | worker ms |')
console.log('| --- | ---: | ---: | ---: |')
for (const [name, body] of bodies) {
  const inline = median(3, () => timed(() => sanitizeBody(body)))
  const worker = median(3, () => timed(() => pool.sanitize(body, 'bodyHtml')))
  console.log(`| ${name} | ${kb(body)} | ${Math.round(await inline)} | ${Math.round(await worker)} |`)
}

// A short body: what the round trip to a worker costs over cleaning it in place.
const short = WORD_PARAGRAPH.slice(0, INLINE_MAX_CHARS)
const padded = `${short}${' '.repeat(INLINE_MAX_CHARS)}`
const rounds = 200
const inlineEach =
  (await timed(async () => {
    for (let i = 0; i < rounds; i++) sanitizeBody(padded)
  })) / rounds
const workerEach =
  (await timed(async () => {
    for (let i = 0; i < rounds; i++) await pool.sanitize(padded, 'bodyHtml')
  })) / rounds
console.log(
  `\na ${kb(padded)} body: ${inlineEach.toFixed(2)} ms inline, ${workerEach.toFixed(2)} ms through a worker`,
)
await pool.close()

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await measure())
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0
}

function kb(text: string): string {
  return `${Math.round(Buffer.byteLength(text) / 1024)} KB`
}
