import { describe, expect, it } from 'vitest'
import { operatorAccess, systemActor } from '../../src/content/index.ts'
import { type ApiResponse, useAdminServer } from '../support/admin-server.ts'
import { engines } from '../support/engines.ts'

const operator = systemActor('cli:test')
const atTheServer = { actor: operator, access: operatorAccess }

function expectError(response: ApiResponse, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body?.error?.code, JSON.stringify(response.body)).toBe(code)
}

for (const engine of engines()) {
  describe(`${engine.name}: account takeover and sign-in throttling`, () => {
    const t = useAdminServer(engine)

    it('stops a security administrator who resets an editor’s password from making them site administrator (三员分立)', async () => {
      const site = await t.content.sites.create(operator, {
        slug: 'simt',
        name: '市场监管局',
        baseUrl: 'https://simt.example.gov.cn',
      })
      const column = await t.content.columns.create(operator, { siteId: site.id, name: '要闻', slug: 'news' })
      await t.addUser('secadmin', [{ role: 'security_admin' }])
      await t.addUser('secadmin2', [{ role: 'security_admin' }])
      const editorId = await t.addUser('bianji', [{ role: 'editor', siteId: site.id }])
      const security = await t.signedIn('secadmin')

      // The administrator cannot choose the password: fabu draws a one-time one.
      expectError(
        await security.post(`/api/users/${editorId}/password`, { password: 'Wode#mima2026' }),
        422,
        'VALIDATION_FAILED',
      )
      expect((await t.client().signIn('bianji')).status).toBe(201)
      const reset = await security.post(`/api/users/${editorId}/password`)
      expect(reset.status, JSON.stringify(reset.body)).toBe(200)
      const oneTime: string = reset.body.password
      expect(reset.headers.get('cache-control')).toBe('no-store')
      expect(oneTime).toMatch(/^\S{16,}$/)
      expectError(await t.client().signIn('bianji'), 401, 'UNAUTHENTICATED')

      // Signed in with it, the session can do nothing but set a new password.
      const taken = t.client()
      const signIn = await taken.signIn('bianji', oneTime)
      expect(signIn.status).toBe(201)
      expect(signIn.body.mustChangePassword).toBe(true)
      expectError(await taken.get('/api/sites'), 403, 'PASSWORD_CHANGE_REQUIRED')
      expectError(
        await taken.post('/api/articles', { columnId: column.id, title: '冒名' }),
        403,
        'PASSWORD_CHANGE_REQUIRED',
      )
      const refusal = await taken.get('/api/users')
      expectError(refusal, 403, 'PASSWORD_CHANGE_REQUIRED')
      expect(refusal.body.error.message).toMatch(/管理员|administrator/)

      // Nor may the administrator widen the account while the password is theirs.
      const siteAdmin = { role: 'site_admin', siteId: null }
      expectError(await security.post(`/api/users/${editorId}/grants`, siteAdmin), 403, 'FORBIDDEN')

      // Once a password of the user's own is set, the account works; the resetter still may
      // not grant (they could have set it), another security administrator may.
      const common = await taken.post('/api/session/password', {
        currentPassword: oneTime,
        newPassword: 'Admin@123',
      })
      expectError(common, 422, 'VALIDATION_FAILED')
      expect(common.body.error.message).toMatch(/常见|common/)
      const own = await taken.post('/api/session/password', {
        currentPassword: oneTime,
        newPassword: 'Ziji#mima2027',
      })
      expect(own.status, JSON.stringify(own.body)).toBe(204)
      expect((await taken.get('/api/sites')).status).toBe(200)
      expectError(await security.post(`/api/users/${editorId}/grants`, siteAdmin), 403, 'FORBIDDEN')
      const roles = async () => (await t.accounts.users.get(atTheServer, editorId)).grants.map((g) => g.role)
      expect(await roles()).toEqual(['editor'])
      const other = await t.signedIn('secadmin2')
      expect((await other.post(`/api/users/${editorId}/grants`, siteAdmin)).status).toBe(201)
      expect(await roles()).toEqual(['editor', 'site_admin'])
    })

    it('stops a security administrator who made an editor site administrator from then resetting their password (三员分立)', async () => {
      await t.addUser('secadmin', [{ role: 'security_admin' }])
      const editorId = await t.addUser('bianji', [{ role: 'editor', siteId: null }])
      const siteAdminId = await t.addUser('zhanzhang', [{ role: 'site_admin', siteId: null }])
      const security = await t.signedIn('secadmin')

      // Nobody reset the editor's password, so the grant goes through...
      const grant = await security.post(`/api/users/${editorId}/grants`, { role: 'site_admin', siteId: null })
      expect(grant.status, JSON.stringify(grant.body)).toBe(201)
      // ...and then the reset that would hand the granting administrator the account is refused,
      // as is the reset of a site administrator someone else made.
      for (const id of [editorId, siteAdminId]) {
        const reset = await security.post(`/api/users/${id}/password`)
        expectError(reset, 403, 'FORBIDDEN')
        expect(reset.body.error.message).toMatch(/命令行|CLI/)
        expect(reset.body.password).toBeUndefined()
      }
      expect((await t.client().signIn('bianji')).status).toBe(201)
      expect((await t.client().signIn('zhanzhang')).status).toBe(201)
    })

    it('lets others behind one address sign in while one user name is hammered from it', async () => {
      await t.addUser('alice')
      await t.addUser('bob')
      const office = t.client()
      const outcomes = new Set<string>()
      for (let attempt = 0; attempt < 31; attempt++) {
        const response = await office.signIn('alice', `Wrong#2026pass${attempt}`)
        outcomes.add(`${response.status} ${response.body.error.code}`)
      }
      expect([...outcomes]).toEqual(['401 UNAUTHENTICATED', '429 ACCOUNT_LOCKED'])
      expect((await t.client().signIn('bob')).status).toBe(201)
      // Alice is still refused: her account is locked (per user name), not the address.
      const alice = await t.client().signIn('alice')
      expectError(alice, 429, 'ACCOUNT_LOCKED')
      expect(Number(alice.headers.get('retry-after'))).toBeGreaterThan(0)
    })
  })
}
