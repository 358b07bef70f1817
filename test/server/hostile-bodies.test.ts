import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, type ApiResponse } from '../support/admin-server.ts'
import { stopProcess } from '../support/serve-process.ts'

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname

/** How long another visitor may wait for an answer while an editor's body is being cleaned. */
const PATIENCE_MS = 1_000
const POLL_EVERY_MS = 100

interface Poll {
  readonly url: string
  readonly status: number
  readonly ms: number
}

// Bodies that once stopped the server: the sanitizer, on the thread that answers requests,
// took time in the square of the siblings (60,000 paragraphs: 33 s of no /healthz and no
// public pages; 200,000: over 300 s) and of the nesting depth.
describe('an editor saving a hostile body, against a running fabu', () => {
  let data: string
  let server: ChildProcess
  let publicUrl: string
  let adminUrl: string
  let passwords: Record<string, string>
  let editor: ApiClient
  let columnId: number

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'fabu-hostile-'))
    server = spawn(
      process.execPath,
      [main, 'start', '--port', '0', '--admin-port', '0', '--no-logs', '--data', data],
      { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const output = await new Promise<string>((resolve, reject) => {
      let printed = ''
      server.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString()
        if (printed.includes('Ctrl+C')) resolve(printed)
      })
      server.on('exit', (code) => reject(new Error(`fabu start exited (${code}): ${printed}`)))
    })
    publicUrl = /serving .* at (http:\/\/\S+\/)/.exec(output)?.[1] ?? ''
    adminUrl = /admin at (http:\/\/\S+\/)admin\//.exec(output)?.[1] ?? ''
    passwords = Object.fromEntries(
      [...output.matchAll(/^ {2}(admin|editor) +\S+ {2}(\S+)$/gm)].map((match) => [match[1], match[2]]),
    )
    editor = await signedIn('editor')
    const tree = await editor.get('/api/sites/simt/columns')
    columnId = listColumnIn(tree.body)
  }, 180_000)

  afterAll(async () => {
    await stopProcess(server)
    await rm(data, { recursive: true, force: true })
  })

  async function signedIn(userName: string): Promise<ApiClient> {
    const client = new ApiClient(adminUrl.replace(/\/$/, ''))
    const session = await client.signIn(userName, passwords[userName])
    expect(session.status, JSON.stringify(session.body)).toBe(201)
    return client
  }

  /**
   * Runs `work` while a second client asks the admin port's /healthz and the public site's home
   * page every 100 ms, each with a second's patience; returns the work's answer and the polls.
   */
  async function whilePolling(work: () => Promise<ApiResponse>) {
    const urls = [`${adminUrl}healthz`, `${publicUrl}index.html`]
    const polls: Poll[] = []
    let isDone = false
    const answer = work().finally(() => {
      isDone = true
    })
    const polling = (async () => {
      do {
        await Promise.all(urls.map(async (url) => polls.push(await poll(url))))
        await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
      } while (!isDone)
    })()
    const response = await answer
    await polling
    return { response, polls }
  }

  async function poll(url: string): Promise<Poll> {
    const started = performance.now()
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(PATIENCE_MS) })
      await response.arrayBuffer()
      return { url, status: response.status, ms: performance.now() - started }
    } catch {
      return { url, status: 0, ms: performance.now() - started }
    }
  }

  function expectAnsweredPromptly(polls: readonly Poll[]) {
    for (const url of [`${adminUrl}healthz`, `${publicUrl}index.html`]) {
      expect(polls.filter((each) => each.url === url).length).toBeGreaterThan(0)
    }
    const late = polls.filter((each) => each.status !== 200 || each.ms >= PATIENCE_MS)
    expect(late).toEqual([])
  }

  async function expectStillUp() {
    expect(server.exitCode).toBeNull()
    expect((await poll(`${adminUrl}healthz`)).status).toBe(200)
  }

  it('saves 60,000 sibling paragraphs as sent, while both ports keep answering', async () => {
    const body = '<p>x</p>'.repeat(60_000)
    const { response, polls } = await whilePolling(() =>
      editor.post('/api/articles', { columnId, title: '六万个段落', bodyHtml: body }),
    )
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(201)
    expectAnsweredPromptly(polls)
    const stored = await editor.get(`/api/articles/${response.body.id}`)
    expect(stored.body.bodyHtml).toBe(body)
    await expectStillUp()
  }, 120_000)

  it('compares two revisions of 60,000 paragraphs, naming the changed one, while both ports keep answering', async () => {
    const paragraphs = (middle: string) =>
      `${'<p>x</p>'.repeat(30_000)}<p>${middle}</p>${'<p>x</p>'.repeat(29_999)}`
    const created = await editor.post('/api/articles', {
      columnId,
      title: '六万个段落的修订',
      bodyHtml: paragraphs('第三万段原来的文字'),
    })
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(201)
    const updated = await editor.patch(`/api/articles/${created.body.id}`, {
      baseRevision: 1,
      bodyHtml: paragraphs('第三万段改写后的文字'),
    })
    expect(updated.status, JSON.stringify(updated.body).slice(0, 300)).toBe(200)
    const { response, polls } = await whilePolling(() =>
      editor.get(`/api/articles/${created.body.id}/diff?from=1&to=2`),
    )
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200)
    expect(response.body.fields.map((field: { field: string }) => field.field)).toEqual(['bodyHtml'])
    const parts: { kind: string; text: string }[] = response.body.body
    expect(parts.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: '原来' },
      { kind: 'added', text: '改写后' },
    ])
    const unchanged = parts.filter((part) => part.kind === 'same').map((part) => part.text)
    expect(unchanged.join('')).toContain('x\n第三万段')
    expectAnsweredPromptly(polls)
    await expectStillUp()
  }, 120_000)

  it('refuses 200,000 sibling paragraphs with a clear error in both languages, while both ports keep answering', async () => {
    const body = '<p>x</p>'.repeat(200_000)
    const { response, polls } = await whilePolling(() =>
      editor.post('/api/articles', { columnId, title: '二十万个段落', bodyHtml: body }),
    )
    expect(response.status).toBe(422)
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'bodyHtml' })
    expect(response.body.error.message).toContain('正文元素过多（超过 100000 个）')
    expectAnsweredPromptly(polls)
    const english = await editor.request(
      'POST',
      '/api/articles',
      { columnId, title: '二十万个段落', bodyHtml: body },
      { 'accept-language': 'en' },
    )
    expect(english.body.error.message).toBe(
      'bodyHtml: the body has more than 100000 elements; split it up or check the pasted content',
    )
    await expectStillUp()
  }, 120_000)

  it('refuses a column page of 200,000 siblings, naming its field', async () => {
    const admin = await signedIn('admin')
    const { response, polls } = await whilePolling(() =>
      admin.patch(`/api/columns/${columnId}`, { pageBodyHtml: '<p>x</p>'.repeat(200_000) }),
    )
    expect(response.status).toBe(422)
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'pageBodyHtml' })
    expectAnsweredPromptly(polls)
    await expectStillUp()
  }, 120_000)

  it('keeps the text of a body nested 4,000 deep, while both ports keep answering', async () => {
    const body = `${'<div>'.repeat(4_000)}底层文字${'</div>'.repeat(4_000)}`
    const { response, polls } = await whilePolling(() =>
      editor.post('/api/articles', { columnId, title: '四千层嵌套', bodyHtml: body }),
    )
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(201)
    expect(response.body.bodyHtml).toContain('底层文字')
    expect(response.body.bodyHtml.match(/<div>/g)).toHaveLength(512)
    expectAnsweredPromptly(polls)
    await expectStillUp()
  }, 120_000)

  it('refuses a body nested 60,000 deep, while both ports keep answering', async () => {
    const body = `${'<div>'.repeat(60_000)}x${'</div>'.repeat(60_000)}`
    const { response, polls } = await whilePolling(() =>
      editor.post('/api/articles', { columnId, title: '六万层嵌套', bodyHtml: body }),
    )
    expect(response.status).toBe(422)
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'bodyHtml' })
    expect(response.body.error.message).toContain('正文标签嵌套过深')
    expectAnsweredPromptly(polls)
    await expectStillUp()
  }, 120_000)
})

/** The id of the first column of the tree that lists articles. */
function listColumnIn(tree: unknown): number {
  const pending: unknown[] = [tree]
  while (pending.length > 0) {
    const next = pending.pop()
    if (Array.isArray(next)) pending.push(...next)
    else if (next && typeof next === 'object') {
      const node = next as { kind?: string; id?: number }
      if (node.kind === 'list' && typeof node.id === 'number') return node.id
      pending.push(...Object.values(next))
    }
  }
  throw new Error(`no list column in ${JSON.stringify(tree).slice(0, 200)}`)
}
