import { describe, expect, it } from 'vitest'
import { createWorkspace, operatorAccess, systemActor } from '../../src/content/index.ts'
import { PASSWORD, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = { actor: systemActor('cli:test'), access: operatorAccess }
const where = { address: '192.0.2.7', userAgent: 'test' }

/**
 * A request works out the user's rights when it starts; the write comes later. A grant the
 * security administrator revokes in between must not be usable: the service confirms the
 * rights inside its own transaction, so the write is refused whole and audited as refused.
 */
for (const engine of engines()) {
  describe(`${engine.name}: rights revoked while a request is under way`, () => {
    const t = useAdminServer(engine)

    async function editorWithDraft() {
      const site = await t.content.sites.create(operator.actor, {
        slug: 'simt',
        name: '计测院',
        baseUrl: 'https://x.gov.cn',
      })
      const column = await t.content.columns.create(operator.actor, {
        siteId: site.id,
        name: '要闻',
        slug: 'news',
      })
      const userId = await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const { session } = await t.accounts.sessions.signIn({ userName: 'bianji', password: PASSWORD }, where)
      const workspace = createWorkspace(t.content, t.store, session.principal)
      const draft = await workspace.articles.create({ columnId: column.id, title: '原来的标题' })
      const user = await t.accounts.users.get(operator, userId)
      return { site, column, userId, workspace, draft, grantId: user.grants[0]?.id ?? -1 }
    }

    it('refuses a save whose editor grant was revoked after the request’s rights were read, and keeps nothing of it', async () => {
      const { workspace, draft, grantId } = await editorWithDraft()
      // The request has its rights (the workspace); now the grant goes.
      await t.accounts.users.revoke(operator, grantId)
      await expect(
        workspace.articles.update(draft.id, { baseRevision: draft.revision, title: '收回权限后的标题' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 })
      const kept = await t.content.articles.get(draft.id)
      expect(kept.title).toBe('原来的标题')
      expect(kept.revision).toBe(draft.revision)
      const refused = await t.store.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'error_code'])
        .where('actor', 'like', 'bianji%')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(refused).toEqual({ action: 'article.update', outcome: 'failure', error_code: 'FORBIDDEN' })
    })

    it('refuses a new article from an account disabled after the request began', async () => {
      const { column, userId, workspace } = await editorWithDraft()
      await t.accounts.users.update(operator, userId, { disabled: true })
      await expect(
        workspace.articles.create({ columnId: column.id, title: '停用后的稿件' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      const titles = (await t.content.articles.list({ site: 'simt' })).items.map((article) => article.title)
      expect(titles).not.toContain('停用后的稿件')
    })

    it('lets the same save through while the grant stands', async () => {
      const { workspace, draft } = await editorWithDraft()
      const saved = await workspace.articles.update(draft.id, {
        baseRevision: draft.revision,
        title: '改好的标题',
      })
      expect(saved.title).toBe('改好的标题')
    })
  })
}
