import { describe, expect, it } from 'vitest'
import { useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

for (const engine of engines()) {
  describe(`${engine.name}: smoke`, () => {
    const t = useAdminServer(engine)
    it('signs in and lists sites', async () => {
      await t.addUser('admin', [{ role: 'admin' }])
      const admin = await t.signedIn('admin')
      const created = await admin.post('/api/sites', {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://www.simt.com.cn',
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const sites = await admin.get('/api/sites')
      expect(sites.body.items.map((s: { slug: string }) => s.slug)).toEqual(['simt'])
      const doc = await admin.get('/api/openapi.json')
      expect(Object.keys(doc.body.paths).length).toBeGreaterThan(10)
    })
  })
}
