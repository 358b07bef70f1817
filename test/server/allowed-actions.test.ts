import { describe, expect, it } from 'vitest'
import { systemActor } from '../../src/content/index.ts'
import { type AdminServer, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')

/** A site with one reviewed column, an editor, a 初审 and a 复审 reviewer, and a site administrator. */
async function newsroom(t: AdminServer) {
  const site = await t.content.sites.create(operator, {
    slug: 'simt',
    name: '计测院',
    baseUrl: 'https://s.example.cn',
  })
  const column = await t.content.columns.create(operator, {
    siteId: site.id,
    name: '要闻',
    slug: 'news',
    reviewLevels: 2,
  })
  await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
  await t.addUser('bianji2', [{ role: 'editor', siteId: site.id }])
  await t.addUser('chushen', [{ role: 'reviewer', siteId: site.id, reviewLevel: 1 }])
  await t.addUser('fushen', [{ role: 'reviewer', siteId: site.id, reviewLevel: 2 }])
  await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: site.id }])
  await t.addUser('shenji', [{ role: 'audit_admin' }])
  return { site, column }
}

for (const engine of engines()) {
  describe(`${engine.name}: each role is told what it may do`, () => {
    const t = useAdminServer(engine)

    it('offers an editor, the reviewers and the site administrator only their own actions on an article', async () => {
      const { site, column } = await newsroom(t)
      const editor = await t.signedIn('bianji')
      const draft = (await editor.post('/api/articles', { columnId: column.id, title: '待审稿件' })).body
      const actionsOf = async (user: string) =>
        (await (await t.signedIn(user)).get(`/api/articles/${draft.id}`)).body.allowedActions
      expect(await actionsOf('bianji')).toEqual(['edit', 'submit', 'delete', 'copy', 'pin'])
      expect(await actionsOf('chushen')).toEqual([])
      expect(await actionsOf('zhanzhang')).toEqual(['edit', 'submit', 'publish', 'delete', 'copy', 'pin'])

      await editor.post(`/api/articles/${draft.id}/submit`)
      expect(await actionsOf('bianji')).toEqual(['recall', 'delete', 'copy'])
      expect(await actionsOf('bianji2')).toEqual(['delete', 'copy'])
      expect(await actionsOf('chushen')).toEqual(['approve', 'reject'])
      expect(await actionsOf('fushen')).toEqual([])

      await (await t.signedIn('chushen')).post(`/api/articles/${draft.id}/approve`, { level: 1 })
      expect(await actionsOf('chushen')).toEqual([])
      expect(await actionsOf('fushen')).toEqual(['approve', 'reject'])
      expect(await actionsOf('bianji')).toEqual(['delete', 'copy'])

      // The list carries the same actions as the article itself.
      const list = (await editor.get(`/api/articles?site=${site.id}`)).body
      expect(list.items.map((item: { allowedActions: string[] }) => item.allowedActions)).toEqual([
        ['delete', 'copy'],
      ])
    })

    it('tells on each column of the tree whether the user may write or review there, as a column grant covers its subtree', async () => {
      const { site, column } = await newsroom(t)
      const notices = await t.content.columns.create(operator, {
        siteId: site.id,
        name: '通知',
        slug: 'tzgg',
      })
      const below = await t.content.columns.create(operator, {
        siteId: site.id,
        parentId: notices.id,
        name: '公示',
        slug: 'gs',
      })
      await t.addUser('tongzhi', [{ role: 'editor', siteId: site.id, columnId: notices.id }])
      type Node = { id: number; allowedActions: string[]; children: Node[] }
      const actionsOf = async (user: string) => {
        const found = new Map<number, string[]>()
        const walk = (nodes: Node[]) => {
          for (const node of nodes) {
            found.set(node.id, node.allowedActions)
            walk(node.children)
          }
        }
        walk((await (await t.signedIn(user)).get(`/api/sites/${site.id}/columns`)).body.roots)
        return [column.id, notices.id, below.id].map((id) => found.get(id))
      }
      expect(await actionsOf('tongzhi')).toEqual([[], ['write'], ['write']])
      expect(await actionsOf('bianji')).toEqual([['write'], ['write'], ['write']])
      expect(await actionsOf('chushen')).toEqual([['review'], ['review'], ['review']])
      expect(await actionsOf('zhanzhang')).toEqual([
        ['write', 'review'],
        ['write', 'review'],
        ['write', 'review'],
      ])
      // What the tree offers is what the server accepts: the column editor is refused 要闻.
      const refused = await (await t.signedIn('tongzhi')).post('/api/articles', {
        columnId: column.id,
        title: '越权',
      })
      expect(refused.body.error.code).toBe('FORBIDDEN')
    })

    it('tells each user what they may do in a site and in the installation', async () => {
      const { site } = await newsroom(t)
      const siteActions = async (user: string) =>
        (await (await t.signedIn(user)).get('/api/sites')).body.items.find(
          (item: { id: number }) => item.id === site.id,
        )?.allowedActions
      expect(await siteActions('bianji')).toEqual(['read', 'write', 'upload'])
      expect(await siteActions('chushen')).toEqual(['read', 'review'])
      expect(await siteActions('zhanzhang')).toContain('publish')
      expect(await siteActions('zhanzhang')).toContain('manageTemplates')
      const session = async (user: string) =>
        (await (await t.signedIn(user)).get('/api/session')).body.allowedActions
      expect(await session('bianji')).toEqual([])
      expect(await session('shenji')).toEqual(['readAudit'])
      expect(await session('zhanzhang')).toEqual([])
    })
  })

  describe(`${engine.name}: an editor recalls (撤回) a submitted article`, () => {
    const t = useAdminServer(engine)

    it('takes it back to draft, audited, so the editor may change it and submit again', async () => {
      const { column } = await newsroom(t)
      const editor = await t.signedIn('bianji')
      const draft = (await editor.post('/api/articles', { columnId: column.id, title: '写错了' })).body
      await editor.post(`/api/articles/${draft.id}/submit`)
      const recalled = await editor.post(`/api/articles/${draft.id}/recall`)
      expect(recalled.status).toBe(200)
      expect(recalled.body.status).toBe('draft')
      const fixed = await editor.patch(`/api/articles/${draft.id}`, {
        baseRevision: recalled.body.revision,
        title: '改好了',
      })
      expect(fixed.status).toBe(200)
      expect((await editor.post(`/api/articles/${draft.id}/submit`)).body.status).toBe('submitted')
      const [record] = await t.content.audit.list({ action: 'article.recall' })
      expect(record).toMatchObject({ outcome: 'success', targetId: String(draft.id) })
      expect(record?.actor).toMatch(/^bianji \(user:/)
    })

    it('shows the audit administrator who recalled which article, by name and title', async () => {
      const { column } = await newsroom(t)
      const editor = await t.signedIn('bianji')
      const draft = (await editor.post('/api/articles', { columnId: column.id, title: '撤回留痕' })).body
      await editor.post(`/api/articles/${draft.id}/submit`)
      await editor.post(`/api/articles/${draft.id}/recall`)
      const audit = (await (await t.signedIn('shenji')).get('/api/audit?action=article.recall')).body
      expect(audit.items).toHaveLength(1)
      expect(audit.items[0]).toMatchObject({ targetType: 'article', targetName: '撤回留痕' })
      expect(audit.items[0].actorName).not.toContain('user:')
      expect(audit.items[0].actorName).toContain('bianji')
    })

    it('refuses once a reviewer has approved it, saying so', async () => {
      const { column } = await newsroom(t)
      const editor = await t.signedIn('bianji')
      const draft = (await editor.post('/api/articles', { columnId: column.id, title: '已初审' })).body
      await editor.post(`/api/articles/${draft.id}/submit`)
      await (await t.signedIn('chushen')).post(`/api/articles/${draft.id}/approve`, { level: 1 })
      const late = await editor.post(`/api/articles/${draft.id}/recall`)
      expect(late.status).toBe(409)
      expect(late.body.error.code).toBe('INVALID_STATE')
      expect(late.body.error.message).toContain('已通过第 1 级审核')
      expect((await t.content.articles.get(draft.id)).status).toBe('submitted')
    })

    it('refuses another editor’s recall and leaves the article in review', async () => {
      const { column } = await newsroom(t)
      const editor = await t.signedIn('bianji')
      const draft = (await editor.post('/api/articles', { columnId: column.id, title: '他人稿件' })).body
      await editor.post(`/api/articles/${draft.id}/submit`)
      const other = await (await t.signedIn('bianji2')).post(`/api/articles/${draft.id}/recall`)
      expect(other.status).toBe(403)
      expect((await t.content.articles.get(draft.id)).status).toBe('submitted')
    })
  })
}
