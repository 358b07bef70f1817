import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

for (const engine of engines()) {
  describe(`${engine.name}: the inspection report over the API`, () => {
    const t = useAdminServer(engine)

    it('gives the site administrator each indicator with its status and evidence, and refuses an editor', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'gov',
        name: '某区政府',
        baseUrl: 'https://gov.example.cn',
      })
      for (let i = 1; i <= 5; i++)
        await t.content.columns.create(operator, { siteId: site.id, name: `空${i}`, slug: `k${i}` })
      await t.addUser('guanli', [{ role: 'site_admin', siteId: site.id }])
      await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const report = await (await t.signedIn('guanli')).get('/api/sites/gov/inspection')
      expect(report.status).toBe(200)
      const rules = Object.fromEntries(
        report.body.items.map((item: { rule: string; status: string }) => [item.rule, item.status]),
      )
      expect(rules).toMatchObject({
        'home-updated': 'fail',
        'blank-columns': 'fail',
        'required-elements': 'fail',
      })
      expect(report.body.failed).toBe(2)
      expect((await (await t.signedIn('bianji')).get('/api/sites/gov/inspection')).status).toBe(403)
    })
  })
}
