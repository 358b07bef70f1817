import type { Command } from 'commander'
import { generatePassword, passwordPolicy, type User } from '../../accounts/index.ts'
import { roleLabels, roles } from '../../content/index.ts'
import { NotFoundError, ValidationError } from '../../errors/index.ts'
import { type App, withApp } from '../open-app.ts'
import { positiveInt, readInputFile, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

interface UserAddOptions {
  data: string
  json?: boolean
  name?: string
  admin?: boolean
  role?: string
  site?: string
  column?: number
  level?: number
  passwordFile?: string
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('用户账号与授权 / user accounts and grants')

  withCommonOptions(
    user
      .command('add <userName>')
      .description(
        '创建账号；未给出密码时生成一次性随机密码并只显示这一次 / create an account; without a password file a random one is printed once',
      )
      .option('--name <displayName>', '姓名 / display name')
      .option('--admin', '授予管理员角色（首个管理员由此创建）/ grant the administrator role')
      .option('--role <role>', `授予角色 / grant a role: ${roles.join(', ')}`)
      .option('--site <site>', '角色所属站点 ID 或代号 / the site of the role')
      .option('--column <id>', '角色限定的栏目 ID（含下级）/ limit the role to a column subtree', positiveInt)
      .option('--level <n>', '审核员的审核级别 1–3 / a reviewer’s level', positiveInt)
      .option(
        '--password-file <path>',
        '从文件（- 为标准输入）读取密码 / read the password from a file (- for stdin)',
      ),
  ).action(async (userName: string, options: UserAddOptions) => {
    await withApp(options.data, async (app) => {
      const chosen = options.passwordFile
        ? readInputFile(options.passwordFile, '--password-file').replace(/\r?\n$/, '')
        : null
      const password =
        chosen ?? generatePassword(passwordPolicy(app.config.accounts.passwordProfile), { userName })
      const created = await app.accounts.users.create(app.operator, {
        userName,
        displayName: options.name ?? userName,
        password,
        mustChangePassword: true,
      })
      const withRoles = await grantRoles(app, created.id, options)
      if (options.json) return printJson({ ...withRoles, ...(chosen ? {} : { password }) })
      print(`已创建用户 / created user ${withRoles.userName} (ID ${withRoles.id})`)
      for (const grant of withRoles.grants) print(`  角色 / role: ${describeGrant(grant)}`)
      if (!chosen) {
        print(`  初始密码 / initial password: ${password}`)
        print('  此密码只显示这一次，首次登录后须修改 / shown this once; it must be changed at first sign-in')
      }
    })
  })

  withCommonOptions(user.command('list').description('列出账号 / list accounts')).action(
    async (options: { data: string; json?: boolean }) => {
      await withApp(options.data, async (app) => {
        const users = await app.accounts.users.list(app.operator)
        if (options.json) return printJson(users)
        print(
          formatTable(
            ['ID', '用户名 user', '姓名 name', '角色 roles', '状态 state'],
            users.map((u) => [
              u.id,
              u.userName,
              u.displayName,
              u.grants.map(describeGrant).join('; '),
              stateOf(u),
            ]),
          ),
        )
      })
    },
  )

  withCommonOptions(user.command('unlock <user>').description('解除登录失败锁定 / unlock an account'), {
    json: false,
  }).action(async (ref: string, options: { data: string }) => {
    await withApp(options.data, async (app) => {
      const unlocked = await app.accounts.users.unlock(app.operator, await userId(app, ref))
      print(`已解锁 / unlocked ${unlocked.userName}`)
    })
  })

  withCommonOptions(
    user
      .command('reset-password <user>')
      .description('设置新的随机密码（只显示一次，登录后须修改）/ set a new random password, shown once'),
    { json: false },
  ).action(async (ref: string, options: { data: string }) => {
    await withApp(options.data, async (app) => {
      const id = await userId(app, ref)
      const target = await app.accounts.users.get(app.operator, id)
      const password = await app.accounts.users.resetPassword(app.operator, id)
      print(`${target.userName} 的新密码 / new password: ${password}`)
      print('只显示这一次，登录后须修改 / shown this once; it must be changed at sign-in')
    })
  })
}

/** A user by id or by user name. */
async function userId(app: App, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return positiveInt(ref)
  const found = (await app.accounts.users.list(app.operator)).find((u) => u.userName === ref.toLowerCase())
  if (!found) throw new NotFoundError('user', ref)
  return found.id
}

async function grantRoles(app: App, userId: number, options: UserAddOptions): Promise<User> {
  let latest = await app.accounts.users.get(app.operator, userId)
  const wanted = [...(options.admin ? ['admin'] : []), ...(options.role ? [options.role] : [])]
  for (const role of wanted) {
    if (!(roles as readonly string[]).includes(role)) {
      throw new ValidationError(
        '--role',
        `未知角色 ${role}`,
        `unknown role ${role}; use one of ${roles.join(', ')}`,
      )
    }
    const siteId = role !== 'admin' && options.site ? (await resolveSite(app.content, options.site)).id : null
    latest = await app.accounts.users.grant(app.operator, {
      userId,
      role: role as (typeof roles)[number],
      siteId,
      columnId: role === 'admin' ? null : (options.column ?? null),
      reviewLevel: role === 'reviewer' ? (options.level ?? null) : null,
    })
  }
  return latest
}

function describeGrant(grant: User['grants'][number]): string {
  const label = roleLabels[grant.role]
  const scope = [
    grant.siteId === null ? '' : `site ${grant.siteId}`,
    grant.columnId === null ? '' : `column ${grant.columnId}`,
    grant.reviewLevel === null ? '' : `level ${grant.reviewLevel}`,
  ].filter(Boolean)
  return `${label.zh} ${label.en}${scope.length ? ` (${scope.join(', ')})` : ''}`
}

function stateOf(user: User): string {
  if (user.disabled) return '停用 disabled'
  if (user.lockedUntil && user.lockedUntil > new Date().toISOString()) return '锁定 locked'
  return '正常 active'
}
