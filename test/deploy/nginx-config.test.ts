import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUBLIC_SECURITY_HEADERS } from '../../src/server/public-site.ts'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe, stopProcess } from '../support/serve-process.ts'

const run = promisify(execFile)
const NGINX = '/usr/sbin/nginx'
const PUBLIC_HOST = 'www.example.gov.cn'
const ADMIN_HOST = 'admin.example.gov.cn'

interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: Buffer
}

/** The nginx block of docs/deploy.md, as an operator copies it into conf.d. */
async function deployBlock(): Promise<string> {
  const doc = await readFile(new URL('../../docs/deploy.md', import.meta.url), 'utf8')
  const block = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .find((text) => text.includes('upstream fabu_public'))
  if (!block) throw new Error('docs/deploy.md has no nginx block with upstream fabu_public')
  return block
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

function fetchVia(
  scheme: 'https' | 'http',
  port: number,
  host: string,
  path: string,
  method = 'GET',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = {
      host: '127.0.0.1',
      port,
      path,
      method,
      headers: { host, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) fabu-test' },
      rejectUnauthorized: false,
      servername: host,
    }
    const req = (scheme === 'https' ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the nginx configuration of docs/deploy.md', { timeout: 240_000 }, () => {
  let folder: string
  let data: string
  let server: ServeProcess
  let nginx: ChildProcess | undefined
  let tlsPort = 0
  let httpPort = 0
  let article: { id: number; urlPath: string }
  const get = (path: string, host = PUBLIC_HOST, method = 'GET') =>
    fetchVia('https', tlsPort, host, path, method)

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-nginx-'))
    data = join(folder, 'data')
    const env = { ...process.env, DATABASE_URL: '', FABU_AUDIT_KEY: '', FABU_INTERACTION_KEY: '' }
    expect((await runFabu(data, env, 'demo', '--json')).code).toBe(0)
    expect((await runFabu(data, env, 'publish', '--json')).code).toBe(0)
    const listed = await runFabu(
      data,
      env,
      'article',
      'list',
      '--column',
      'tzgg',
      '--status',
      'published',
      '--json',
    )
    const items = JSON.parse(listed.stdout) as { id: number; urlPath: string | null }[]
    const first = items.find((item) => item.urlPath)
    if (!first?.urlPath) throw new Error(`no published article: ${listed.stdout}${listed.stderr}`)
    article = { id: first.id, urlPath: `/${first.urlPath.replace(/^\//, '')}` }
    server = await startServe(data, env, 'simt')

    const prefix = join(folder, 'nginx')
    await mkdir(join(prefix, 'logs'), { recursive: true })
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${PUBLIC_HOST}`,
      '-keyout',
      join(prefix, 'privkey.pem'),
      '-out',
      join(prefix, 'fullchain.pem'),
    ])
    tlsPort = await freePort()
    httpPort = await freePort()
    const block = (await deployBlock())
      .replaceAll('server 127.0.0.1:8080;', `server 127.0.0.1:${new URL(server.publicUrl).port};`)
      .replaceAll('server 127.0.0.1:8081;', `server 127.0.0.1:${new URL(server.adminUrl).port};`)
      .replaceAll('root /srv/fabu/data/sites/simt;', `root ${join(data, 'sites', 'simt')};`)
      .replaceAll('listen 443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`)
      .replaceAll('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replaceAll('/etc/ssl/fabu/', `${prefix}/`)
      .replaceAll('/var/log/nginx/', `${prefix}/logs/`)
    // The rest of an nginx.conf, as Debian's wraps conf.d; `user root` lets the workers read
    // the temporary folders (nginx ignores it, with a warning, when not started as root).
    const conf = `user root;
error_log ${prefix}/logs/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${block}
}
`
    const confPath = join(prefix, 'nginx.conf')
    await writeFile(confPath, conf)
    const globals = `daemon off; pid ${prefix}/nginx.pid;`
    await run(NGINX, ['-t', '-p', prefix, '-c', confPath, '-g', globals]).catch((error) => {
      throw new Error(`nginx -t refused the configuration: ${(error as { stderr: string }).stderr}`)
    })
    nginx = spawn(NGINX, ['-p', prefix, '-c', confPath, '-g', globals], { stdio: 'ignore' })
    for (let i = 0; i < 100; i++) {
      if (
        await get('/healthz-probe').then(
          () => true,
          () => false,
        )
      )
        break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }, 180_000)
  afterAll(async () => {
    await stopProcess(nginx)
    await server?.stop()
    await rm(folder, { recursive: true, force: true })
  })

  it('serves published pages itself, with a short cache for pages and lists and a long one for assets', async () => {
    const page = await get(article.urlPath)
    expect(page.status).toBe(200)
    expect(
      page.body.equals(await readFile(join(data, 'sites', 'simt', article.urlPath.replace(/^\//, '')))),
    ).toBe(true)
    expect(page.headers['cache-control']).toBe('public, max-age=300')
    expect(page.headers['content-security-policy']).toBe(PUBLIC_SECURITY_HEADERS['content-security-policy'])
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN')

    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.headers['cache-control']).toBe('public, max-age=60')
    expect((await get('/tzgg/')).headers['cache-control']).toBe('public, max-age=60')

    const style = await get('/assets/style.css')
    expect(style.status).toBe(200)
    expect(style.headers['cache-control']).toBe('public, max-age=604800')
    expect(style.headers['content-type']).toContain('text/css')

    const redirect = await fetchVia('http', httpPort, PUBLIC_HOST, '/tzgg/')
    expect(redirect.status).toBe(301)
    expect(redirect.headers.location).toBe(`https://${PUBLIC_HOST}/tzgg/`)
  })

  it('passes the view counter, the search and unknown paths to fabu serve, with fabu’s own headers once', async () => {
    const hits = await get(`/_fabu/hits?id=${article.id}`, PUBLIC_HOST, 'POST')
    expect(hits.status).toBe(200)
    expect(JSON.parse(hits.body.toString())).toMatchObject({ id: article.id, views: 1 })
    expect(hits.headers['cache-control']).toBe('no-store')
    expect(hits.headers['content-security-policy']).toBe(PUBLIC_SECURITY_HEADERS['content-security-policy'])

    const search = await get(`/search.html?q=${encodeURIComponent('计量')}`)
    expect(search.status).toBe(200)
    expect(search.headers['cache-control']).toBe('no-cache')
    expect(search.body.equals(await readFile(join(data, 'sites', 'simt', 'search.html')))).toBe(false)
    expect(search.body.toString()).toContain('计量')
    const api = await get(`/_fabu/search?q=${encodeURIComponent('计量')}`)
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body.toString()).total).toBeGreaterThan(0)

    const missing = await get('/no/such/page.html')
    expect(missing.status).toBe(404)
    expect(missing.body.equals(await readFile(join(data, 'sites', 'simt', '404.html')))).toBe(true)
  })

  it('passes the admin host’s /api/ and /admin/ to the admin port, and nothing else of it', async () => {
    const api = await get('/api/sites', ADMIN_HOST)
    expect(api.status).toBe(401)
    expect(JSON.parse(api.body.toString()).error.code).toBe('UNAUTHENTICATED')
    expect((await get('/admin/', ADMIN_HOST)).status).toBe(200)
    expect((await get('/metrics', ADMIN_HOST)).status).toBe(404)
    // The public host has no API.
    expect((await get('/api/sites')).status).toBe(404)
  })
})
