import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import {
  type AdminServer,
  type ApiClient,
  type ApiResponse,
  useAdminServer,
} from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')
const CHINESE = /[\u4e00-\u9fff]/
/** How long the second client may wait for an answer while hostile requests are handled. */
const PATIENCE_MS = 2_000

async function setUp(t: AdminServer) {
  const site = (slug: string, name: string) =>
    t.content.sites.create(operator, { slug, name, baseUrl: `https://${slug}.example.gov.cn` })
  const city = await site('city', '市政府')
  const county = await site('county', '县政府')
  const news = await t.content.columns.create(operator, { siteId: city.id, name: '要闻', slug: 'yw' })
  const local = await t.content.columns.create(operator, { siteId: county.id, name: '动态', slug: 'dt' })
  const article = await t.content.articles.create(operator, { columnId: local.id, title: '县里的消息' })
  const cityArticle = await t.content.articles.create(operator, { columnId: news.id, title: '市里的消息' })
  await t.addUser('admin', [{ role: 'admin' }])
  await t.addUser('cityeditor', [{ role: 'editor', siteId: city.id }])
  await t.addUser('countyeditor', [{ role: 'editor', siteId: county.id }])
  const admin = await t.signedIn('admin')
  expect(
    (await admin.put(`/api/columns/${news.id}/submission-sources`, { siteIds: [county.id] })).status,
  ).toBe(200)
  return {
    city,
    county,
    news,
    article,
    cityArticle,
    admin,
    cityEditor: await t.signedIn('cityeditor'),
    countyEditor: await t.signedIn('countyeditor'),
  }
}

