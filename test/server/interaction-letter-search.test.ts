import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Publisher } from '../../src/publish/index.ts'
import { searchSites } from '../../src/search/index.ts'
import { editor, useContent } from '../support/content-fixture.ts'
import { engines } from '../support/engines.ts'
import { operator, useInteraction } from '../support/interaction-fixture.ts'

for (const engine of engines()) {
  describe(`${engine.name}: answered letters in the site search`, { timeout: 180_000 }, () => {
    const t = useContent(engine)
    const i = useInteraction(t)
    let output: string
    let publisher: Publisher

    beforeEach(async () => {
      output = await mkdtemp(join(tmpdir(), 'fabu-letter-search-'))
      publisher = new Publisher(t.store, t.content, {
        outputRootFor: () => join(output, 'site'),
        manifestDir: join(output, 'manifests'),
        workers: 1,
      })
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])
    })
    afterEach(async () => {
      await publisher.close()
      await rm(output, { recursive: true, force: true })
    })

    async function answered(subject: string, content: string) {
      const receipt = await i.interaction.visitors.submit(i.letters, {
        subject,
        content,
        name: '王小明',
        phone: '13912345678',
        mayPublish: true,
      })
      const desk = i.interaction.as(operator)
      await desk.cases.assign(receipt.caseId, { department: '计量管理处' })
      await desk.cases.draftReply(receipt.caseId, { text: '已安排上门检定。' })
      const submitted = await desk.cases.submitReply(receipt.caseId)
      if (submitted.status !== 'answered') await desk.cases.approveReply(receipt.caseId, 1)
      return receipt
    }
    const search = (q: string) => searchSites(t.store, { siteId: t.site.id, q })

    it('finds an answered public letter by a word of it, on its static page, and not once it is taken off', async () => {
      // An article whose id is the letter's: the two never stand for each other.
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '新闻', slug: 'xw' })
      const article = await t.content.articles.create(editor, {
        columnId: column.id,
        title: '计量宣传周活动',
        publishAt: '2026-05-20 09:00',
        bodyHtml: '<p>宣传周。</p>',
      })
      await t.content.articles.publish(editor, article.id)
      const letter = await answered('电子秤检定预约', '我们菜市场的电子秤需要检定，联系13912345678。')
      expect(letter.caseId).toBe(article.id)
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])

      const found = await search('菜市场')
      expect(found.total).toBe(1)
      const [hit] = found.results
      expect(hit).toMatchObject({ kind: 'letter', id: letter.caseId, title: '电子秤检定预约' })
      // The hit is the letter's published page, and the page holds the word.
      const page = join(output, 'site', hit?.path ?? 'missing')
      expect(existsSync(page)).toBe(true)
      expect(load(await readFile(page, 'utf8'))('body').text()).toContain('菜市场')
      // The answer is searched too; the sender's phone number is not.
      expect((await search('上门检定')).results.map((item) => item.kind)).toEqual(['letter'])
      expect((await search('13912345678')).total).toBe(0)
      expect((await search('宣传周')).results.map((item) => item.kind)).toEqual(['article'])

      await i.interaction.as(operator).cases.showAnswer(letter.caseId, false)
      // Still found until the page is gone: the search follows the site.
      expect((await search('菜市场')).total).toBe(1)
      expect((await publisher.publish({ site: 'simt' })).failed).toEqual([])
      expect((await search('菜市场')).total).toBe(0)

      await i.interaction.as(operator).cases.showAnswer(letter.caseId, true)
      expect((await publisher.publish({ site: 'simt', mode: 'full' })).failed).toEqual([])
      expect((await search('菜市场')).results.map((item) => item.id)).toEqual([letter.caseId])
    })
  })
}
