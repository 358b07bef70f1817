import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, freshPostgresUrl } from '../support/engines.ts'
import { runFabu } from '../support/run-fabu.ts'

for (const engine of engines()) {
  describe(`${engine.name}: fabu words and publishing from the terminal`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-words-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      expect((await fabu('demo', '--json')).code).toBe(0)
    })
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true })
    })

    const fabu = (...args: string[]) => runFabu(folder, env, ...args)

    it('ships the demo site with the starter lists and the institution’s names protected', async () => {
      const listed = JSON.parse((await fabu('words', 'list', '--json')).stdout) as {
        word: string
        kind: string
      }[]
      expect(listed).toContainEqual(expect.objectContaining({ word: '台湾国', kind: 'political' }))
      expect(listed).toContainEqual(expect.objectContaining({ word: '国家级', kind: 'advertising' }))
      expect(listed).toContainEqual(expect.objectContaining({ word: '市计测院', kind: 'protected' }))
    })

    it('refuses to publish an article with a 禁用 word, and publishes it with an override reason that the audit keeps', async () => {
      const created = await fabu(
        'article',
        'create',
        '--column',
        'jcdj/jswm',
        '--title',
        '台湾国代表团来访',
        '--json',
      )
      expect(created.code, created.stderr).toBe(0)
      const id = String(JSON.parse(created.stdout).id)
      const refused = await fabu('article', 'publish', id)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('WORDING_BLOCKED')
      expect(refused.stderr).toContain('「台湾国」(title) 应为 台湾地区')
      expect(refused.stderr).toContain('forbidden word')
      const published = await fabu('article', 'publish', id, '--override-reason', '引用原文', '--json')
      expect(published.code, published.stderr).toBe(0)
      expect(JSON.parse(published.stdout).status).toBe('published')
      const audit = await fabu('audit', 'list', '--json', '--action', 'article.publish')
      expect(audit.stdout).toContain('引用原文')
    })

    it('adds, exports, removes and imports words as JSON lines', async () => {
      expect((await fabu('words', 'add', '某机关', '--kind', 'protected', '--level', 'warn')).code).toBe(0)
      const exported = (await fabu('words', 'export')).stdout
      expect(exported.split('\n')).toContain(
        '{"word":"某机关","kind":"protected","level":"warn","suggestion":null}',
      )
      expect((await fabu('words', 'remove', '某机关')).code).toBe(0)
      const file = join(folder, 'words.jsonl')
      await writeFile(file, exported)
      const imported = JSON.parse((await fabu('words', 'import', file, '--json')).stdout)
      expect(imported).toEqual({ added: 1, updated: exported.trim().split('\n').length - 1 })
      const bad = join(folder, 'bad.jsonl')
      await writeFile(bad, '{"word":"x","kind":"nonsense","level":"block"}\n')
      const refused = await fabu('words', 'import', bad)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('VALIDATION_FAILED')
    })
  })
}
