import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createContent, createWorkspace, operatorAccess, systemActor } from '../src/content/index.ts'
import { createSiteTemplates } from '../src/publish/index.ts'
import { openStore } from '../src/store/index.ts'
import { engines, freshPostgresUrl } from './support/engines.ts'

const run = promisify(execFile)
const main = new URL('../src/cli/main.ts', import.meta.url).pathname

interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

for (const engine of engines()) {
  describe(`${engine.name}: the fabu command`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv
    let demo: CliResult

    // One demo site serves the whole suite: each CLI start costs about a second.
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-cli-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      demo = await fabu('demo', '--json')
    })
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true })
    })

    async function fabu(...args: string[]): Promise<CliResult> {
      return fabuIn(folder, env, ...args)
    }

    it('creates the demo site, after which the article list shows the seed article', async () => {
      expect(demo.code).toBe(0)
      expect(JSON.parse(demo.stdout).articles.created).toBeGreaterThanOrEqual(41)
      const listed = await fabu('article', 'list', '--json')
      expect(listed.code).toBe(0)
      const articles = JSON.parse(listed.stdout) as { title: string; subtitle: string; publishTime: string }[]
      expect(articles.length).toBeGreaterThanOrEqual(41)
      expect(articles).toContainEqual(
        expect.objectContaining({
          title: '扛起文明大旗走在前 勇担社会责任谱新篇',
          subtitle: '市计测院蝉联全国文明单位荣誉称号',
          publishTime: '2017-12-14 16:44',
        }),
      )
    })

    it('creates the first administrator with a one-time password that must be changed', async () => {
      const added = await fabu('user', 'add', 'chief', '--admin', '--name', '王主任', '--json')
      expect(added.code, added.stderr).toBe(0)
      const user = JSON.parse(added.stdout)
      expect(user).toMatchObject({ userName: 'chief', displayName: '王主任', mustChangePassword: true })
      expect(user.grants).toMatchObject([{ role: 'admin', siteId: null }])
      expect(user.password).toMatch(/^\S{16,}$/)
      const again = await fabu('user', 'add', 'chief')
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('ALREADY_EXISTS')
      const listed = JSON.parse((await fabu('user', 'list', '--json')).stdout)
      expect(JSON.stringify(listed)).not.toContain(user.password)
      const reset = await fabu('user', 'reset-password', 'chief')
      expect(reset.code, reset.stderr).toBe(0)
      expect(reset.stdout).not.toContain(user.password)
    })

    it('runs the demo twice without duplicating anything', async () => {
      const again = await fabu('demo', '--json')
      const summary = JSON.parse(again.stdout)
      expect(summary.articles.created).toBe(0)
      expect(summary.columns.created).toBe(0)
    })

    it('refuses bad input with a one-line error and a non-zero exit', async () => {
      const noTitle = await fabu('article', 'create', '--column', 'jcdj/jswm')
      expect(noTitle.code).toBe(1)
      expect(noTitle.stderr.trim().split('\n')).toHaveLength(1)
      expect(noTitle.stderr).toMatch(
        /^fabu: VALIDATION_FAILED: 标题：标题不能为空 \/ title: the title is required/,
      )
      const missing = await fabu('article', 'show', '99999')
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain('NOT_FOUND')
      const badNumber = await fabu('article', 'list', '--limit', 'many')
      expect(badNumber.code).not.toBe(0)
    })

    it('creates, updates and refuses a stale update of an article', async () => {
      const created = JSON.parse(
        (await fabu('article', 'create', '--column', 'tzgg', '--title', '测试通知', '--json')).stdout,
      )
      const updated = await fabu(
        'article',
        'update',
        String(created.id),
        '--base-revision',
        '1',
        '--title',
        '改过的通知',
      )
      expect(updated.code).toBe(0)
      const stale = await fabu(
        'article',
        'update',
        String(created.id),
        '--base-revision',
        '1',
        '--title',
        '另一个改动',
      )
      expect(stale.code).toBe(1)
      expect(stale.stderr).toContain('VERSION_CONFLICT')
      const shown = JSON.parse((await fabu('article', 'show', String(created.id), '--json')).stdout)
      expect(shown.title).toBe('改过的通知')
    })

    it('pins an article until a time and strips a typed dash from its subtitle', async () => {
      const created = await fabu(
        'article',
        'create',
        '--column',
        'tzgg',
        '--title',
        '置顶的通知',
        '--subtitle',
        '——副题',
        '--weight',
        '2',
        '--pinned-until',
        '2030-06-30 18:00',
        '--json',
      )
      expect(created.code, created.stderr).toBe(0)
      expect(JSON.parse(created.stdout)).toMatchObject({
        subtitle: '副题',
        weight: 2,
        pinnedUntil: '2030-06-30T10:00:00.000Z',
      })
      const id = String(JSON.parse(created.stdout).id)
      await fabu('article', 'update', id, '--base-revision', '1', '--pinned-until', 'none')
      const shown = JSON.parse((await fabu('article', 'show', id, '--json')).stdout)
      expect(shown).toMatchObject({ weight: 2, pinnedUntil: null })
    })

    it('shows the column tree and verifies the audit log', async () => {
      const tree = await fabu('column', 'list')
      expect(tree.stdout).toContain('精神文明')
      expect(tree.stdout).toContain('/jcdj/jswm/')
      const verified = await fabu('audit', 'verify', '--json')
      expect(verified.code).toBe(0)
      expect(JSON.parse(verified.stdout).isIntact).toBe(true)
    })

    it('lists the templates a site stored and resets one to the theme’s file, recorded and audited', async () => {
      // A template saved in the admin, as a site administrator would.
      const openData = () =>
        openStore({ databaseUrl: env.DATABASE_URL || undefined, sqlitePath: join(folder, 'fabu.db') })
      const store = await openData()
      try {
        const content = createContent(store)
        const admin = createWorkspace(content, store, {
          actor: systemActor('zhanzhang'),
          access: operatorAccess,
        })
        await createSiteTemplates(store).save(admin, 'simt', 'article.liquid', '<p>{{ article.title }}</p>')
      } finally {
        await store.close()
      }
      const listed = await fabu('template', 'list', '--site', 'simt', '--json')
      expect(listed.code, listed.stderr).toBe(0)
      expect(JSON.parse(listed.stdout)).toEqual([
        { name: 'article.liquid', updatedAt: expect.any(String), updatedBy: 'zhanzhang' },
      ])
      expect((await fabu('template', 'list', '--site', 'simt')).stdout).toContain('article.liquid')

      const reset = await fabu('template', 'reset', 'article.liquid', '--site', 'simt')
      expect(reset.code, reset.stderr).toBe(0)
      expect(reset.stdout).toContain('reset to the theme’s file')
      expect(JSON.parse((await fabu('template', 'list', '--site', 'simt', '--json')).stdout)).toEqual([])
      const audit = JSON.parse((await fabu('audit', 'list', '--action', 'template.revert', '--json')).stdout)
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ targetType: 'template', outcome: 'success' })
      // The pages rendered with it are republished: the reset is in the publisher's change log.
      const reopened = await openData()
      try {
        const changes = await reopened.db
          .selectFrom('changes')
          .select('action')
          .where('entity', '=', 'template')
          .where('done_at', 'is', null)
          .execute()
        expect(changes).toEqual([{ action: 'article.liquid' }, { action: 'article.liquid' }])
      } finally {
        await reopened.close()
      }

      expect((await fabu('template', 'reset', 'article.liquid', '--site', 'simt')).stdout).toContain(
        'already the theme’s file',
      )
      const unknown = await fabu('template', 'reset', 'evil.liquid', '--site', 'simt')
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain('NOT_FOUND')
    }, 120_000)

    it('prints help worth reading', async () => {
      const help = await fabu('--help')
      expect(help.stdout).toContain('fabu demo')
      expect(help.stdout).toContain('--data')
      const articleHelp = await fabu('article', 'update', '--help')
      expect(articleHelp.stdout).toContain('--base-revision')
    })
  })
}

describe('fabu init and the config file', () => {
  let folder: string
  const env = { ...process.env, DATABASE_URL: '' }
  const fabu = (...args: string[]) => fabuIn(folder, env, ...args)
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fabu-init-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('initialises a data folder with a commented config file and keeps an existing one', async () => {
    const first = await fabu('init')
    expect(first.code).toBe(0)
    const config = await readFile(join(folder, 'fabu.toml'), 'utf8')
    expect(config).toContain('# database_url')
    expect(config).toContain('recycle_bin_days = 30')
    const second = await fabu('init')
    expect(second.stdout).toContain('config kept')
  })

  it('names the key of a bad config setting', async () => {
    await fabu('init')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(folder, 'fabu.toml'), '[content]\nrecycle_bin_days = "forever"\n')
    const result = await fabu('site', 'list')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('CONFIG_INVALID')
    expect(result.stderr).toContain('content.recycle_bin_days')
  })
})

async function fabuIn(folder: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args, '--data', folder], { env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}
