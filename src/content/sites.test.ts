import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'

for (const engine of engines()) {
  describe(`${engine.name}: sites`, () => {
    const t = useContent(engine)

    it('fills in the Chinese defaults a new site starts with', async () => {
      expect(t.site).toMatchObject({
        language: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        theme: 'default',
        outputPrefix: '',
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
      await expect(
        t.content.sites.create(editor, {
          slug: 'b',
          name: 'B',
          baseUrl: 'https://b.example',
          colour: 'red',
        } as never),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'colour' })
    })

    it('refuses a base URL that is not http(s)', async () => {
      await expect(
        t.content.sites.create(editor, { slug: 'x', name: 'X', baseUrl: 'javascript:alert(1)' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'baseUrl' })
    })
  })
}
