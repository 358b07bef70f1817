import { describe, expect, it } from 'vitest'
import { useAdminBrowser } from '../support/admin-browser.ts'
import { useAdminServer } from '../support/admin-server.ts'
import { axeViolations } from '../support/axe.ts'
import { sqliteEngine } from '../support/engines.ts'

const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`)

// The admin UI is the same on either engine; the store-backed rules run on both in
// test/server/account-takeover.test.ts.
describe('a password reset in Chromium', () => {
  const t = useAdminServer(sqliteEngine)
  const admin = useAdminBrowser(t, { width: 1280, height: 900 })

  it('shows the one-time password once, and its user must set their own before anything else', async () => {
    await t.addUser('anquan', [{ role: 'security_admin' }])
    await t.addUser('xiaowang')

    const security = await admin.signedIn('anquan')
    await security.page.locator('.section-switch').getByText('系统管理', { exact: true }).click()
    await security.page.getByRole('button', { name: '重置密码：xiaowang' }).click()
    const confirm = security.page.getByRole('dialog', { name: '重置密码：xiaowang' })
    expect(await confirm.locator('input').count()).toBe(0) // nothing to choose
    await confirm.getByRole('button', { name: button('重置密码') }).click()
    const shown = confirm.locator('.one-time-password')
    await shown.waitFor({ timeout: 15_000 })
    const oneTime = ((await shown.textContent()) ?? '').trim()
    expect(oneTime).toMatch(/^\S{16,}$/)
    const dialogViolations = await axeViolations(security.page, 'one-time password')
    await confirm.getByRole('button', { name: button('已记下') }).click()
    await expect.poll(() => security.page.getByText(oneTime).count()).toBe(0)

    const user = await admin.open()
    await user.page.getByLabel('用户名').fill('xiaowang')
    await user.page.getByLabel('密码', { exact: true }).fill(oneTime)
    await user.page.locator('button[type=submit]').click()
    await user.page.getByLabel('当前密码', { exact: true }).waitFor({ timeout: 15_000 })
    await user.page.getByLabel('当前密码', { exact: true }).fill(oneTime)
    await user.page.getByLabel('新密码', { exact: true }).fill('Admin@123')
    await user.page.getByLabel('再次输入新密码').fill('Admin@123')
    await user.page.getByRole('button', { name: button('确定') }).click()
    await expect.poll(() => user.page.getByText(/过于常见/).count(), { timeout: 15_000 }).toBe(1)
    await user.page.getByLabel('新密码', { exact: true }).fill('Ziji#mima2027')
    await user.page.getByLabel('再次输入新密码').fill('Ziji#mima2027')
    await user.page.getByRole('button', { name: button('确定') }).click()
    await user.page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 15_000 })

    expect(dialogViolations).toEqual([])
    // The user's failed attempt with a common password is the one expected error (422).
    expect(security.errors).toEqual([])
    expect(user.errors.filter((error) => !/422/.test(error))).toEqual([])
  }, 90_000)
})
