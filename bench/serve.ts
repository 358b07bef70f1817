// npm run bench:serve [-- --articles N] [-- --seconds S]
// Pages, the home page and the view counter from a real `fabu serve`, and the same files from
// nginx where it is installed; a benchmark that prints figures, not a test.
import { type ChildProcess, spawn } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createContent } from '../src/content/index.ts'
import { Publisher } from '../src/publish/index.ts'
import { openStore } from '../src/store/index.ts'
import { generateCorpus } from './generate-corpus.ts'

interface Result {
  readonly requests: { readonly average: number }
  readonly latency: { readonly p99: number }
  readonly non2xx: number
  readonly errors: number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
  method?: string
  headers?: Record<string, string>
}) => Promise<Result>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const { values } = parseArgs({ options: { articles: { type: 'string' }, seconds: { type: 'string' } } })
const ARTICLES = Number(values.articles ?? 5_000)
const SECONDS = Number(values.seconds ?? 10)
const CONNECTIONS = 50
const ROOT = resolve(import.meta.dirname, '..')
const NGINX = '/usr/sbin/nginx'
const CLI_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.fabu as string
)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'))
/** Stands for each server's own ETag of the URL, asked before the run. */
const OWN_ETAG = '(own etag)'
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'

const data = mkdtempSync('/dev/shm/fabu-bench-serve-')
// nginx started by root reads as `nobody`: the folder must be readable to others.
chmodSync(data, 0o755)
const children: ChildProcess[] = []
try {
  // A site of ARTICLES articles over 15 columns, published into the data folder in RAM.
  const store = await openStore({ sqlitePath: join(data, 'fabu.db') })
  await generateCorpus(store, ARTICLES)
  const content = createContent(store)
  const publisher = new Publisher(store, content, {
    outputRootFor: (slug, prefix) => join(data, 'sites', slug, prefix),
    manifestDir: join(data, 'manifests'),
  })
  await publisher.publish({ site: 'bench', mode: 'full' })
  await publisher.close()
  const article = (await content.articles.list({ site: 'bench', limit: 1 })).items[0]
  await store.close()
  if (!article?.urlPath) throw new Error('the corpus has no published article')
  const siteRoot = join(data, 'sites', 'bench')
  const articleFolder = join(siteRoot, article.urlPath, '..')
  writeFileSync(join(data, 'fabu.toml'), '[checks]\ndaily_at = "off"\n[links]\nexternal_check_hours = 0\n')

  const fabu = await startFabu(data)
  children.push(fabu.child)
  const nginx = existsSync(NGINX) ? await startNginx(siteRoot) : null
  if (nginx) children.push(nginx.child)
  const before = await startProcess([join(ROOT, 'bench/fastify-static-baseline.ts'), siteRoot])
  children.push(before.child)

  const log = (line: string) => process.stdout.write(`${line}\n`)
  log(
    `bench:serve: ${ARTICLES} articles; ${CONNECTIONS} connections, ${SECONDS} s each; article ${article.urlPath}`,
  )
  log(
    `fabu serve ${fabu.origin} (one Node.js process)${nginx ? `; nginx ${nginx.origin} (worker_processes 1)` : ''}`,
  )
  log(`(the article's folder holds ${readdirCount(articleFolder)} entries)`)
  const rows: [string, number, number | null][] = []
  const measure = async (
    name: string,
    path: string,
    options: { method?: string; headers?: Record<string, string> } = {},
  ) => {
    const ours = await load(`${fabu.origin}${path}`, options)
    const theirs = nginx && !path.startsWith('/_fabu') ? await load(`${nginx.origin}${path}`, options) : null
    const old = path.startsWith('/_fabu') ? null : await load(`${before.origin}${path}`, options)
    rows.push([name, ours, theirs])
    const ratio = theirs
      ? `  nginx ${Math.round(theirs)} req/s, fabu at ${((ours / theirs) * 100).toFixed(0)}% of nginx`
      : ''
    const baseline = old ? `  (@fastify/static before: ${Math.round(old)} req/s)` : ''
    log(`${name.padEnd(34)} fabu ${Math.round(ours)} req/s${ratio}${baseline}`)
  }
  // The server's first seconds go to its own start-up (render processes, search threads).
  await autocannon({ url: `${fabu.origin}/${article.urlPath}`, connections: CONNECTIONS, duration: 5 })
  await measure('article page', `/${article.urlPath}`)
  await measure('article page, br accepted', `/${article.urlPath}`, {
    headers: { 'accept-encoding': 'br, gzip' },
  })
  await measure('article page, 304 (If-None-Match)', `/${article.urlPath}`, {
    headers: { 'if-none-match': OWN_ETAG },
  })
  await measure('home page', '/index.html')
  await measure('view counter (POST /_fabu/hits)', `/_fabu/hits?id=${article.id}`, {
    method: 'POST',
    headers: { 'user-agent': BROWSER },
  })
} finally {
  for (const child of children) child.kill('SIGTERM')
  await new Promise((done) => setTimeout(done, 500))
  rmSync(data, { recursive: true, force: true })
}

async function load(
  url: string,
  options: { method?: string; headers?: Record<string, string> },
): Promise<number> {
  if (options.headers?.['if-none-match'] === OWN_ETAG)
    options = { ...options, headers: { ...options.headers, 'if-none-match': await etagOf(url) } }
  // A short warm-up: caches filled, compressed forms made, JIT warm.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, ...options })
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options })
  const isNotModified = options.headers?.['if-none-match'] !== undefined
  if ((result.non2xx > 0 && !isNotModified) || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors`)
  return result.requests.average
}

async function etagOf(url: string): Promise<string> {
  return (await fetch(url)).headers.get('etag') ?? ''
}

function readdirCount(folder: string): number {
  try {
    return readdirSync(folder).length
  } catch {
    return 0
  }
}

function startFabu(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const serve = ['serve', '--data', dataDir, '--port', '0', '--admin-port', '0', '--no-logs']
  return startProcess([join(ROOT, 'src/cli/main.ts'), ...serve])
}

/** A Node.js process of ours that prints `at http://127.0.0.1:PORT/` once it listens. */
async function startProcess(args: string[]): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [...CLI_NODE_FLAGS, ...args], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const origin = await new Promise<string>((found, failed) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
      if (match?.[1]) found(match[1])
    })
    child.on('exit', (code) => failed(new Error(`${args[0]} exited (${code}): ${output}`)))
  })
  return { child, origin }
}

async function startNginx(siteRoot: string): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort()
  const prefix = mkdtempSync('/tmp/fabu-bench-nginx-')
  mkdirSync(join(prefix, 'logs'), { recursive: true })
  const config = join(prefix, 'nginx.conf')
  // One worker, as fabu is one process; sendfile and keep-alive as a typical site has them.
  writeFileSync(
    config,
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log;
events { worker_connections 4096; }
http {
  types { text/html html; text/css css; text/javascript js; image/svg+xml svg; application/xml xml; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  server { listen 127.0.0.1:${port}; root ${siteRoot}; }
}
`,
  )
  const child = spawn(NGINX, ['-p', prefix, '-c', config, '-e', join(prefix, 'logs', 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  child.on('exit', () => rmSync(prefix, { recursive: true, force: true }))
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${origin}/index.html`)
      return { child, origin }
    } catch {
      await new Promise((done) => setTimeout(done, 50))
    }
  }
  throw new Error('nginx did not start')
}

function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const server = createServer()
    server.once('error', failed)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => found(port))
    })
  })
}
