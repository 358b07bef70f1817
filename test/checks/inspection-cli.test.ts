import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cheerio from 'cheerio'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWordingGate, createWordLists, type InspectionReport } from '../../src/checks/index.ts'
import { createContent, operatorAccess, systemActor } from '../../src/content/index.ts'
import { openStore } from '../../src/store/index.ts'
import { engines, freshPostgresUrl } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'

const operator = systemActor('cli:test')
const DAY = 86_400_000

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, `days` before now. */
function daysAgo(days: number): string {
  const shanghai = new Date(Date.now() - days * DAY + 8 * 3_600_000)
  return shanghai.toISOString().slice(0, 16).replace('T', ' ')
}

for (const engine of engines()) {
  describe(`${engine.name}: fabu check, the inspection self-check`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv

    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-check-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      expect((await fabu('init')).code).toBe(0)
    })
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true })
    })

    const fabu = (...args: string[]) => runFabu(folder, env, ...args)

    async function withStore<T>(
      work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
    ): Promise<T> {
      const store = await openStore({
        databaseUrl: env.DATABASE_URL || undefined,
        sqlitePath: join(folder, 'fabu.db'),
      })
      try {
        return await work(store)
      } finally {
        await store.close()
      }
    }

    it('fails a neglected site on each single-veto item, with the evidence', async () => {
      await withStore(async (store) => {
        const content = createContent(store)
        const site = await content.sites.create(operator, {
          slug: 'gov',
          name: '某某区人民政府',
          baseUrl: 'https://www.example.gov.cn',
          siteIdCode: '3100000099',
          icp: '沪ICP备12345678号',
          policeRecord: '沪公网安备 31000000000001号',
          sponsor: '某某区人民政府办公室',
          contact: '电话：021-00000000',
        })
        const column = (name: string, slug: string, updateType: 'news' | 'other') =>
          content.columns.create(operator, { siteId: site.id, name, slug, updateType })
        for (let i = 1; i <= 6; i++) {
          const news = await column(`动态${i}`, `dt${i}`, 'news')
          const article = await content.articles.create(operator, {
            columnId: news.id,
            title: `旧动态${i}`,
            publishAt: daysAgo(40 + i),
          })
          await content.articles.publish(operator, article.id)
        }
        for (let i = 1; i <= 5; i++) await column(`空栏目${i}`, `empty${i}`, 'other')
      })
      // The site goes live; what is entered after this is written in fabu.
      expect((await fabu('publish', '--site', 'gov')).code).toBe(0)
      await withStore(async (store) => {
        const content = createContent(store)
        const gate = createWordingGate()
        const [dt1] = (await content.columns.tree('gov')).all()
        const backdated = await content.articles.create(operator, {
          columnId: dt1?.id as number,
          title: '补录的旧通知',
          publishAt: '2020-05-01 09:00',
          bodyHtml: '<p>详见<a href="/no-such-page.html">附件页面</a>。</p>',
        })
        await content.articles.publish(operator, backdated.id)
        const wrongName = await content.articles.create(operator, {
          columnId: dt1?.id as number,
          title: '区长王小明调研',
          publishAt: daysAgo(30),
        })
        await content.articles.publish(operator, wrongName.id)
        // The leader's name is protected: 王晓明. The article has it one character off, same sound.
        await createWordLists(store, content, gate).add({ actor: operator, access: operatorAccess }, 'gov', {
          word: '王晓明',
          kind: 'protected',
          level: 'block',
        })
      })
      expect((await fabu('publish', '--site', 'gov')).code).toBe(0)

      const checked = await fabu('check', '--site', 'gov', '--json')
      expect(checked.code, checked.stderr).toBe(2)
      const report = JSON.parse(checked.stdout) as InspectionReport
      const item = (rule: string) => report.items.find((entry) => entry.rule === rule)
      expect(item('home-updated')).toMatchObject({ status: 'fail', isSingleVeto: true })
      expect(item('home-updated')?.evidence[0]).toContain('区长王小明调研')
      expect(item('stale-columns')?.status).toBe('fail')
      expect(item('stale-columns')?.evidence).toHaveLength(6)
      expect(item('blank-columns')?.status).toBe('fail')
      expect(item('blank-columns')?.evidence).toEqual([1, 2, 3, 4, 5].map((i) => `空栏目${i} (/empty${i}/)`))
      expect(item('backdated-articles')?.status).toBe('fail')
      expect(item('backdated-articles')?.evidence.join('\n')).toContain('补录的旧通知')
      expect(item('published-wording')?.status).toBe('fail')
      expect(item('published-wording')?.evidence).toEqual([expect.stringContaining('「王小明」 → 王晓明')])
      expect(item('broken-links')?.status).toBe('fail')
      expect(item('broken-links')?.evidence).toContainEqual(expect.stringContaining('→ /no-such-page.html'))
      expect(item('required-elements')?.status).toBe('pass')
      expect(report.failed).toBe(5)
      const html = join(folder, 'report.html')
      const text = await fabu('check', '--site', 'gov', '--html', html)
      expect(text.stdout).toContain('单项否决不通过 5 项')
      const page = cheerio.load(await readFile(html, 'utf8'))
      expect(page('tbody tr.fail')).toHaveLength(6)
      expect(page('tbody').text()).toContain('「王小明」 → 王晓明')
    }, 180_000)

    it('passes the demo site as it ships, on the day it is created', async () => {
      // `fabu demo` dates its newest article yesterday: a fresh demo is current whatever the day.
      expect((await fabu('demo')).code).toBe(0)
      expect((await fabu('publish')).code).toBe(0)
      const checked = await fabu('check', '--json')
      const report = JSON.parse(checked.stdout) as InspectionReport
      expect(
        report.items.filter((item) => item.status === 'fail').map((item) => [item.rule, item.evidence]),
      ).toEqual([])
      expect(report.failed).toBe(0)
      expect(checked.code).toBe(0)
      // The demo's columns carry their types: its news column is judged by two weeks.
      expect(report.items.find((item) => item.rule === 'stale-columns')?.evidence.join('\n')).toContain(
        '院内要闻',
      )
    }, 180_000)
  })
}
