import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Site } from '../../src/content/index.ts'
import { Publisher } from '../../src/publish/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'

for (const engine of engines()) {
  describe(`${engine.name}: a server's publisher`, () => {
    const t = useContent(engine)
    let output = ''
    let publisher: Publisher | undefined
    afterEach(async () => {
      await publisher?.close()
      await rm(output, { recursive: true, force: true })
    })

    it('publishes two sites asked at once, each with its own pages, on the workers it keeps', async () => {
      output = await mkdtemp(join(tmpdir(), 'fabu-shared-'))
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: (slug) => join(output, slug),
        manifestDir: join(output, 'manifests'),
        workers: 2,
        keepsWorkers: true,
      })
      const other = await t.content.sites.create(editor, {
        slug: 'jlj',
        name: '市场监督管理局',
        baseUrl: 'https://jlj.example.gov.cn',
        orgCode: '11310000X',
      })
      const fill = async (site: Site, name: string) => {
        const column = await t.content.columns.create(editor, {
          siteId: site.id,
          name: `${name}新闻`,
          slug: 'xw',
        })
        for (let day = 1; day <= 30; day++) {
          const created = await t.content.articles.create(editor, {
            columnId: column.id,
            title: `${name}的第${day}篇`,
            publishAt: `2024-03-${String(day).padStart(2, '0')} 09:00`,
            bodyHtml: `<p>${name}</p>`,
          })
          await t.content.articles.publish(editor, created.id)
        }
      }
      await fill(t.site, '计量院')
      await fill(other, '监管局')
      const [first, second] = await Promise.all([
        publisher.publish({ site: t.site.id }),
        publisher.publish({ site: other.id }),
      ])
      expect(first?.failed).toEqual([])
      expect(second?.failed).toEqual([])
      const home = (slug: string) => readFile(join(output, slug, 'index.html'), 'utf8')
      expect(await home('simt')).toContain('计量院的第30篇')
      expect(await home('simt')).not.toContain('监管局')
      expect(await home('jlj')).toContain('监管局的第30篇')
      expect(await home('jlj')).not.toContain('计量院')
      expect(first?.written.length).toBe(second?.written.length)
    })
  })
}