async function tableCounts(t: AdminServer) {
  const counts: Record<string, number> = {}
  for (const table of ['sites', 'columns', 'articles', 'submissions', 'column_article_order'] as const) {
    const row = await t.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

interface HostileRequest {
  readonly what: string
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  readonly path: string
  /** A string is sent as it is (malformed JSON); anything else as JSON. */
  readonly body?: unknown
  readonly contentType?: string
  readonly status: number
  readonly code: string
  /** The field a VALIDATION_FAILED names. */
  readonly field?: string
}

/** A submission whose note is an array nested `depth` deep. */
const deep = (depth: number, ids = '"articleId":1,"columnId":1') =>
  `{${ids},"note":${'['.repeat(depth)}${']'.repeat(depth)}}`

function hostileRequests(g: Awaited<ReturnType<typeof setUp>>): HostileRequest[] {
  const submit = { articleId: g.article.id, columnId: g.news.id }
  const post = (what: string, body: unknown, status: number, code: string, field?: string) => ({
    what,
    method: 'POST' as const,
    path: '/api/submissions',
    body,
    status,
    code,
    ...(field ? { field } : {}),
  })
  const order = (what: string, articleIds: unknown, field = 'articleIds') => ({
    what,
    method: 'PUT' as const,
    path: `/api/columns/${g.news.id}/order`,
    body: { articleIds },
    status: 422,
    code: 'VALIDATION_FAILED',
    field,
  })
  const topic = (what: string, fields: Record<string, unknown>, field: string) => ({
    what,
    method: 'POST' as const,
    path: '/api/topics',
    body: { siteId: g.city.id, starter: 'standard', name: '专题', slug: 'zt', ...fields },
    status: 422,
    code: 'VALIDATION_FAILED',
    field,
  })
  return [
    post('JSON cut off', '{"articleId":', 400, 'BAD_REQUEST'),
    post('an empty body', '', 400, 'BAD_REQUEST'),
    post('JSON null', 'null', 422, 'VALIDATION_FAILED'),
    post('a JSON array', '[1,2]', 422, 'VALIDATION_FAILED'),
    post('a prototype key', `{"__proto__":{"isAdmin":true},"articleId":${g.article.id}}`, 400, 'BAD_REQUEST'),
    post('a constructor key', '{"constructor":{"prototype":{"x":1}}}', 400, 'BAD_REQUEST'),
    post('7 MB of JSON', JSON.stringify({ ...submit, note: 'x'.repeat(7 * 1024 * 1024) }), 413, 'TOO_LARGE'),
    post('an array nested 100,000 deep', deep(100_000), 400, 'BAD_REQUEST'),
    post('an array nested 1,000 deep', deep(1_000), 422, 'VALIDATION_FAILED', 'note'),
    post(
      'a million ids where a number goes',
      { ...submit, articleId: new Array(1_000_000).fill(1) },
      422,
      'VALIDATION_FAILED',
      'articleId',
    ),
    post(
      'an id as text',
      { ...submit, articleId: String(g.article.id) },
      422,
      'VALIDATION_FAILED',
      'articleId',
    ),
    post('a fractional id', { ...submit, articleId: 1.5 }, 422, 'VALIDATION_FAILED', 'articleId'),
    post('a negative id', { ...submit, columnId: -1 }, 422, 'VALIDATION_FAILED', 'columnId'),
    post('an id past 32 bits', { ...submit, columnId: 2 ** 31 }, 422, 'VALIDATION_FAILED', 'columnId'),
    post(
      'an id of 1e308',
      `{"articleId":1e308,"columnId":${g.news.id}}`,
      422,
      'VALIDATION_FAILED',
      'articleId',
    ),
    post('an id as an object', { ...submit, articleId: { $gt: 0 } }, 422, 'VALIDATION_FAILED', 'articleId'),
    post('a note as a number', { ...submit, note: 42 }, 422, 'VALIDATION_FAILED', 'note'),
    post('a note of 501 characters', { ...submit, note: '报'.repeat(501) }, 422, 'VALIDATION_FAILED', 'note'),
    post('a note holding NUL', { ...submit, note: 'a\u0000b' }, 422, 'VALIDATION_FAILED', 'note'),
    post(
      'a note holding a lone surrogate',
      `{"articleId":${g.article.id},"columnId":${g.news.id},"note":"\\ud800"}`,
      422,
      'VALIDATION_FAILED',
      'note',
    ),
    post('a key the API does not know', { ...submit, status: 'adopted' }, 422, 'VALIDATION_FAILED', 'status'),
    {
      what: 'a body sent as text/plain',
      method: 'POST',
      path: '/api/submissions',
      body: JSON.stringify(submit),
      contentType: 'text/plain',
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      what: 'a charset no one knows',
      method: 'POST',
      path: '/api/submissions',
      body: JSON.stringify(submit),
      contentType: 'application/json; charset=x-unknown',
      status: 415,
      code: 'UNSUPPORTED_CHARSET',
    },
    ...['abc', '-1', '1.5', '99999999999', '1e400', '%00'].map((id) => ({
      what: `a submission id of ${id}`,
      method: 'POST' as const,
      path: `/api/submissions/${id}/adopt`,
      body: {},
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'id',
    })),
    {
      what: 'an adoption with an unknown option',
      method: 'POST',
      path: '/api/submissions/1/adopt',
      body: { publishNow: true },
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'publishNow',
    },
    {
      what: 'an inbox status no one knows',
      method: 'GET',
      path: '/api/sites/city/submissions/inbox?status=everything',
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'status',
    },
    {
      what: 'an inbox status given twice',
      method: 'GET',
      path: '/api/sites/city/submissions/inbox?status=pending&status=adopted',
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'status',
    },
    ...['abc', '1e9', '', '2026.5'].map((year) => ({
      what: `an adoption report for the year "${year}"`,
      method: 'GET' as const,
      path: `/api/sites/city/adoption-report?year=${year}`,
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'year',
    })),
    order(
      'an order of 10,000 ids',
      Array.from({ length: 10_000 }, (_, index) => index + 1),
    ),
    order('an order listing an article twice', [g.cityArticle.id, g.cityArticle.id]),
    order('an order of texts', ['1', '2'], 'articleIds.0'),
    order('an order of null', null),
    order('an order of an id past 32 bits', [2 ** 40], 'articleIds.0'),
    order('an order of articles that do not exist', [2_000_000_000, 2_000_000_001]),
    {
      what: 'sources listing 501 sites',
      method: 'PUT',
      path: `/api/columns/${g.news.id}/submission-sources`,
      body: { siteIds: Array.from({ length: 501 }, (_, index) => index + 1) },
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'siteIds',
    },
    topic('a 专题 name with a right-to-left override', { name: '专题\u202e知须众群' }, 'name'),
    topic('a 专题 name with a bidi isolate', { name: '\u2067专题' }, 'name'),
    topic('a 专题 name of zero-width spaces only', { name: '\u200b\u200c\u200d\ufeff' }, 'name'),
    topic('a 专题 name holding NUL', { name: '专\u0000题' }, 'name'),
    topic('a 专题 slug with a zero-width space', { slug: 'z\u200bt' }, 'slug'),
    topic('a 专题 under a parent given as text', { parentId: '1' }, 'parentId'),
    {
      what: 'a column name with a right-to-left override',
      method: 'POST',
      path: '/api/columns',
      body: { siteId: g.city.id, name: '\u202e闻要', slug: 'bidi' },
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'name',
    },
    {
      what: 'a unit renamed with a left-to-right embedding',
      method: 'PATCH',
      path: '/api/sites/county',
      body: { name: '县政府\u202a' },
      status: 422,
      code: 'VALIDATION_FAILED',
      field: 'name',
    },
    ...[
      ['9999-12-01', '9999-12-31'],
      ['0000-01-01', '0000-12-31'],
      ['2026-02-30', '2026-03-01'],
      ['2026-12-01', '2026-11-01'],
    ].map(([from, to]) => ({
      what: `statistics from ${from} to ${to}`,
      method: 'GET' as const,
      path: `/api/sites/${g.city.id}/statistics?from=${from}&to=${to}`,
      status: 422,
      code: 'VALIDATION_FAILED',
    })),
  ]
}

async function send(client: ApiClient, request: HostileRequest): Promise<ApiResponse> {
  const headers: Record<string, string> = request.contentType ? { 'content-type': request.contentType } : {}
  const body =
    typeof request.body === 'string'
      ? request.body
      : request.body === undefined
        ? undefined
        : JSON.stringify(request.body)
  if (body !== undefined) headers['content-type'] ??= 'application/json'
  return client.request(request.method, request.path, body, headers)
}

for (const engine of engines()) {
  describe(`${engine.name}: hostile input at the 信息报送, 排序, 专题 and statistics routes`, () => {
    const t = useAdminServer(engine, { requestsPerMinute: 100_000 })

    it('answers each with a clear 4xx in both languages, writes nothing, and a second client is answered meanwhile', {
      timeout: 180_000,
    }, async () => {
      const g = await setUp(t)
      const requests = hostileRequests(g)
      const before = await tableCounts(t)
      const polls: { status: number; ms: number }[] = []
      let isDone = false
      const bystander = await t.signedIn('cityeditor')
      const polling = (async () => {
        while (!isDone) {
          for (const path of ['/healthz', '/api/sites/city/submissions/inbox']) {
            const started = performance.now()
            const answer = await bystander.request('GET', path).catch(() => ({ status: 0 }))
            polls.push({ status: answer.status, ms: performance.now() - started })
          }
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      })()
      const answers = await Promise.all(
        requests.map(async (request) => ({ request, zh: await send(g.admin, request) })),
      ).finally(() => {
        isDone = true
      })
      await polling

      // Every answer that is not the one expected, so one run shows them all.
      const unexpected = answers
        .filter(
          ({ request, zh }) =>
            zh.status !== request.status ||
            zh.body?.error?.code !== request.code ||
            !CHINESE.test(zh.body?.error?.message ?? '') ||
            (request.field !== undefined && zh.body?.error?.field !== request.field),
        )
        .map(({ request, zh }) => `${request.what}: ${zh.status} ${JSON.stringify(zh.body)?.slice(0, 200)}`)
      expect(unexpected).toEqual([])
      expect(await tableCounts(t)).toEqual(before)
      expect(polls.length).toBeGreaterThan(0)
      expect(polls.filter((poll) => poll.status !== 200 || poll.ms >= PATIENCE_MS)).toEqual([])
    })

    it('answers in English when asked, for the Chinese ones above', async () => {
      const g = await setUp(t)
      const unexpected: string[] = []
      for (const request of hostileRequests(g).filter((each) => each.code === 'VALIDATION_FAILED')) {
        const body =
          typeof request.body === 'string' || request.body === undefined
            ? request.body
            : JSON.stringify(request.body)
        const answer = await g.admin.request(request.method, request.path, body, {
          'accept-language': 'en',
          ...(body === undefined ? {} : { 'content-type': request.contentType ?? 'application/json' }),
        })
        if (answer.status !== 422 || CHINESE.test(answer.body?.error?.message ?? '中'))
          unexpected.push(`${request.what}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`)
      }
      expect(unexpected).toEqual([])
    }, 120_000)

    it('refuses a signed-out client before reading its body, however large or broken', async () => {
      const g = await setUp(t)
      const anonymous = t.client()
      const bodies = [
        JSON.stringify({ articleId: new Array(1_400_000).fill(1), columnId: 1 }),
        JSON.stringify({ articleId: g.article.id, columnId: g.news.id }),
        deep(100_000),
        '{"articleId":',
        JSON.stringify({ note: 'x'.repeat(7 * 1024 * 1024) }),
      ]
      const answers = await Promise.all(
        bodies.flatMap((body) => [
          anonymous.request('POST', '/api/submissions', body),
          anonymous.request('PUT', `/api/columns/${g.news.id}/order`, body),
          anonymous.request('POST', '/api/topics', body),
        ]),
      )
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)?.slice(0, 200)).toBe(401)
        expect(answer.body.error.code).toBe('UNAUTHENTICATED')
      }
    })

    it('takes one of many submissions of the same article sent at once, and refuses the rest as repeated', async () => {
      const g = await setUp(t)
      const answers = await Promise.all(
        Array.from({ length: 24 }, () =>
          g.countyEditor.post('/api/submissions', { articleId: g.article.id, columnId: g.news.id }),
        ),
      )
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...new Array(23).fill(409)])
      for (const answer of answers.filter((each) => each.status === 409))
        expect(answer.body.error.code).toBe('SUBMISSION_REPEATED')
      const rows = await t.store.db.selectFrom('submissions').select('id').execute()
      expect(rows).toHaveLength(1)
    })
  })
}
