import { describe, expect, it } from 'vitest'
import { useContent } from '../../test/support/content-fixture.ts'
import { engines } from '../../test/support/engines.ts'
import { operatorAccess, type Principal, systemActor } from '../content/index.ts'
import { type Accounts, createAccounts } from './accounts.ts'
import { totpCode } from './totp.ts'

const operator: Principal = { actor: systemActor('cli:test'), access: operatorAccess }
const here = { address: '192.0.2.10', userAgent: 'vitest' }
const elsewhere = { address: '198.51.100.7', userAgent: 'vitest' }
const PASSWORD = 'Jiliang#2026'

for (const engine of engines()) {
  describe(`${engine.name}: accounts and sessions`, () => {
    const t = useContent(engine)
    let accounts: Accounts

    async function user(userName: string, grants: { role: string; siteId?: number | null }[] = []) {
      accounts = createAccounts(t.store, { now: () => t.clock.now })
      const created = await accounts.users.create(operator, {
        userName,
        displayName: userName,
        password: PASSWORD,
        mustChangePassword: false,
      })
      for (const grant of grants) {
        await accounts.users.grant(operator, { userId: created.id, siteId: null, ...grant } as never)
      }
      return created
    }

    async function signIn(userName: string, password = PASSWORD) {
      return accounts.sessions.signIn({ userName, password }, here)
    }

    it('gives every sign-in a new session id and CSRF token', async () => {
      await user('zhangsan')
      const first = await signIn('zhangsan')
      const second = await signIn('ZhangSan')
      expect(first.token).not.toBe(second.token)
      expect(first.session.csrfToken).not.toBe(second.session.csrfToken)
      expect((await accounts.sessions.resolve(first.token, here))?.user.userName).toBe('zhangsan')
      expect(
        await t.store.db.selectFrom('sessions').select('id').where('id', '=', first.token).execute(),
      ).toEqual([])
    })

    it('locks the account after 5 failed sign-ins, even against the right password, until unlocked', async () => {
      const zhang = await user('zhangsan')
      for (let attempt = 0; attempt < 5; attempt++) {
        await expect(signIn('zhangsan', 'wrong-Password1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
      }
      await expect(signIn('zhangsan')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 429 })
      t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000)
      await expect(signIn('zhangsan')).resolves.toBeTruthy()
      for (let attempt = 0; attempt < 5; attempt++) await signIn('zhangsan', 'x').catch(() => {})
      await accounts.users.unlock(operator, zhang.id)
      await expect(signIn('zhangsan')).resolves.toBeTruthy()
    })

    it('answers an unknown user name exactly as a wrong password', async () => {
      await user('zhangsan')
      const unknown = await signIn('lisi').catch((error) => error)
      const wrong = await signIn('zhangsan', 'Wrong#2026x').catch((error) => error)
      expect(unknown.code).toBe('UNAUTHENTICATED')
      expect(unknown.messages).toEqual(wrong.messages)
    })

    it('refuses user A after 31 failures from one address, while user B behind that address signs in', async () => {
      await user('zhangsan')
      await user('lisi')
      const outcomes: string[] = []
      for (let attempt = 0; attempt < 31; attempt++) {
        outcomes.push(await signIn('zhangsan', `Guess#2026x${attempt}`).catch((error) => error.code))
      }
      expect(outcomes).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(26).fill('ACCOUNT_LOCKED')])
      await expect(signIn('lisi')).resolves.toBeTruthy()
      await expect(signIn('zhangsan')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED', status: 429 })
    })

    it('throttles one user name at one address after 10 failures, not the same name elsewhere', async () => {
      await user('zhangsan')
      accounts = createAccounts(t.store, { now: () => t.clock.now, lockoutThreshold: 50 })
      const outcomes: string[] = []
      for (let attempt = 0; attempt < 12; attempt++) {
        outcomes.push(await signIn('zhangsan', `Guess#2026x${attempt}`).catch((error) => error.code))
      }
      expect(outcomes).toEqual([...Array(10).fill('UNAUTHENTICATED'), ...Array(2).fill('RATE_LIMITED')])
      await expect(signIn('zhangsan')).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 })
      await expect(
        accounts.sessions.signIn({ userName: 'zhangsan', password: PASSWORD }, elsewhere),
      ).resolves.toBeTruthy()
      t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000)
      await expect(signIn('zhangsan')).resolves.toBeTruthy()
    })

    it('brakes password spraying from an address, but lets users who signed in there before through', async () => {
      await user('zhangsan')
      await user('lisi')
      accounts = createAccounts(t.store, { now: () => t.clock.now, addressFailureLimit: 3 })
      await signIn('zhangsan')
      for (const name of ['a1', 'a2', 'a3']) await signIn(name).catch(() => {})
      await expect(signIn('a4')).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 })
      await expect(signIn('lisi')).rejects.toMatchObject({ code: 'RATE_LIMITED' })
      await expect(signIn('zhangsan')).resolves.toBeTruthy()
      await expect(signIn('lisi')).rejects.toMatchObject({ code: 'RATE_LIMITED' })
      await expect(
        accounts.sessions.signIn({ userName: 'lisi', password: PASSWORD }, elsewhere),
      ).resolves.toBeTruthy()
    })

    it('ends a session after 30 idle minutes and after its absolute lifetime', async () => {
      await user('zhangsan')
      const idle = await signIn('zhangsan')
      t.clock.now = new Date(t.clock.now.getTime() + 31 * 60_000)
      expect(await accounts.sessions.resolve(idle.token, here)).toBeNull()
      const busy = await signIn('zhangsan')
      for (let hour = 0; hour < 12; hour++) {
        t.clock.now = new Date(t.clock.now.getTime() + 20 * 60_000)
        expect(await accounts.sessions.resolve(busy.token, here)).not.toBeNull()
        t.clock.now = new Date(t.clock.now.getTime() + 20 * 60_000)
        expect(await accounts.sessions.resolve(busy.token, here)).not.toBeNull()
        t.clock.now = new Date(t.clock.now.getTime() + 20 * 60_000)
        await accounts.sessions.resolve(busy.token, here)
      }
      expect(await accounts.sessions.resolve(busy.token, here)).toBeNull()
    })

    it('ends the other sessions when the password changes, and refuses a recent password', async () => {
      await user('zhangsan')
      const laptop = await signIn('zhangsan')
      const phone = await signIn('zhangsan')
      await accounts.sessions.changePassword(laptop.token, PASSWORD, 'Xinmima#2027', here)
      expect(await accounts.sessions.resolve(laptop.token, here)).not.toBeNull()
      expect(await accounts.sessions.resolve(phone.token, here)).toBeNull()
      await expect(
        accounts.sessions.changePassword(laptop.token, 'Xinmima#2027', PASSWORD, here),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' })
      await expect(
        accounts.sessions.changePassword(laptop.token, 'not-it', 'Another#2028', here),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'currentPassword' })
    })

    it('refuses a password the 等保 policy does not allow, naming the rule', async () => {
      accounts = createAccounts(t.store, { now: () => t.clock.now })
      await expect(
        accounts.users.create(operator, { userName: 'weak', displayName: 'w', password: 'abcdefgh' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' })
      expect(await t.store.db.selectFrom('users').select('id').execute()).toEqual([])
    })

    it('requires a password change once the password is 90 days old', async () => {
      await user('zhangsan')
      t.clock.now = new Date(t.clock.now.getTime() + 91 * 86_400_000)
      const signedIn = await signIn('zhangsan')
      expect(signedIn.session.mustChangePassword).toBe(true)
    })

    it('ends a user’s sessions when a role is granted or revoked', async () => {
      const zhang = await user('zhangsan')
      const before = await signIn('zhangsan')
      const granted = await accounts.users.grant(operator, {
        userId: zhang.id,
        role: 'editor',
        siteId: t.site.id,
      })
      expect(await accounts.sessions.resolve(before.token, here)).toBeNull()
      const after = await signIn('zhangsan')
      expect(after.session.user.grants).toMatchObject([{ role: 'editor', siteId: t.site.id }])
      await accounts.users.revoke(operator, granted.grants[0]?.id ?? 0)
      expect(await accounts.sessions.resolve(after.token, here)).toBeNull()
    })

    it('keeps the three administrators apart (三员分立)', async () => {
      await user('sysadmin', [{ role: 'system_admin' }])
      await user('secadmin', [{ role: 'security_admin' }])
      const target = await user('auditor', [{ role: 'audit_admin' }])
      const as = async (name: string) => (await signIn(name)).session.principal
      const system = await as('sysadmin')
      const security = await as('secadmin')
      const audit = await as('auditor')
      await expect(accounts.users.grant(system, { userId: target.id, role: 'admin' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        status: 403,
      })
      await expect(
        accounts.users.create(security, { userName: 'new1', displayName: 'n', password: PASSWORD }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(accounts.users.list(audit)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(accounts.users.unlock(audit, target.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect((await accounts.users.get(audit, target.id)).userName).toBe('auditor')
    })

    it('lets no administrator widen their own powers or take over another administrator (三员分立)', async () => {
      const security = await user('secadmin', [{ role: 'security_admin' }])
      const auditor = await user('auditor', [{ role: 'audit_admin' }])
      const admin = await user('chief', [{ role: 'admin' }])
      const editor = await user('bianji')
      const as = async (name: string) => (await signIn(name)).session.principal
      const securityPrincipal = await as('secadmin')
      const adminPrincipal = await as('chief')
      const refusals = [
        () => accounts.users.grant(securityPrincipal, { userId: security.id, role: 'audit_admin' }),
        () => accounts.users.grant(securityPrincipal, { userId: editor.id, role: 'admin' }),
        () => accounts.users.grant(adminPrincipal, { userId: admin.id, role: 'audit_admin' }),
        () => accounts.users.grant(adminPrincipal, { userId: editor.id, role: 'security_admin' }),
        () => accounts.users.resetPassword(securityPrincipal, auditor.id),
        async () =>
          accounts.users.revoke(
            adminPrincipal,
            (await accounts.users.get(operator, auditor.id)).grants[0]?.id ?? 0,
          ),
      ]
      for (const refusal of refusals) await expect(refusal()).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect((await accounts.users.get(operator, security.id)).grants.map((g) => g.role)).toEqual([
        'security_admin',
      ])
      expect((await accounts.users.get(operator, editor.id)).grants).toEqual([])
      await expect(signIn('auditor')).resolves.toBeTruthy()
      // A content role for another account is the security administrator's everyday work.
      const granted = await accounts.users.grant(securityPrincipal, {
        userId: editor.id,
        role: 'editor',
        siteId: t.site.id,
      })
      expect(granted.grants.map((g) => g.role)).toEqual(['editor'])
    })

    it('lets no administrator both reset an account’s password and widen it into administration (三员分立)', async () => {
      await user('secadmin', [{ role: 'security_admin' }])
      await user('secadmin2', [{ role: 'security_admin' }])
      const editor = await user('bianji', [{ role: 'editor', siteId: t.site.id }])
      const security = (await signIn('secadmin')).session.principal
      const oneTime = await accounts.users.resetPassword(security, editor.id)
      expect(oneTime).toMatch(/^\S{16,}$/)
      await expect(signIn('bianji')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
      const taken = await signIn('bianji', oneTime)
      expect(taken.session.mustChangePassword).toBe(true)
      const siteAdmin = { userId: editor.id, role: 'site_admin', siteId: null } as const
      await expect(accounts.users.grant(security, siteAdmin)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await accounts.sessions.changePassword(taken.token, oneTime, 'Ziji#mima2027', here)
      // Whoever set that password may have been the resetting administrator: still not them.
      await expect(accounts.users.grant(security, siteAdmin)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect((await accounts.users.get(operator, editor.id)).grants.map((g) => g.role)).toEqual(['editor'])
      const refusals = (await t.content.audit.list({ action: 'user.grant' })).filter(
        (record) => record.address === here.address,
      )
      expect(refusals.map((record) => [record.outcome, record.errorCode])).toEqual([
        ['failure', 'FORBIDDEN'],
        ['failure', 'FORBIDDEN'],
      ])
      const other = (await signIn('secadmin2')).session.principal
      const granted = await accounts.users.grant(other, siteAdmin)
      expect(granted.grants.map((g) => g.role)).toEqual(['editor', 'site_admin'])
    })

    it('lets no administrator make an account site administrator and then reset its password (三员分立)', async () => {
      await user('secadmin', [{ role: 'security_admin' }])
      const editor = await user('bianji', [{ role: 'editor', siteId: t.site.id }])
      const siteAdmin = await user('zhanzhang', [{ role: 'site_admin', siteId: t.site.id }])
      const security = (await signIn('secadmin')).session.principal
      // The reverse order: the grant is allowed (nobody reset this account), the reset is not.
      const granted = await accounts.users.grant(security, {
        userId: editor.id,
        role: 'site_admin',
        siteId: null,
      })
      expect(granted.grants.map((g) => g.role)).toEqual(['editor', 'site_admin'])
      for (const target of [editor, siteAdmin]) {
        const refusal = accounts.users.resetPassword(security, target.id)
        await expect(refusal).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 })
        await expect(refusal).rejects.toThrow(/站点管理员.*命令行|site administrator.*CLI/)
      }
      await expect(signIn('bianji')).resolves.toBeTruthy()
      await expect(signIn('zhanzhang')).resolves.toBeTruthy()
      const refusals = await t.content.audit.list({ action: 'user.resetPassword' })
      expect(refusals.map((record) => [record.outcome, record.errorCode])).toEqual([
        ['failure', 'FORBIDDEN'],
        ['failure', 'FORBIDDEN'],
      ])
      // The operator at the server resets it; without the role, the security administrator may.
      expect(await accounts.users.resetPassword(operator, siteAdmin.id)).toMatch(/^\S{16,}$/)
      const adminGrant = granted.grants.find((g) => g.role === 'site_admin')?.id ?? 0
      await accounts.users.revoke(security, adminGrant)
      expect(await accounts.users.resetPassword(security, editor.id)).toMatch(/^\S{16,}$/)
    })

    it('refuses an installation role scoped to a site', async () => {
      const zhang = await user('zhangsan')
      await expect(
        accounts.users.grant(operator, { userId: zhang.id, role: 'audit_admin', siteId: t.site.id }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'siteId' })
    })

    it('asks for the one-time code after the password once TOTP is on, and refuses its replay', async () => {
      await user('zhangsan')
      const first = await signIn('zhangsan')
      const { secret } = accounts.sessions.proposeSecondFactor(first.session)
      await accounts.sessions.enableSecondFactor(
        first.token,
        PASSWORD,
        secret,
        totpCode(secret, t.clock.now),
        here,
      )
      t.clock.now = new Date(t.clock.now.getTime() + 60_000)
      const next = await signIn('zhangsan')
      expect(next.session.secondFactorPending).toBe(true)
      const code = totpCode(secret, t.clock.now)
      const confirmed = await accounts.sessions.confirmSecondFactor(next.token, code, here)
      expect(confirmed.secondFactorPending).toBe(false)
      const again = await signIn('zhangsan')
      await expect(accounts.sessions.confirmSecondFactor(again.token, code, here)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      })
    })

    it('locks out guesses of the one-time code, and ends the half-signed-in sessions', async () => {
      await user('zhangsan')
      const first = await signIn('zhangsan')
      const { secret } = accounts.sessions.proposeSecondFactor(first.session)
      await accounts.sessions.enableSecondFactor(
        first.token,
        PASSWORD,
        secret,
        totpCode(secret, t.clock.now),
        here,
      )
      const pending = await signIn('zhangsan')
      for (let guess = 0; guess < 5; guess++) {
        await expect(
          accounts.sessions.confirmSecondFactor(pending.token, '000000', here),
        ).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
        })
      }
      expect(await accounts.sessions.resolve(pending.token, here)).toBeNull()
      await expect(signIn('zhangsan')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' })
      expect(await accounts.sessions.resolve(first.token, here)).not.toBeNull()
    })

    it('counts wrong current passwords in a session towards the lockout, and the lock ends the sessions', async () => {
      await user('zhangsan')
      const stolen = await signIn('zhangsan')
      const owner = await signIn('zhangsan')
      for (let guess = 0; guess < 5; guess++) {
        await expect(
          accounts.sessions.changePassword(stolen.token, `Guess#${guess}aaaa`, 'Xinmima#2027', here),
        ).rejects.toMatchObject({ field: 'currentPassword' })
      }
      expect(await accounts.sessions.resolve(stolen.token, here)).toBeNull()
      expect(await accounts.sessions.resolve(owner.token, here)).toBeNull()
      await expect(signIn('zhangsan')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' })
    })

    it('asks for the current password before turning on or replacing the second factor', async () => {
      await user('zhangsan')
      const signedIn = await signIn('zhangsan')
      const { secret } = accounts.sessions.proposeSecondFactor(signedIn.session)
      await expect(
        accounts.sessions.enableSecondFactor(
          signedIn.token,
          'wrong',
          secret,
          totpCode(secret, t.clock.now),
          here,
        ),
      ).rejects.toMatchObject({ field: 'currentPassword' })
      const row = await t.store.db.selectFrom('users').select('totp_secret').executeTakeFirstOrThrow()
      expect(row.totp_secret).toBeNull()
    })

    it('audits sign-ins, failed and successful, with the address', async () => {
      await user('zhangsan')
      await signIn('zhangsan', 'nope').catch(() => {})
      await signIn('zhangsan')
      const records = await t.content.audit.list({ action: 'session.signIn' })
      expect(records.map((record) => [record.outcome, record.address])).toEqual([
        ['success', here.address],
        ['failure', here.address],
      ])
    })
  })
}
