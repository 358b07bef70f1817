import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Article, systemActor } from '../../src/content/index.ts'
import { auditVerificationSchema } from '../../src/server/response-schemas.ts'
import {
  type AdminServer,
  type ApiClient,
  type ApiResponse,
  PASSWORD,
  useAdminServer,
} from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'
import {
  filesUnder,
  pngClaiming,
  smallPng,
  svgWithScript,
  windowsProgram,
  zipBomb,
  zipClaiming600MiB,
} from '../support/hostile-files.ts'

const MiB = 1024 * 1024
const operator = systemActor('cli:test')
const STACK_TRACE = /\bat .+:\d+:\d+|node_modules|\.ts:\d+|\/work\//

type Table = 'articles' | 'article_revisions' | 'sites' | 'users' | 'grants' | 'sessions' | 'columns'

async function countRows(t: AdminServer, table: Table): Promise<number> {
  const row = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A site with one column, made by the operator at the CLI. */
async function siteWithColumn(t: AdminServer, slug: string) {
  const site = await t.content.sites.create(operator, {
    slug,
    name: `站点 ${slug}`,
    baseUrl: `https://${slug}.example.gov.cn`,
  })
  const column = await t.content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'news' })
  return { site, column }
}

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

function upload(
  client: ApiClient,
  site: string | number,
  bytes: Buffer,
  fileName: string,
  headers: Record<string, string> = {},
) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName)
  return client.request('POST', `/api/sites/${site}/uploads`, form, headers)
}

