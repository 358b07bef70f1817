import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPublicSite } from './public-site.ts'
import { PublishedFiles } from './static-files.ts'
import type { ViewCounter } from './view-counter.ts'

// The counter is never asked here; a store-less stand-in is enough for it to be built.
const counter = { hit: async () => null, views: async () => null } as unknown as ViewCounter

describe('published files as the public site serves them', () => {
  let folder: string
  let root: string
  let app: FastifyInstance
  const clock = { now: 1_000_000 }
  const files = new PublishedFiles({ now: () => clock.now, trustMs: 1_000, maxBytes: 256 * 1024 })
  const page = `<!doctype html><html lang="zh-CN"><title>通知</title><p>${'防汛通知正文。'.repeat(400)}</p></html>`

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-files-'))
    root = join(folder, 'site')
    await mkdir(join(root, 'tzgg'), { recursive: true })
    await mkdir(join(root, 'assets'), { recursive: true })
    await writeFile(join(root, 'index.html'), page)
    await writeFile(join(root, 'tzgg', 'index.html'), '<!doctype html><title>通知公告</title>')
    await writeFile(join(root, 'tzgg', '公告.html'), '<!doctype html><title>公告</title>')
    await writeFile(join(root, 'assets', 'style.css'), 'body { color: #333 }\n'.repeat(200))
    await writeFile(join(root, 'assets', 'app.3f9a2c1b.js'), 'console.log(1)\n')
    await writeFile(join(root, 'photo.png'), Buffer.alloc(4096, 7))
    await writeFile(join(root, '404.html'), '<!doctype html><title>页面不存在</title>')
    await writeFile(join(root, '.secret'), 'dotfile')
    await writeFile(join(folder, 'outside.txt'), 'not published')
    await symlink(join(folder, 'outside.txt'), join(root, 'escape.txt'))
    app = await createPublicSite({ root, counter, files })
  })
  afterAll(async () => {
    await app.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('answers a page with its type, validators, short caching and the security headers', async () => {
    const answer = await app.inject({ url: '/index.html' })
    expect(answer.statusCode).toBe(200)
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.body).toBe(page)
    expect(answer.headers.etag).toMatch(/^"[0-9a-z-]+"$/)
    expect(answer.headers['last-modified']).toBeDefined()
    expect(answer.headers['cache-control']).toBe('no-cache')
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'")
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    const head = await app.inject({ method: 'HEAD', url: '/index.html' })
    expect(head.statusCode).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers.etag).toBe(answer.headers.etag)
  })

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since', async () => {
    const first = await app.inject({ url: '/index.html' })
    const etag = String(first.headers.etag)
    const byTag = await app.inject({ url: '/index.html', headers: { 'if-none-match': `"x", ${etag}` } })
    expect(byTag.statusCode).toBe(304)
    expect(byTag.body).toBe('')
    expect(
      (await app.inject({ url: '/index.html', headers: { 'if-none-match': '"other"' } })).statusCode,
    ).toBe(200)
    const since = String(first.headers['last-modified'])
    expect(
      (await app.inject({ url: '/index.html', headers: { 'if-modified-since': since } })).statusCode,
    ).toBe(304)
    const before = new Date(Date.parse(since) - 60_000).toUTCString()
    expect(
      (await app.inject({ url: '/index.html', headers: { 'if-modified-since': before } })).statusCode,
    ).toBe(200)
  })

  it('compresses text with brotli or gzip as the client accepts, each with an ETag of its own', async () => {
    const br = await app.inject({ url: '/index.html', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(page)
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(page) / 4)
    const gz = await app.inject({ url: '/index.html', headers: { 'accept-encoding': 'gzip, br;q=0' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(page)
    const plain = await app.inject({ url: '/index.html' })
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3)
    const again = await app.inject({
      url: '/index.html',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
    const image = await app.inject({ url: '/photo.png', headers: { 'accept-encoding': 'br, gzip' } })
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.headers['content-encoding']).toBeUndefined()
  })

  it('keeps hashed theme assets a year, other assets an hour', async () => {
    expect((await app.inject({ url: '/assets/app.3f9a2c1b.js' })).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    )
    const style = await app.inject({ url: '/assets/style.css' })
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(style.headers['cache-control']).toBe('public, max-age=3600')
  })

  it('serves a folder’s index.html at its slash, sends /dir to /dir/, and decodes Chinese names', async () => {
    expect((await app.inject({ url: '/tzgg/' })).body).toContain('通知公告')
    const bare = await app.inject({ url: '/tzgg?from=nav' })
    expect(bare.statusCode).toBe(301)
    expect(bare.headers.location).toBe('/tzgg/?from=nav')
    // Never `//tzgg/`, which a browser would read as another host.
    expect((await app.inject({ url: '//tzgg' })).headers.location).toBe('/tzgg/')
    expect((await app.inject({ url: '/tzgg/%E5%85%AC%E5%91%8A.html' })).body).toContain('公告')
  })

  it('refuses climbing out, dotfiles and links that leave the folder, with the site’s 404 page', async () => {
    for (const url of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/tzgg/..%2f..%2foutside.txt',
      '/.secret',
      '/escape.txt',
    ]) {
      const answer = await app.inject({ url })
      expect(answer.statusCode, url).toBe(404)
      expect(answer.body, url).toContain('页面不存在')
      expect(answer.body, url).not.toContain('not published')
    }
  })

  it('answers one byte range, and 416 past the end', async () => {
    const part = await app.inject({ url: '/photo.png', headers: { range: 'bytes=10-19' } })
    expect(part.statusCode).toBe(206)
    expect(part.headers['content-range']).toBe('bytes 10-19/4096')
    expect(part.rawPayload.length).toBe(10)
    expect((await app.inject({ url: '/photo.png', headers: { range: 'bytes=5000-' } })).statusCode).toBe(416)
  })

  it('shows a file the publisher replaced once it has been trusted for a second, and a new file likewise', async () => {
    const before = await app.inject({ url: '/tzgg/index.html' })
    // The publisher writes aside and renames over the page.
    await writeFile(join(root, 'tzgg', '.index.html.tmp'), '<!doctype html><title>新的通知公告</title>')
    await rename(join(root, 'tzgg', '.index.html.tmp'), join(root, 'tzgg', 'index.html'))
    expect((await app.inject({ url: '/news.html' })).statusCode).toBe(404)
    await writeFile(join(root, 'news.html'), '<!doctype html><title>新闻</title>')
    clock.now += 1_001
    const after = await app.inject({ url: '/tzgg/index.html' })
    expect(after.body).toContain('新的通知公告')
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(
      (
        await app.inject({
          url: '/tzgg/index.html',
          headers: { 'if-none-match': String(before.headers.etag) },
        })
      ).statusCode,
    ).toBe(200)
    expect((await app.inject({ url: '/news.html' })).statusCode).toBe(200)
  })

  it('keeps no more bytes in memory than it is allowed', async () => {
    for (let i = 0; i < 40; i++)
      await writeFile(join(root, `big-${i}.html`), `<p>${String(i).repeat(20_000)}</p>`)
    for (let i = 0; i < 40; i++) {
      const answer = await app.inject({ url: `/big-${i}.html`, headers: { 'accept-encoding': 'br' } })
      expect(answer.statusCode).toBe(200)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(files.bytes).toBeLessThanOrEqual(256 * 1024)
    expect(files.bytes).toBeGreaterThan(0)
  })
})
