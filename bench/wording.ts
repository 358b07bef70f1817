/**
 * The wording check on a long body: a 1 MB article body (text) against a site's lists of
 * 50,000 entries, 1,000 of them protected names (near-misses looked for too). Prints the time
 * to compile the lists once and the time to check the body, the median of several runs, as
 * wall time and as this thread's CPU time (steadier on a shared machine), with the load.
 *
 *   npm run bench:wording
 */
import { loadavg } from 'node:os'
import { type WordEntry, WordMatcher } from '../src/checks/index.ts'

const ENTRIES = 50_000
const PROTECTED = 1_000
const BODY_CHARS = 1_000_000
const RUNS = 7

// A fixed generator, so each run measures the same lists and body.
let state = 20_261_204
function random(): number {
  state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
  return state / 2 ** 32
}
const ideograph = () => String.fromCharCode(0x4e00 + Math.floor(random() * 3_500))

const words = new Set<string>()
while (words.size < ENTRIES) {
  let word = ''
  for (let n = 2 + Math.floor(random() * 5); n > 0; n--) word += ideograph()
  words.add(word)
}
const entries: WordEntry[] = [...words].map((word, index) => ({
  word,
  kind: index < PROTECTED ? 'protected' : index % 3 === 0 ? 'political' : 'sensitive',
  level: index % 2 === 0 ? 'block' : 'warn',
  suggestion: null,
}))

// Paragraphs of text with punctuation and spaces, as a body's text reads.
const parts: string[] = []
let length = 0
while (length < BODY_CHARS) {
  let sentence = ''
  for (let n = 10 + Math.floor(random() * 30); n > 0; n--) sentence += ideograph()
  sentence += random() < 0.2 ? ' 2026 年，' : '。'
  parts.push(sentence)
  length += sentence.length
}
const body = parts.join('')

let started = performance.now()
const matcher = new WordMatcher(entries)
const compileMs = performance.now() - started

const times: number[] = []
const cpuTimes: number[] = []
let hits = 0
for (let run = 0; run < RUNS; run++) {
  const cpu = process.threadCpuUsage()
  started = performance.now()
  hits = matcher.find([{ field: 'body', text: body }]).length
  times.push(performance.now() - started)
  const used = process.threadCpuUsage(cpu)
  cpuTimes.push((used.user + used.system) / 1000)
}
times.sort((a, b) => a - b)
cpuTimes.sort((a, b) => a - b)
const median = times[Math.floor(RUNS / 2)] ?? 0

console.log(
  `wording check: ${ENTRIES} entries (${PROTECTED} protected), body ${(body.length / 1e6).toFixed(2)} M chars`,
)
console.log(`  compile lists  ${compileMs.toFixed(0)} ms (once per change of the lists)`)
console.log(
  `  check body     ${median.toFixed(1)} ms median of ${RUNS} (min ${times[0]?.toFixed(1)} ms), ${hits} hits`,
)
console.log(
  `  same, CPU time ${cpuTimes[Math.floor(RUNS / 2)]?.toFixed(1)} ms median (min ${cpuTimes[0]?.toFixed(1)} ms)`,
)
console.log(`  target         < 50 ms: ${median < 50 ? 'met' : 'NOT met'}`)
console.log(
  `  load average   ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`,
)