for (const engine of engines()) {
  describe(`${engine.name}: security`, () => {
    const t = useAdminServer(engine)

    it('locks an account after 5 wrong passwords: even the right one is then refused, with no session', async () => {
      const userId = await t.addUser('alice')
      const client = t.client()
      for (let attempt = 1; attempt <= 5; attempt++) {
        const wrong = await client.signIn('alice', `Wrong#2026pass${attempt}`)
        expectError(wrong, 401, 'UNAUTHENTICATED')
        expect(wrong.headers.getSetCookie()).toEqual([])
      }
      const right = await client.signIn('alice', PASSWORD)
      expectError(right, 429, 'ACCOUNT_LOCKED')
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(right.headers.getSetCookie()).toEqual([])
      expectError(await client.get('/api/session'), 401, 'UNAUTHENTICATED')
      expect(await countRows(t, 'sessions')).toBe(0)

      const attempts = (await t.content.audit.list({ action: 'session.signIn' })).filter(
        (record) => record.targetId === String(userId),
      )
      expect(attempts.map((record) => [record.outcome, record.errorCode]).reverse()).toEqual([
        ...Array.from({ length: 5 }, () => ['failure', 'UNAUTHENTICATED']),
        ['failure', 'ACCOUNT_LOCKED'],
      ])
    })

    it('cannot outrun the lockout with parallel guesses: past 5 failures the rest of a burst is ACCOUNT_LOCKED', async () => {
      await t.addUser('alice')
      const burst = await Promise.all(
        Array.from({ length: 10 }, (_, i) => t.client().signIn('alice', `Wrong#2026pass${i}`)),
      )
      const outcomes = burst.map((response) => `${response.status} ${response.body?.error?.code}`).sort()
      expect(outcomes).toEqual([
        ...Array.from({ length: 5 }, () => '401 UNAUTHENTICATED'),
        ...Array.from({ length: 5 }, () => '429 ACCOUNT_LOCKED'),
      ])
      expectError(await t.client().signIn('alice', PASSWORD), 429, 'ACCOUNT_LOCKED')
      expect(await countRows(t, 'sessions')).toBe(0)
    })

    it('refuses a change without the CSRF token, or with a wrong one, and changes nothing', async () => {
      const { site, column } = await siteWithColumn(t, 'simt')
      await t.addUser('editor', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('editor')
      const created = await editor.post('/api/articles', { columnId: column.id, title: '原标题' })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      // A save answers with the wording hits of what was saved and what the editor may do
      // next, beside the article itself.
      const {
        wordingHits: _hits,
        allowedActions: _actions,
        ...article
      }: Article & { wordingHits: unknown; allowedActions: unknown } = created.body
      const articlesBefore = await countRows(t, 'articles')
      const revisionsBefore = await countRows(t, 'article_revisions')

      const token = editor.csrfToken
      const forged = [
        { name: 'empty', headers: { 'x-csrf-token': '' } },
        {
          name: 'wrong',
          headers: { 'x-csrf-token': `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
        },
        { name: 'short', headers: { 'x-csrf-token': 'x' } },
      ]
      for (const { name, headers } of forged) {
        const post = await editor.request(
          'POST',
          '/api/articles',
          { columnId: column.id, title: name },
          headers,
        )
        expectError(post, 403, 'CSRF_FAILED')
        const patch = await editor.request(
          'PATCH',
          `/api/articles/${article.id}`,
          { baseRevision: article.revision, title: name },
          headers,
        )
        expectError(patch, 403, 'CSRF_FAILED')
        expectError(
          await editor.request('DELETE', `/api/articles/${article.id}`, undefined, headers),
          403,
          'CSRF_FAILED',
        )
      }
      // No header at all, as a cross-site form would send.
      editor.csrfToken = ''
      expectError(
        await editor.post('/api/articles', { columnId: column.id, title: '无令牌' }),
        403,
        'CSRF_FAILED',
      )
      expectError(
        await editor.patch(`/api/articles/${article.id}`, {
          baseRevision: article.revision,
          title: '无令牌',
        }),
        403,
        'CSRF_FAILED',
      )
      expectError(await editor.delete(`/api/articles/${article.id}`), 403, 'CSRF_FAILED')
      expectError(await editor.delete('/api/session'), 403, 'CSRF_FAILED')
      expectError(await upload(editor, 'simt', Buffer.from('通知'), 'a.txt'), 403, 'CSRF_FAILED')
      editor.csrfToken = token
      expect(await filesUnder(t.output)).toEqual([])

      expect(await countRows(t, 'articles')).toBe(articlesBefore)
      expect(await countRows(t, 'article_revisions')).toBe(revisionsBefore)
      expect(await t.content.articles.get(article.id)).toEqual(article)
      expect((await editor.get('/api/session')).status).toBe(200)
    })

    it("hides another site's content: an editor of site A gets 404 for all of site B and changes nothing", async () => {
      const a = await siteWithColumn(t, 'site-a')
      const b = await siteWithColumn(t, 'site-b')
      const articleB = await t.content.articles.create(operator, { columnId: b.column.id, title: '乙站文章' })
      await t.content.articles.publish(operator, articleB.id)
      const before = await t.content.articles.get(articleB.id)
      const revisionsBefore = await t.content.articles.revisions(articleB.id)
      await t.addUser('editor-a', [{ role: 'editor', siteId: a.site.id }])
      const editor = await t.signedIn('editor-a')
      const own = await editor.post('/api/articles', { columnId: a.column.id, title: '甲站文章' })
      expect(own.status, JSON.stringify(own.body)).toBe(201)
      const articlesBefore = await countRows(t, 'articles')

      const id = articleB.id
      const attempts: [string, () => Promise<ApiResponse>][] = [
        ['GET article', () => editor.get(`/api/articles/${id}`)],
        [
          'PATCH article',
          () => editor.patch(`/api/articles/${id}`, { baseRevision: before.revision, title: 'x' }),
        ],
        ['submit', () => editor.post(`/api/articles/${id}/submit`)],
        ['publish', () => editor.post(`/api/articles/${id}/publish`)],
        ['withdraw', () => editor.post(`/api/articles/${id}/withdraw`, { reason: '越权撤稿' })],
        ['DELETE article', () => editor.delete(`/api/articles/${id}`)],
        ['revisions', () => editor.get(`/api/articles/${id}/revisions`)],
        ['one revision', () => editor.get(`/api/articles/${id}/revisions/1`)],
        ['list by id', () => editor.get(`/api/articles?site=${b.site.id}`)],
        ['list by slug', () => editor.get('/api/articles?site=site-b')],
        ['site', () => editor.get(`/api/sites/${b.site.id}`)],
        ['columns', () => editor.get('/api/sites/site-b/columns')],
        ['column', () => editor.get(`/api/columns/${b.column.id}`)],
        ['create in B', () => editor.post('/api/articles', { columnId: b.column.id, title: '混入乙站' })],
        [
          'move own article into B',
          () => editor.patch(`/api/articles/${own.body.id}`, { baseRevision: 1, columnId: b.column.id }),
        ],
        ['upload into B', () => upload(editor, 'site-b', Buffer.from('hello'), 'a.txt')],
        [
          'quote own article into B',
          () =>
            editor.post('/api/articles', {
              columnId: a.column.id,
              title: '引用',
              alsoInColumnIds: [b.column.id],
            }),
        ],
        ['approve', () => editor.post(`/api/articles/${id}/approve`, { level: 1 })],
        ['reject', () => editor.post(`/api/articles/${id}/reject`, { comment: '越权退回' })],
        ['restore', () => editor.post(`/api/articles/${id}/restore`)],
        ['schedule withdrawal', () => editor.put(`/api/articles/${id}/unpublish-at`, { at: null })],
        ['diff', () => editor.get(`/api/articles/${id}/diff?from=1&to=1`)],
        [
          'restore revision',
          () => editor.post(`/api/articles/${id}/revisions/1/restore`, { baseRevision: before.revision }),
        ],
        ['change site', () => editor.patch('/api/sites/site-b', { name: '被改名' })],
        [
          'create column',
          () => editor.post('/api/columns', { siteId: b.site.id, name: '混入', slug: 'mixed' }),
        ],
        ['change column', () => editor.patch(`/api/columns/${b.column.id}`, { name: '被改名' })],
        ['delete column', () => editor.delete(`/api/columns/${b.column.id}`)],
        ['publish plan', () => editor.get('/api/sites/site-b/publish/plan')],
        ['publish site', () => editor.post('/api/sites/site-b/publish', { mode: 'full' })],
        ['publish runs', () => editor.get('/api/sites/site-b/publish/runs')],
      ]
      for (const [name, attempt] of attempts) {
        const response = await attempt()
        expect([name, response.status, response.body?.error?.code]).toEqual([name, 404, 'NOT_FOUND'])
      }

      expect(await t.content.articles.get(articleB.id)).toEqual(before)
      expect(await t.content.articles.revisions(articleB.id)).toEqual(revisionsBefore)
      expect((await t.content.articles.get(own.body.id)).columnId).toBe(a.column.id)
      expect(await countRows(t, 'articles')).toBe(articlesBefore)
      expect(await t.content.sites.get(b.site.id)).toEqual(b.site)
      expect(await t.content.columns.get(b.column.id)).toEqual(b.column)
      expect(await countRows(t, 'columns')).toBe(2)
      expect(await filesUnder(t.output)).toEqual([])
    })

    it('keeps the three administrators apart: audit reads only, system cannot audit or grant, security cannot create users', async () => {
      const { site, column } = await siteWithColumn(t, 'simt')
      const article = await t.content.articles.create(operator, { columnId: column.id, title: '原标题' })
      const editorId = await t.addUser('editor')
      await t.addUser('auditor', [{ role: 'audit_admin' }])
      await t.addUser('sysadmin', [{ role: 'system_admin' }])
      await t.addUser('secadmin', [{ role: 'security_admin' }])
      const counts = async () => ({
        sites: await countRows(t, 'sites'),
        users: await countRows(t, 'users'),
        grants: await countRows(t, 'grants'),
        articles: await countRows(t, 'articles'),
      })
      const before = await counts()
      const newUser = { userName: 'mallory', displayName: 'Mallory', password: 'Kx7#mq2Lp9vT' }
      const editorGrant = { role: 'editor', siteId: site.id }

      const auditor = await t.signedIn('auditor')
      const newSite = { slug: 'rogue', name: '伪站', baseUrl: 'https://rogue.example.com' }
      expectError(await auditor.post('/api/sites', newSite), 403, 'FORBIDDEN')
      expectError(await auditor.post('/api/users', newUser), 403, 'FORBIDDEN')
      expectError(await auditor.post(`/api/users/${editorId}/grants`, editorGrant), 403, 'FORBIDDEN')
      expectError(
        await auditor.patch(`/api/articles/${article.id}`, { baseRevision: 1, title: '审计员改的' }),
        404,
        'NOT_FOUND',
      )
      expectError(await auditor.post(`/api/articles/${article.id}/publish`), 404, 'NOT_FOUND')
      const log = await auditor.get('/api/audit')
      expect(log.status).toBe(200)
      expect(log.body.items.length).toBeGreaterThan(0)
      const verified = await auditor.get('/api/audit/verify')
      expect(verified.status).toBe(200)
      expect(auditVerificationSchema.parse(verified.body)).toMatchObject({ isIntact: true, legacy: 0 })
      expect((await auditor.get('/api/audit/export.csv')).status).toBe(200)

      const sysadmin = await t.signedIn('sysadmin')
      expectError(await sysadmin.get('/api/audit'), 403, 'FORBIDDEN')
      expectError(await sysadmin.get('/api/audit/export.csv'), 403, 'FORBIDDEN')
      expectError(await sysadmin.get('/api/audit/verify'), 403, 'FORBIDDEN')
      expectError(await sysadmin.post(`/api/users/${editorId}/grants`, editorGrant), 403, 'FORBIDDEN')

      const secadmin = await t.signedIn('secadmin')
      expectError(await secadmin.post('/api/users', newUser), 403, 'FORBIDDEN')
      expectError(await secadmin.post('/api/sites', newSite), 403, 'FORBIDDEN')
      expectError(await secadmin.get('/api/audit'), 403, 'FORBIDDEN')

      expect(await counts()).toEqual(before)
      expect(await t.content.articles.get(article.id)).toEqual(article)
      // The same requests by the role that holds the right do pass: the refusals above were the roles'.
      expect((await secadmin.post(`/api/users/${editorId}/grants`, editorGrant)).status).toBe(201)
      expect((await sysadmin.post('/api/users', newUser)).status).toBe(201)
    })

    it('treats SQL metacharacters in every filter and sort parameter as plain text or bad input', async () => {
      const { site, column } = await siteWithColumn(t, 'simt')
      for (const title of ['计量通知', "O'Brien's report", '100% 达标'])
        await t.content.articles.create(operator, { columnId: column.id, title })
      await t.addUser('editor', [{ role: 'editor', siteId: site.id }])
      await t.addUser('auditor', [{ role: 'audit_admin' }])
      const editor = await t.signedIn('editor')
      const auditor = await t.signedIn('auditor')
      const articlesBefore = await countRows(t, 'articles')
      const list = (params: Record<string, string>) =>
        editor.get(`/api/articles?${new URLSearchParams({ site: 'simt', ...params })}`)

      const found = async (params: Record<string, string>) => {
        const response = await list(params)
        expect(response.status, JSON.stringify(response.body)).toBe(200)
        return (response.body.items as Article[]).map((article) => article.title)
      }
      expect(await found({ text: "%' OR 1=1 --" })).toEqual([])
      expect(await found({ text: "'; DROP TABLE articles; --" })).toEqual([])
      expect(await found({ text: "' OR ''='" })).toEqual([])
      expect(await found({ text: '%' })).toEqual(['100% 达标'])
      expect(await found({ text: "O'Brien" })).toEqual(["O'Brien's report"])
      expect(await found({ createdBy: "x' OR 'a'='a" })).toEqual([])
      expect(await found({ createdBy: "cli:test' --" })).toEqual([])

      expectError(await list({ site: "1' OR '1'='1" }), 404, 'NOT_FOUND')
      expectError(await list({ site: '1 OR 1=1' }), 404, 'NOT_FOUND')
      const refused: [Record<string, string>, string][] = [
        [{ status: "published' OR 1=1" }, 'status'],
        [{ sort: 'title; DROP TABLE articles' }, 'sort'],
        [{ order: 'desc; --' }, 'order'],
        [{ from: "2020-01-01' OR 1=1" }, 'from'],
        [{ from: "2020-01-0'" }, 'from'],
        [{ to: "1' OR '1" }, 'to'],
        [{ columnId: '1 OR 1=1' }, 'columnId'],
        [{ includesDescendants: "1' OR '1" }, 'includesDescendants'],
        [{ limit: '1;DROP' }, 'limit'],
        [{ offset: '-1' }, 'offset'],
        [{ "site' OR 1=1 --": 'x' }, "site' OR 1=1 --"],
      ]
      for (const [params, field] of refused) {
        const response = await list(params)
        expect([params, response.status, response.body?.error?.code, response.body?.error?.field]).toEqual([
          params,
          422,
          'VALIDATION_FAILED',
          field,
        ])
      }

      const audit = await auditor.get(`/api/audit?${new URLSearchParams({ action: "x' OR 1=1 --" })}`)
      expect(audit.status).toBe(200)
      expect(audit.body.items).toEqual([])
      const limit = await auditor.get(`/api/audit?${new URLSearchParams({ limit: '1;DROP' })}`)
      expectError(limit, 422, 'VALIDATION_FAILED')
      expect(limit.body.error.field).toBe('limit')

      expect(await countRows(t, 'articles')).toBe(articlesBefore)
      expect((await list({})).body.total).toBe(3)
      expect((await auditor.get('/api/audit/verify')).body.isIntact).toBe(true)
    })

    it('refuses hostile uploads and stores nothing for them, and keeps every stored file under the hashed path', async () => {
      const { site } = await siteWithColumn(t, 'simt')
      const other = await siteWithColumn(t, 'other')
      await t.addUser('editor', [{ role: 'editor', siteId: site.id }])
      await t.addUser('outsider', [{ role: 'editor', siteId: other.site.id }])
      await t.addUser('nobody')
      const editor = await t.signedIn('editor')
      const uploadsRoot = join(t.output, 'sites', 'simt', 'uploads')

      // Each refusal must be for its reason, not for some accident of the test file.
      const refusals: [string, Buffer, string, number, string, RegExp][] = [
        ['renamed program', windowsProgram(), 'report.pdf', 422, 'UPLOAD_REFUSED', /Windows/],
        ['SVG with script', svgWithScript(), 'logo.svg', 422, 'UPLOAD_REFUSED', /SVG/],
        ['SVG with script named png', svgWithScript(), 'logo.png', 422, 'UPLOAD_REFUSED', /SVG/],
        ['200 MiB zip bomb', await zipBomb(), 'data.zip', 422, 'UPLOAD_REFUSED', /decompression bomb/],
        [
          'zip declaring 600 MiB',
          zipClaiming600MiB(),
          'data.zip',
          422,
          'UPLOAD_REFUSED',
          /decompression bomb/,
        ],
        ['16000×16000 PNG', pngClaiming(16000, 16000), 'huge.png', 422, 'UPLOAD_REFUSED', /pixels/],
        ['over 2 MiB', Buffer.alloc(2 * MiB + 4096, 0x41), 'big.txt', 413, 'TOO_LARGE', /2 MB/],
      ]
      for (const [name, bytes, fileName, status, code, reason] of refusals) {
        const response = await upload(editor, 'simt', bytes, fileName, { 'accept-language': 'en' })
        expect([name, response.status, response.body?.error?.code]).toEqual([name, status, code])
        expect(response.body.error.message).toMatch(reason)
        expect(await filesUnder(t.output)).toEqual([])
      }

      const png = await smallPng()
      for (const user of ['outsider', 'nobody']) {
        const stranger = await t.signedIn(user)
        expectError(await upload(stranger, 'simt', png, 'a.png'), 404, 'NOT_FOUND')
        expectError(await upload(stranger, site.id, png, 'a.png'), 404, 'NOT_FOUND')
      }
      expect(await filesUnder(t.output)).toEqual([])

      // The client's name is only shown: it is refused, or shown as its last segment and never a path.
      const storedAt: string[] = []
      for (const fileName of ['../../../etc/passwd.png', '..\\..\\..\\etc\\passwd.png', '/etc/passwd.png']) {
        const response = await upload(editor, 'simt', png, fileName)
        if (response.status !== 201) {
          expect(response.status, JSON.stringify(response.body)).toBe(422)
          continue
        }
        expect(response.body.name).toBe('passwd.png')
        const { sha256 } = response.body
        expect(response.body.url).toBe(`/uploads/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.png`)
        storedAt.push(`sites/simt${response.body.url}`)
      }
      const stored = await filesUnder(t.output)
      for (const path of stored)
        expect(path).toMatch(
          /^sites\/simt\/uploads\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.(png|thumb\.webp)$/,
        )
      for (const path of storedAt) expect(stored).toContain(path)
      expect(stored.some((path) => path.includes('passwd'))).toBe(false)
      expect((await filesUnder(uploadsRoot)).length).toBe(stored.length)
    })

    it('lets exactly one of 100 concurrent saves of one revision win; the other 99 get VERSION_CONFLICT', async () => {
      const { site, column } = await siteWithColumn(t, 'simt')
      await t.addUser('editor', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('editor')
      const created = await editor.post('/api/articles', { columnId: column.id, title: '第 0 版' })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const id: number = created.body.id
      expect(created.body.revision).toBe(1)

      const saves = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          editor.patch(`/api/articles/${id}`, { baseRevision: 1, title: `并发保存 ${i}` }),
        ),
      )
      const statuses = saves.map((save) => save.status)
      const winners = saves.filter((save) => save.status === 200)
      expect(winners.length, JSON.stringify(statuses)).toBe(1)
      const losers = saves.filter((save) => save.status !== 200)
      expect(losers.map((save) => [save.status, save.body?.error?.code])).toEqual(
        Array.from({ length: 99 }, () => [409, 'VERSION_CONFLICT']),
      )

      const saved = await t.content.articles.get(id)
      expect(saved.revision).toBe(2)
      expect(saved.title).toBe(winners[0]?.body.title)
      const revisions = await t.store.db
        .selectFrom('article_revisions')
        .select('revision')
        .where('article_id', '=', id)
        .orderBy('revision')
        .execute()
      expect(revisions.map((row) => row.revision)).toEqual([1, 2])
    })

    it('answers bad requests with a bare error code and message, never a stack trace, under strict headers', async () => {
      const { site, column } = await siteWithColumn(t, 'simt')
      await t.addUser('editor', [{ role: 'editor', siteId: site.id }])
      const editor = await t.signedIn('editor')
      const articlesBefore = await countRows(t, 'articles')
      const expectBare = (response: ApiResponse, status: number, code: string) => {
        expectError(response, status, code)
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        expect(Object.keys(response.body)).toEqual(['error'])
        expect(Object.keys(response.body.error).sort()).toEqual(['code', 'message'])
        expect(JSON.stringify(response.body)).not.toMatch(STACK_TRACE)
      }

      expectBare(
        await editor.request('POST', '/api/articles', '{"columnId": 1, "title": '),
        400,
        'BAD_REQUEST',
      )
      expectBare(await editor.request('POST', '/api/articles', '{"a":1}}'), 400, 'BAD_REQUEST')
      const body = JSON.stringify({ columnId: column.id, title: '跨站表单' })
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/plain;charset=UTF-8']) {
        expectBare(
          await editor.request('POST', '/api/articles', body, { 'content-type': type }),
          400,
          'BAD_REQUEST',
        )
      }
      expectBare(await editor.get('/api/no-such-route'), 404, 'NOT_FOUND')
      expectBare(await editor.get('/api/articles/999999'), 404, 'NOT_FOUND')
      expectBare(await editor.request('PATCH', '/api/articles/1', '[[[[[[['), 400, 'BAD_REQUEST')
      const huge = JSON.stringify({ columnId: column.id, title: '大', bodyHtml: 'x'.repeat(7 * MiB) })
      expectBare(await editor.request('POST', '/api/articles', huge), 413, 'TOO_LARGE')
      for (const path of ['/api/articles/abc', '/api/articles/99999999999999999999', '/api/articles/-1']) {
        const response = await editor.get(path)
        expectError(response, 422, 'VALIDATION_FAILED')
        expect(response.body.error.field).toBe('id')
        expect(JSON.stringify(response.body)).not.toMatch(STACK_TRACE)
      }
      expect(await countRows(t, 'articles')).toBe(articlesBefore)

      for (const response of [await editor.get('/api/session'), await t.client().get('/api/session')]) {
        const policy = response.headers.get('content-security-policy') ?? ''
        expect(policy).toContain("default-src 'self'")
        expect(policy).toContain("frame-ancestors 'none'")
        expect(policy).not.toContain('unsafe-inline')
        expect(policy).not.toContain('unsafe-eval')
        expect(response.headers.get('x-content-type-options')).toBe('nosniff')
        expect(response.headers.get('x-frame-options')).toBe('DENY')
        expect(response.headers.get('cache-control')).toBe('no-store')
      }
    })

    it('issues an HttpOnly, SameSite=Lax session cookie, a new one per sign-in, dead after sign-out', async () => {
      await t.addUser('alice')
      const cookieOf = (response: ApiResponse) => {
        const cookie = response.headers.getSetCookie().find((value) => value.startsWith('fabu_session='))
        expect(cookie).toBeDefined()
        return cookie as string
      }
      const first = t.client()
      const firstCookie = cookieOf(await first.signIn('alice'))
      expect(firstCookie).toMatch(/;\s*HttpOnly/i)
      expect(firstCookie).toMatch(/;\s*SameSite=Lax/i)
      expect(firstCookie).not.toMatch(/;\s*Secure/i)
      const second = t.client()
      const secondCookie = cookieOf(await second.signIn('alice'))
      const pair = (cookie: string) => cookie.split(';')[0] as string
      expect(pair(secondCookie)).not.toBe(pair(firstCookie))

      const signedOut = await first.delete('/api/session')
      expect(signedOut.status).toBe(204)
      const withOldCookie = (method: string, path: string) =>
        fetch(`${t.url}${path}`, {
          method,
          headers: { cookie: pair(firstCookie), 'x-csrf-token': first.csrfToken },
        }).then(async (response) => ({ status: response.status, body: await response.json() }))
      expect(await withOldCookie('GET', '/api/session')).toMatchObject({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED' } },
      })
      expect(await withOldCookie('GET', '/api/sites')).toMatchObject({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED' } },
      })
      expect((await second.get('/api/session')).status).toBe(200)
    })
  })
}
