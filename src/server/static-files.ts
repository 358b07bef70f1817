import { createReadStream } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { cacheControlOf, isCompressible, mediaTypeOf } from './media-types.ts'
import { publishedPath } from './published-path.ts'
import { chooseEncoding, type Encoding, isNotModified, rangeOf } from './request-preconditions.ts'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

export interface PublishedFilesOptions {
  /**
   * How long what is known of a path (its bytes, that it is missing, that it is a folder) is
   * trusted before one `stat` checks it again. A second: a publish is seen within a second,
   * and a page read a thousand times a second costs one stat a second, not a thousand.
   */
  readonly trustMs?: number
  /** Bytes of files and their compressed forms kept in memory, all sites together. */
  readonly maxBytes?: number
  /** Files larger than this are streamed from disk each time, never kept or compressed. */
  readonly maxFileBytes?: number
  /** Paths remembered at once (a flood of made-up URLs only pushes out the oldest). */
  readonly maxEntries?: number
  readonly now?: () => number
}

interface FileEntry {
  readonly kind: 'file'
  /** The path it is remembered under: the site's folder and the relative path joined. */
  readonly key: string
  /** The real path, checked to be inside the site's folder. */
  readonly path: string
  readonly relative: string
  readonly ino: number
  readonly size: number
  readonly mtimeMs: number
  readonly tag: string
  readonly lastModified: string
  readonly mediaType: string
  readonly cacheControl: string
  /** The bytes, when small enough to keep; null: streamed. */
  readonly body: Buffer | null
  encoded: Partial<Record<Encoding, Promise<Buffer>>>
  bytes: number
  checkedAt: number
}
type Entry = FileEntry | { readonly kind: 'folder' | 'missing'; checkedAt: number; bytes: number }

/** Where a request landed in a site: its folder, and the URL path the site is mounted at ('' or '/jyj'). */
export interface SiteFolder {
  readonly root: string
  readonly mount: string
}

/**
 * Serves published files from memory: what a path holds is remembered (bytes, ETag, compressed
 * forms) and checked against the disk at most once per `trustMs`, by inode, size and mtime, so
 * a file the publisher replaced (written aside and renamed over) is noticed. `@fastify/static`
 * read every folder on the request path on every request instead (a column folder holds a
 * thousand files), which was a third of the server's time.
 */
export class PublishedFiles {
  readonly #trustMs: number
  readonly #maxBytes: number
  readonly #maxFileBytes: number
  readonly #maxEntries: number
  readonly #now: () => number
  // A Map iterates in insertion order; a hit moves its key to the end, so the first is the least recent.
  readonly #entries = new Map<string, Entry>()
  readonly #loading = new Map<string, Promise<Entry>>()
  readonly #realRoots = new Map<string, Promise<string | null>>()
  #bytes = 0

  constructor(options: PublishedFilesOptions = {}) {
    this.#trustMs = options.trustMs ?? 1_000
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024
    this.#maxFileBytes = options.maxFileBytes ?? 1024 * 1024
    this.#maxEntries = options.maxEntries ?? 50_000
    this.#now = options.now ?? Date.now
  }

  /** Bytes held in memory now; never more than maxBytes once a request has finished. */
  get bytes(): number {
    return this.#bytes
  }

