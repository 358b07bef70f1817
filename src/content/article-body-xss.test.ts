import { describe, expect, it } from 'vitest'
import { editor, useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { scriptHazards, xssVectors } from '../../test/support/script-hazards.ts'
import { sanitizeBody } from './sanitize-body.ts'

for (const engine of engines()) {
  describe(`${engine.name}: hostile article bodies`, () => {
    const t = useContent(engine)

    it('stores every public XSS vector unable to run script, and stable when sanitized again', async () => {
      const column = await t.content.columns.create(editor, { siteId: t.site.id, name: '测试', slug: 'xss' })
      const failures: string[] = []
      for (const vector of xssVectors) {
        const created = await t.content.articles.create(editor, {
          columnId: column.id,
          title: vector.id,
          bodyHtml: vector.input,
        })
        const stored = (await t.content.articles.get(created.id)).bodyHtml
        const hazards = scriptHazards(stored)
        if (hazards.length > 0) failures.push(`${vector.id}: ${hazards.join(' ')}`)
        if (sanitizeBody(stored) !== stored) failures.push(`${vector.id}: changes when sanitized again`)
      }
      expect(xssVectors).toHaveLength(684)
      expect(failures).toEqual([])
    }, 300_000)
  })
}
