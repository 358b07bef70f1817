import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engines, freshPostgresUrl } from './support/engines.ts'
import { createGovSite, runFabu } from './support/run-fabu.ts'

/** <p>关于做好防汛工作的通知</p> saved by an old editor in GBK. */
const GBK_BODY = Buffer.concat([
  Buffer.from('<p>'),
  Buffer.from('b9d8d3dad7f6bac3b7c0d1b4b9a4d7f7b5c4cda8d6aa', 'hex'),
  Buffer.from('</p>'),
])

for (const engine of engines()) {
  describe(`${engine.name}: files and settings the fabu command refuses`, () => {
    let folder: string
    let env: NodeJS.ProcessEnv

    const fabu = (...args: string[]) => runFabu(folder, env, ...args)

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'fabu-cli-input-'))
      env = { ...process.env, DATABASE_URL: '' }
      if (engine.name === 'postgres') env.DATABASE_URL = await freshPostgresUrl()
      await writeFile(join(folder, 'gbk.html'), GBK_BODY)
      await createGovSite(folder, env)
      const column = await fabu('column', 'create', '--site', 'gov', '--name', '通知', '--slug', 'tz')
      expect(column.code, column.stderr).toBe(0)
    })
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true })
    })

    it('refuses a GBK body file read as UTF-8, naming the option and the file, and saves nothing', async () => {
      const file = join(folder, 'gbk.html')
      const refused = await fabu(
        'article',
        'create',
        '--site',
        'gov',
        '--column',
        'tz',
        '--title',
        '通知',
        '--body-file',
        file,
      )
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('INVALID_ENCODING')
      expect(refused.stderr).toContain(`--body-file ${file}：文本不是有效的 UTF-8 编码`)
      const listed = await fabu('article', 'list', '--site', 'gov', '--json')
      expect(JSON.parse(listed.stdout)).toEqual([])
    })

    it('reads the same file in Chinese with --encoding gbk', async () => {
      const created = await fabu(
        'article',
        'create',
        '--site',
        'gov',
        '--column',
        'tz',
        '--title',
        '通知',
        '--body-file',
        join(folder, 'gbk.html'),
        '--encoding',
        'gbk',
        '--json',
      )
      expect(created.code, created.stderr).toBe(0)
      expect(JSON.parse(created.stdout).bodyHtml).toBe('<p>关于做好防汛工作的通知</p>')
    })

    it('refuses a theme that is not installed and an over-long output prefix', async () => {
      const theme = await fabu('site', 'update', 'gov', '--theme', 'nosuchtheme')
      expect(theme.code).toBe(1)
      expect(theme.stderr).toContain(
        'VALIDATION_FAILED: 主题：主题不存在：nosuchtheme / theme: no such theme: nosuchtheme',
      )
      const prefix = await fabu('site', 'update', 'gov', '--output-prefix', 'a'.repeat(10_000))
      expect(prefix.code).toBe(1)
      expect(prefix.stderr).toContain('outputPrefix')
      const shown = JSON.parse((await fabu('site', 'show', 'gov', '--json')).stdout)
      expect(shown).toMatchObject({ theme: 'default', outputPrefix: '' })
    })
  })
}
