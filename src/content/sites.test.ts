import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import type { SiteInput } from './site-inputs.ts'

for (const engine of engines()) {
  describe(`${engine.name}: sites`, () => {
    const t = useContent(engine)
    const createSiteB = (fields: Partial<SiteInput>) =>
      t.content.sites.create(editor, { slug: 'b', name: 'B', baseUrl: 'https://b.example', ...fields })

    it('fills in the Chinese defaults a new site starts with', async () => {
      expect(t.site).toMatchObject({
        language: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        theme: 'default',
        outputPrefix: '',
        articleUrlPattern: '{column}/{yyyy}/{mm}/{dd}/{id}.html',
      })
    })

    it('finds a site by id or by slug', async () => {
      expect((await t.content.sites.get('simt')).id).toBe(t.site.id)
      expect((await t.content.sites.get(t.site.id)).slug).toBe('simt')
      await expect(t.content.sites.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('keeps the footer identifiers of a government site', async () => {
      const updated = await t.content.sites.update(editor, 'simt', {
        siteIdCode: '3100000041',
        icp: '沪ICP备05016455号-1',
        policeRecord: '沪公网安备 31011502000000号',
        sponsor: '上海市计量测试技术研究院',
        contact: '电话：021-38839800',
      })
      expect(updated).toMatchObject({ siteIdCode: '3100000041', icp: '沪ICP备05016455号-1' })
      const changes = await t.store.db
        .selectFrom('changes')
        .select(['entity', 'action'])
        .where('entity', '=', 'site')
        .execute()
      expect(changes).toEqual([
        { entity: 'site', action: 'create' },
        { entity: 'site', action: 'update' },
      ])
    })

    it('refuses an unknown time zone, a taken slug and unknown fields', async () => {
      await expect(
        t.content.sites.update(editor, 'simt', { timeZone: 'Asia/Beijing' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'timeZone',
      })
      await expect(
        t.content.sites.create(editor, { slug: 'simt', name: '另一个', baseUrl: 'https://example.org' }),
      ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' })
      await expect(createSiteB({ colour: 'red' } as never)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'colour',
      })
    })

    it('refuses a base URL that is not http(s)', async () => {
      await expect(
        t.content.sites.create(editor, { slug: 'x', name: 'X', baseUrl: 'javascript:alert(1)' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'baseUrl' })
    })

    it('takes an article URL pattern whose file name is built around {id}', async () => {
      for (const pattern of [
        '{column}/{id}.html',
        'a/{yyyy}{mm}/t{dd}_{id}.html',
        'index-{id}.html',
        'p{id}.html',
      ]) {
        const updated = await t.content.sites.update(editor, 'simt', { articleUrlPattern: pattern })
        expect(updated.articleUrlPattern).toBe(pattern)
      }
    })

    it('refuses an article URL pattern that could lose an article or hide one of fabu’s pages, naming the field', async () => {
      // Each pattern, and what the refusal says (in English) about it.
      const refused: [pattern: string, reason: string][] = [
        ['{column}/{yyyy}/{mm}.html', 'must contain {id}'],
        ['{column}/{id}/index-a.html', 'must contain {id}'],
        ['{column}/{hh}/{id}.html', 'unknown token {hh}'],
        ['{column}/../{id}.html', 'start with a dot'],
        ['{column}/./{id}.html', 'start with a dot'],
        ['{column}//{id}.html', 'empty segment'],
        ['/{column}/{id}.html', 'must not start with /'],
        ['{column}/{id}.htm', 'must end in .html'],
        ['{column}/文章{id}.html', 'use only letters'],
        ['{column}/index_{id}.html', 'could be a column page'],
        ['news/index_{yyyy}{id}.html', 'could be a column page'],
        ['c{column}/{id}.html', '{column} must be a segment of its own'],
        ['{id}.html', 'could be a site page'],
        ['uploads/{id}.html', 'must not lie under uploads/'],
        ['assets/{column}/{id}.html', 'must not lie under assets/'],
        ['_fabu/{id}.html', 'must not lie under _fabu/'],
        ['{column}/{yyyy}/{mm}/{dd}/1{id}_print.html', 'could be a print view'],
        ['{column}/{id}.html/{dd}{id}.html', 'only the file name may end in .html'],
      ]
      for (const [pattern, reason] of refused) {
        await expect(
          t.content.sites.update(editor, 'simt', { articleUrlPattern: pattern }),
          pattern,
        ).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          field: 'articleUrlPattern',
          message: expect.stringContaining(reason),
        })
      }
      await expect(createSiteB({ articleUrlPattern: '{column}/{hh}/{id}.html' })).rejects.toMatchObject({
        field: 'articleUrlPattern',
        message: expect.stringContaining('{hh}'),
        messages: {
          zh: expect.stringContaining('未知的占位符'),
          en: expect.stringContaining('unknown token'),
        },
      })
      expect((await t.content.sites.get('simt')).articleUrlPattern).toBe(
        '{column}/{yyyy}/{mm}/{dd}/{id}.html',
      )
    })
  })
}
