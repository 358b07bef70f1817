import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, freshPostgresUrl } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'
import { type ServeProcess, startServe } from '../support/serve-process.ts'
import { type FixtureServer, serveFixture } from './support/fixture-server.ts'
import { JCMS_ARTICLES, jcmsSite } from './support/jcms-site.ts'

for (const engine of engines()) {
  describe(`${engine.name}: fabu import`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv
    let old: FixtureServer
    let imported: { code: number; stdout: string; stderr: string }

    const fabu = (...args: string[]) => runFabu(folder, env, ...args)

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-import-cli-'))
      env = { ...process.env, DATABASE_URL: engine.name === 'postgres' ? await freshPostgresUrl() : '' }
      old = await serveFixture(await jcmsSite())
      await fabu('init')
      const created = await fabu(
        'site',
        'create',
        '--slug',
        'old',
        '--name',
        '某某市人民政府',
        '--base-url',
        'https://www.example.gov.cn/',
      )
      expect(created.code, created.stderr).toBe(0)
      imported = await fabu('import', `${old.origin}/`, '--site', 'old', '--json')
    }, 120_000)
    afterAll(async () => {
      await old.close()
      await rm(folder, { recursive: true, force: true })
    })

    it('lists what would come in on --dry-run, before anything came in', async () => {
      const other = await fabu(
        'site',
        'create',
        '--slug',
        'dry',
        '--name',
        '试运行',
        '--base-url',
        'https://dry.example.gov.cn/',
      )
      expect(other.code, other.stderr).toBe(0)
      const dry = await fabu('import', `${old.origin}/`, '--site', 'dry', '--dry-run', '--json')
      expect(JSON.parse(dry.stdout).counts['would import']).toBe(JCMS_ARTICLES + 1)
      const listed = await fabu('article', 'list', '--site', 'dry', '--json')
      expect(JSON.parse(listed.stdout)).toEqual([])
    })

    it('reports every page with its outcome as JSON and CSV, and fails the exit code for a failed page', async () => {
      expect(imported.code, imported.stderr).toBe(2)
      const report = JSON.parse(imported.stdout)
      expect(report.counts).toMatchObject({ imported: JCMS_ARTICLES + 1, failed: 1 })
      const csv = await readFile(report.csv, 'utf8')
      expect(csv.split('\r\n')[0]).toBe('\uFEFFurl,kind,outcome,title,article_id,reason')
      expect(csv).toContain('art_102_99.html,page,failed')
      expect(csv.split('\r\n').filter((line) => line.includes(',article,imported,'))).toHaveLength(
        JCMS_ARTICLES + 1,
      )
      const listed = await fabu('audit', 'list', '--action', 'import.run', '--json')
      const runs = JSON.parse(listed.stdout) as { actor: string; detail: Record<string, unknown> }[]
      expect(runs[0]?.detail).toMatchObject({ imported: JCMS_ARTICLES + 1, failed: 1, isComplete: true })
    })

    it('leaves redirect pages and an nginx map at the old URLs, and links between articles at the new ones', async () => {
      const site = join(folder, 'sites', 'old')
      const redirect = await readFile(join(site, 'art/2017/12/11/art_102_1.html'), 'utf8')
      const target = /<link rel="canonical" href="([^"]+)"/.exec(redirect)?.[1] ?? ''
      expect(target).toMatch(/^\/[a-z0-9]+\/[a-z0-9]+\/2017\/12\/11\/\d+\.html$/)
      const page = await readFile(join(site, target), 'utf8')
      expect(page).toContain('文明新风第1期')
      const second = /<link rel="canonical" href="([^"]+)"/.exec(
        await readFile(join(site, 'art/2017/12/12/art_102_2.html'), 'utf8'),
      )?.[1]
      expect(page).toContain(`href="${second}"`)
      expect(page).not.toContain('art_102_2.html')
      const map = await readFile(join(site, 'fabu-old-urls.map'), 'utf8')
      expect(map).toContain(`"/art/2017/12/11/art_102_1.html" "${target}";`)
      expect(map).toContain('"/col/col102/index.html" "/jcdj/jswm/index.html";')
      expect(existsSync(join(site, 'col/col102/index.html'))).toBe(true)
    })

    describe('fabu serve', () => {
      let server: ServeProcess
      beforeAll(async () => {
        server = await startServe(folder, env, 'old')
      }, 60_000)
      afterAll(async () => {
        await server?.stop()
      })

      it('answers an old article or column URL with a 301 to its new one', async () => {
        const moved = await fetch(new URL('art/2017/12/11/art_102_1.html', server.publicUrl), {
          redirect: 'manual',
        })
        expect(moved.status).toBe(301)
        const location = moved.headers.get('location') ?? ''
        const page = await fetch(new URL(location, server.publicUrl))
        expect(page.status).toBe(200)
        expect(await page.text()).toContain('文明新风第1期')
        const column = await fetch(new URL('col/col102/index.html', server.publicUrl), { redirect: 'manual' })
        expect(column.status).toBe(301)
        expect(column.headers.get('location')).toBe('/jcdj/jswm/index.html')
      })
    })
  })
}