  /**
   * Answers a GET or HEAD for `path` (the request path with the mount taken off) from `folder`:
   * the file, a 301 to the folder's `/`, a 304, or false when there is nothing there.
   */
  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    folder: SiteFolder,
    path: string,
  ): Promise<boolean> {
    const target = publishedPath(path)
    if (!target) return false
    let entry = await this.#lookup(folder.root, target.relative)
    if (entry.kind === 'folder') {
      if (!target.isFolder) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
        // Built from the checked segments, never the raw URL: `//evil.example/x` must not become a
        // Location another origin is read from.
        const segments = target.relative.split('/').filter(Boolean).map(encodeURIComponent)
        reply.code(301).header('location', `${folder.mount}/${segments.map((s) => `${s}/`).join('')}${query}`)
        reply.header('cache-control', 'no-cache').send()
        return true
      }
      entry = await this.#lookup(
        folder.root,
        target.relative ? `${target.relative}/index.html` : 'index.html',
      )
    }
    if (entry.kind !== 'file') return false
    await this.#reply(request, reply, entry, 200)
    return true
  }

  /** The site's 404.html with status 404, or false when the site has none. */
  async sendNotFound(request: FastifyRequest, reply: FastifyReply, folder: SiteFolder): Promise<boolean> {
    const entry = await this.#lookup(folder.root, '404.html')
    if (entry.kind !== 'file') return false
    await this.#reply(request, reply, entry, 404)
    return true
  }

  async #reply(
    request: FastifyRequest,
    reply: FastifyReply,
    entry: FileEntry,
    status: number,
  ): Promise<void> {
    const encoding =
      entry.body && entry.body.length >= 1024 && isCompressible(entry.mediaType)
        ? chooseEncoding(request.headers['accept-encoding'])
        : null
    let body: Buffer | null = entry.body
    if (encoding && entry.body) {
      const encoded = await this.#encoded(entry, encoding)
      // Tiny or already dense text can come out larger; then the plain bytes go.
      if (encoded.length < entry.body.length) body = encoded
    }
    const isEncoded = body !== entry.body
    const etag = isEncoded ? `"${entry.tag}-${encoding}"` : `"${entry.tag}"`
    reply.code(status).type(entry.mediaType)
    reply.header('cache-control', status === 200 ? entry.cacheControl : 'no-cache')
    if (isCompressible(entry.mediaType)) reply.header('vary', 'accept-encoding')
    if (status !== 200) return void reply.send(body ?? createReadStream(entry.path))
    reply.header('etag', etag).header('last-modified', entry.lastModified)
    if (isNotModified(request, etag, entry.mtimeMs)) return void reply.code(304).send()
    if (isEncoded) return void reply.header('content-encoding', encoding).send(body)
    reply.header('accept-ranges', 'bytes')
    const range = rangeOf(request, etag, entry.size)
    if (range === 'unsatisfiable') {
      return void reply.code(416).header('content-range', `bytes */${entry.size}`).send()
    }
    if (range) {
      reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${entry.size}`)
      reply.header('content-length', String(range.end - range.start + 1))
      return void reply.send(
        entry.body
          ? entry.body.subarray(range.start, range.end + 1)
          : createReadStream(entry.path, { start: range.start, end: range.end }),
      )
    }
    if (body) return void reply.send(body)
    reply.header('content-length', String(entry.size)).send(createReadStream(entry.path))
  }

  #encoded(entry: FileEntry, encoding: Encoding): Promise<Buffer> {
    const known = entry.encoded[encoding]
    if (known) return known
    const body = entry.body ?? Buffer.alloc(0)
    // Compression runs on libuv's threads, once per version of the file, never on the event loop.
    const made =
      encoding === 'br'
        ? brotliAsync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipAsync(body, { level: 6 })
    entry.encoded[encoding] = made
    void made.then((bytes) => {
      if (this.#entries.get(entry.key) !== entry) return
      entry.bytes += bytes.length
      this.#bytes += bytes.length
      this.#evict()
    })
    return made
  }

  async #lookup(root: string, relative: string): Promise<Entry> {
    const key = relative ? join(root, relative) : root
    const known = this.#entries.get(key)
    if (known && this.#now() - known.checkedAt < this.#trustMs) {
      this.#entries.delete(key)
      this.#entries.set(key, known)
      return known
    }
    const loading = this.#loading.get(key)
    if (loading) return loading
    const load = this.#load(root, key, relative, known).finally(() => this.#loading.delete(key))
    this.#loading.set(key, load)
    return load
  }

  async #load(root: string, key: string, relative: string, known: Entry | undefined): Promise<Entry> {
    const checkedAt = this.#now()
    let entry: Entry
    try {
      const stats = await stat(key)
      if (stats.isDirectory()) entry = { kind: 'folder', checkedAt, bytes: 0 }
      else if (!stats.isFile()) entry = { kind: 'missing', checkedAt, bytes: 0 }
      else if (
        known?.kind === 'file' &&
        known.ino === stats.ino &&
        known.size === stats.size &&
        known.mtimeMs === stats.mtimeMs
      ) {
        known.checkedAt = checkedAt
        return known
      } else
        entry = (await this.#read(root, key, relative, checkedAt)) ?? { kind: 'missing', checkedAt, bytes: 0 }
    } catch (error) {
      if (!isAbsence(error)) throw error
      entry = { kind: 'missing', checkedAt, bytes: 0 }
    }
    this.#remember(key, entry)
    return entry
  }

  /** The file's bytes and metadata from one open file, so they belong to the same version. */
  async #read(root: string, key: string, relative: string, checkedAt: number): Promise<FileEntry | null> {
    const [real, realRoot] = await Promise.all([realpath(key), this.#realRoot(root)])
    // A symbolic link inside the site must not serve what lies outside it.
    if (
      !realRoot ||
      (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep))
    )
      return null
    const handle = await open(real, 'r')
    try {
      const stats = await handle.stat()
      if (!stats.isFile()) return null
      const body = stats.size <= this.#maxFileBytes ? await handle.readFile() : null
      const mediaType = mediaTypeOf(relative)
      return {
        kind: 'file',
        key,
        path: real,
        relative,
        ino: stats.ino,
        size: body ? body.length : stats.size,
        mtimeMs: stats.mtimeMs,
        tag: `${stats.ino.toString(36)}-${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`,
        lastModified: new Date(stats.mtimeMs).toUTCString(),
        mediaType,
        cacheControl: cacheControlOf(relative, mediaType),
        body,
        encoded: {},
        bytes: body ? body.length : 0,
        checkedAt,
      }
    } finally {
      await handle.close()
    }
  }

  #realRoot(root: string): Promise<string | null> {
    let known = this.#realRoots.get(root)
    if (!known) {
      known = realpath(root).catch(() => null)
      this.#realRoots.set(root, known)
      // A site folder that does not exist yet (nothing published) is asked again next time.
      void known.then((real) => {
        if (real === null) this.#realRoots.delete(root)
      })
    }
    return known
  }

  #remember(key: string, entry: Entry): void {
    const old = this.#entries.get(key)
    if (old) {
      this.#bytes -= old.bytes
      this.#entries.delete(key)
    }
    this.#entries.set(key, entry)
    this.#bytes += entry.bytes
    this.#evict()
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes && this.#entries.size <= this.#maxEntries) return
      this.#entries.delete(key)
      this.#bytes -= entry.bytes
      // Bytes of a compression still running are counted when it ends, against an entry gone by then.
      entry.bytes = 0
    }
  }
}

function isAbsence(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return (
    code === 'ENOENT' ||
    code === 'ENOTDIR' ||
    code === 'ENAMETOOLONG' ||
    code === 'EACCES' ||
    code === 'ELOOP'
  )
}
