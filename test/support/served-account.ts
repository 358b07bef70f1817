import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { ApiClient, PASSWORD } from './admin-server.ts'
import { runFabu } from './run-fabu.ts'
import type { ServeProcess } from './serve-process.ts'

/** The password an account made by `fabu user add` has once its owner changed the one they were given. */
export const OWN_PASSWORD = 'Zhanqun#2026own'

/**
 * An account made as an operator makes one (`fabu user add … --password-file`), whose first
 * password must be changed: changed over the API of the running `fabu serve`, to keep stories
 * short. Answers a client signed in with the new password.
 */
export async function addServedAccount(
  folder: string,
  env: NodeJS.ProcessEnv,
  server: ServeProcess,
  userName: string,
  ...roleArgs: string[]
): Promise<ApiClient> {
  const passwordFile = join(folder, `${userName}.password`)
  await writeFile(passwordFile, PASSWORD)
  const added = await runFabu(
    folder,
    env,
    'user',
    'add',
    userName,
    ...roleArgs,
    '--password-file',
    passwordFile,
  )
  expect(added.code, added.stderr).toBe(0)
  const client = new ApiClient(server.adminUrl)
  expect((await client.signIn(userName)).status).toBe(201)
  const changed = await client.post('/api/session/password', {
    currentPassword: PASSWORD,
    newPassword: OWN_PASSWORD,
  })
  expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300)
  const fresh = new ApiClient(server.adminUrl)
  expect((await fresh.signIn(userName, OWN_PASSWORD)).status).toBe(201)
  return fresh
}

/** Signs `userName` in on the admin's sign-in screen of `page`, with OWN_PASSWORD. */
export async function signInOnPage(page: Page, adminUrl: string, userName: string): Promise<void> {
  await page.goto(`${adminUrl}/admin/`)
  await page.getByLabel('用户名').fill(userName)
  await page.getByLabel('密码', { exact: true }).fill(OWN_PASSWORD)
  await page.locator('button[type=submit]').click()
  await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 20_000 })
}
