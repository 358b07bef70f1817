import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, freshPostgresUrl } from '../support/engines.ts'
import { type FarSide, startFarSide } from '../support/far-side.ts'
import { runFabu } from '../support/run-fabu.ts'

for (const engine of engines()) {
  describe(`${engine.name}: fabu target, publishing from the intranet to a public web server`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv
    let far: FarSide
    const fabu = (...args: string[]) => runFabu(join(folder, 'data'), env, ...args)
    const files = async (root: string) =>
      (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
        .filter((path) => !path.startsWith('.fabu-tmp/'))
        .sort()

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-target-cli-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      expect((await fabu('demo')).code).toBe(0)
      expect((await fabu('publish')).code).toBe(0)
      // The public side: a real rsync daemon receiving, a real nginx serving what it received.
      far = await startFarSide(join(folder, 'far'))
      await far.startRsync()
    })
    afterAll(async () => {
      await far?.stop()
      await rm(folder, { recursive: true, force: true })
    })

    it('refuses a target whose settings are wrong, naming the setting', async () => {
      const refused = await fabu(
        'target',
        'add',
        'bad',
        '--kind',
        'rsync',
        '--settings',
        '{"destination":"ftp://x"}',
      )
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('VALIDATION_FAILED')
      expect(refused.stderr).toContain('settings.destination')
      const secret = await fabu(
        'target',
        'add',
        'bad',
        '--kind',
        's3',
        '--settings',
        '{"bucket":"b","accessKeyId":"AK"}',
      )
      expect(secret.code).toBe(1)
      expect(secret.stderr).toContain('settings')
    })

    it('syncs the site to the web server, reports a stopped daemon as failed, and catches up once it is back', async () => {
      const settings = JSON.stringify({ destination: far.rsyncUrl })
      const added = await fabu('target', 'add', 'web1', '--kind', 'rsync', '--settings', settings)
      expect(added.code, added.stderr).toBe(0)
      const listed = JSON.parse((await fabu('target', 'list', '--json')).stdout)
      expect(listed).toMatchObject([
        { name: 'web1', kind: 'rsync', destination: far.rsyncUrl, needsFullSync: true },
      ])

      const synced = await fabu('target', 'sync')
      expect(synced.code, synced.stderr).toBe(0)
      expect(synced.stdout).toMatch(/web1 \(rsync\) 全量同步 \/ full sync: 发送 sent [1-9]\d*/)
      const local = join(folder, 'data', 'sites', 'simt')
      expect(await files(far.root)).toEqual(await files(local))
      const home = Buffer.from(await (await fetch(new URL('index.html', far.webUrl))).arrayBuffer())
      expect(home.equals(await readFile(join(local, 'index.html')))).toBe(true)

      // The link to the public side goes down; an editor withdraws an article meanwhile.
      await far.stopRsync()
      const articles = JSON.parse((await fabu('article', 'list', '--json')).stdout) as {
        id: number
        urlPath: string | null
      }[]
      const withdrawn = articles.find((article) => article.urlPath)
      if (!withdrawn?.urlPath) throw new Error('the demo site has no published article')
      expect((await fabu('article', 'withdraw', String(withdrawn.id), '--reason', '信息有误')).code).toBe(0)
      const published = await fabu('publish')
      expect(published.code).toBe(2)
      expect(published.stdout).toMatch(
        /✗ 目标 web1 \(rsync\) 投递失败 \/ delivery failed after 3 tries, runs \d+: rsync exited/,
      )
      const status = await fabu('target', 'status')
      expect(status.code).toBe(2)
      expect(status.stdout).toContain('失败 failed')
      const syncDown = await fabu('target', 'sync', '--target', 'web1')
      expect(syncDown.code).toBe(2)
      expect(syncDown.stdout).toContain('✗ 目标 web1')
      // Still served as it was: nothing half-applied.
      expect((await fetch(new URL(withdrawn.urlPath, far.webUrl))).status).toBe(200)

      await far.startRsync()
      const caughtUp = await fabu('target', 'sync', '--target', 'web1')
      expect(caughtUp.code, caughtUp.stdout).toBe(0)
      expect((await fetch(new URL(withdrawn.urlPath, far.webUrl))).status).toBe(404)
      expect(await files(far.root)).toEqual(await files(local))
      const healthy = await fabu('target', 'status', '--json')
      expect(healthy.code).toBe(0)
      expect(JSON.parse(healthy.stdout)).toMatchObject([
        { name: 'web1', undeliveredRuns: 0, lastError: null },
      ])

      expect((await fabu('target', 'remove', 'web1')).code).toBe(0)
      const gone = await fabu('target', 'remove', 'web1')
      expect(gone.code).toBe(1)
      expect(gone.stderr).toContain('NOT_FOUND')
      // A dozen CLI starts and three tries at a stopped daemon: slower than the default timeout.
    }, 180_000)
  })
}
