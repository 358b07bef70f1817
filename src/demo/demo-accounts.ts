import { type Accounts, generatePassword, passwordPolicy } from '../accounts/index.ts'
import type { Principal, Role } from '../content/index.ts'

export interface DemoAccount {
  readonly userName: string
  readonly displayName: string
  readonly role: Role
  /** Set when the account was created now: shown once, never stored in clear. */
  readonly password: string | null
}

const DEMO_ACCOUNTS: readonly Omit<DemoAccount, 'password'>[] = [
  { userName: 'admin', displayName: '管理员', role: 'admin' },
  { userName: 'editor', displayName: '张编辑', role: 'editor' },
  { userName: 'reviewer', displayName: '李审核', role: 'reviewer' },
]

/**
 * An administrator, an editor and a reviewer of the demo site, so a newcomer can sign in at
 * once. Each gets a random password, printed once; there is no default password anywhere.
 */
export async function ensureDemoAccounts(
  accounts: Accounts,
  operator: Principal,
  siteId: number,
): Promise<readonly DemoAccount[]> {
  const existing = new Set((await accounts.users.list(operator)).map((user) => user.userName))
  const policy = passwordPolicy(accounts.options.passwordProfile)
  const result: DemoAccount[] = []
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.userName)) {
      result.push({ ...account, password: null })
      continue
    }
    const password = generatePassword(policy, { userName: account.userName })
    const user = await accounts.users.create(operator, {
      userName: account.userName,
      displayName: account.displayName,
      password,
      mustChangePassword: false,
    })
    await accounts.users.grant(operator, {
      userId: user.id,
      role: account.role,
      siteId: account.role === 'admin' ? null : siteId,
    })
    result.push({ ...account, password })
  }
  return result
}

export function describeDemoAccounts(accounts: readonly DemoAccount[]): string[] {
  const lines = ['示例账号（管理员、编辑、审核）/ demo accounts (administrator, editor, reviewer):']
  for (const account of accounts) {
    const secret =
      account.password ?? '（已存在，密码在首次启动时显示 / exists; its password was shown at first start）'
    lines.push(`  ${account.userName.padEnd(9)} ${account.displayName}  ${secret}`)
  }
  if (accounts.some((account) => account.password !== null)) {
    lines.push('  密码只显示这一次，请妥善保存 / these passwords are shown once: keep them')
  } else {
    lines.push('  忘记密码时 / forgot one: npm run fabu -- user reset-password <用户名 user>')
  }
  return lines
}
