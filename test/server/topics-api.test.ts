import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { sqliteEngine } from '../support/engines.ts'

const operator = systemActor('cli:test')

describe('专题 over HTTP', () => {
  const t = useAdminServer(sqliteEngine)

  it('lets a site administrator create a topic from a starter, refuses an editor, and shows it to both', async () => {
    const site = await t.content.sites.create(operator, {
      slug: 'simt',
      name: '站点',
      baseUrl: 'https://simt.example.gov.cn',
    })
    await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
    await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
    const manager = await t.signedIn('zhanzhang')
    const editor = await t.signedIn('bianji')

    const starters = await editor.get('/api/topic-starters')
    expect(starters.body.items.map((starter: { id: string }) => starter.id)).toContain('standard')

    const refused = await editor.post('/api/topics', {
      siteId: site.id,
      starter: 'standard',
      name: '专题',
      slug: 'zt',
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('FORBIDDEN')

    const badSlug = await manager.post('/api/topics', {
      siteId: site.id,
      starter: 'standard',
      name: '专题',
      slug: 'Zt!',
    })
    expect(badSlug.status).toBe(422)

    const created = await manager.post('/api/topics', {
      siteId: site.id,
      starter: 'standard',
      name: '专题',
      slug: 'zt',
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.subColumns).toHaveLength(3)

    const listed = await editor.get('/api/sites/simt/topics')
    expect(listed.body.items.map((topic: { path: string }) => topic.path)).toEqual(['zt'])
    const tree = await editor.get('/api/sites/simt/columns')
    expect(tree.body.roots[0]).toMatchObject({ kind: 'topic', topic: { templateSet: 'topic', banner: null } })
  })
})
