import {
  canAdministerSecurity,
  canAdministerSystem,
  installationRoles,
  type Principal,
  perform,
  type Role,
  recordRefusal,
  roleLabels,
  type ServiceContext,
  validateInput,
} from '../content/index.ts'
import {
  AlreadyExistsError,
  type FabuError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors/index.ts'
import type { Tx } from '../store/index.ts'
import {
  type GrantInput,
  grantInputSchema,
  type UserInput,
  type UserPatch,
  userInputSchema,
  userPatchSchema,
} from './account-inputs.ts'
import { generatePassword } from './generate-password.ts'
import type { AccountsOptions } from './options.ts'
import { hashPassword } from './password-hash.ts'
import { checkPassword, passwordPolicy } from './password-policy.ts'
import { toUser, type User } from './user.ts'

/** An account as the users list shows it: its grants name their columns. */
export type UserWithNamedGrants = User & {
  readonly grants: readonly (User['grants'][number] & { readonly columnName: string | null })[]
}

export interface UserService {
  /** Every account, each grant with its column's name (for `编辑 · 示范站 · 通知公告`). */
  list(principal: Principal): Promise<readonly UserWithNamedGrants[]>
  get(principal: Principal, id: number): Promise<User>
  /** System administrators create accounts; the password must pass the policy. */
  create(principal: Principal, input: UserInput): Promise<User>
  update(principal: Principal, id: number, patch: UserPatch): Promise<User>
  /**
   * Security administrators reset a password: fabu draws a random one-time password, returned
   * here to be shown once, that only lets the user set their own (the administrator cannot
   * choose it, nor act as the user with it). Not for an account holding an administrative
   * role: the operator resets those with the CLI (三员分立, see `requireNoAdministrativeRole`).
   */
  resetPassword(principal: Principal, id: number): Promise<string>
  unlock(principal: Principal, id: number): Promise<User>
  grant(principal: Principal, input: GrantInput): Promise<User>
  revoke(principal: Principal, grantId: number): Promise<User>
}

/**
 * Roles that widen an account into administration: the installation roles and a site's
 * administrator. Granting them is guarded against account takeover (see `grant`).
 */
const administrativeRoles: readonly Role[] = [...installationRoles, 'site_admin']

export function userService(ctx: ServiceContext, options: AccountsOptions): UserService {
  const { store } = ctx
  const policy = passwordPolicy(options.passwordProfile)

  function requireSystem(principal: Principal) {
    if (!canAdministerSystem(principal.access))
      throw new ForbiddenError('管理用户账号', 'manage user accounts')
  }
  function requireSecurity(principal: Principal) {
    if (!canAdministerSecurity(principal.access))
      throw new ForbiddenError('管理授权和账号安全', 'manage grants and account security')
  }
  /** Those who administer accounts see them; everyone sees themselves. Refusals are audited. */
  async function requireSees(principal: Principal, id: number, action: string) {
    const { access } = principal
    if (access.userId !== id && !canAdministerSystem(access) && !canAdministerSecurity(access)) {
      await refuse(principal, action, id, new NotFoundError('user', id))
    }
  }

  async function refuse(
    principal: Principal,
    action: string,
    id: number | string,
    error: FabuError,
  ): Promise<never> {
    await recordRefusal(store, principal.actor, action, { type: 'user', id }, error, ctx.now())
    throw error
  }

  /**
   * 三员分立 holds only if no administrator can change their own account's powers, nor take
   * over another administrator's: installation roles and the accounts holding them are
   * managed by the operator at the server (the CLI), not through the API.
   */
  function requireMayManage(principal: Principal, target: User, zh: string, en: string) {
    if (principal.access.isOperator) return
    if (target.id === principal.access.userId)
      throw new ForbiddenError(`${zh}（自己的账号）`, `${en} (your own account)`)
    if (target.grants.some((grant) => installationRoles.includes(grant.role))) {
      throw new ForbiddenError(
        `${zh}（管理员账号只能在服务器上用命令行管理）`,
        `${en} (administrators' accounts are managed with the CLI on the server)`,
      )
    }
  }

  /**
   * 三员分立: whoever set an account's password could be signed in as it, so they may not also
   * widen it into administration. An administrative role therefore waits until the user has
   * replaced the password an administrator set, and never comes from the administrator whose
   * reset issued the one-time password (they could have used it first and set the next one);
   * another security administrator, or the operator at the server, grants it.
   */
  async function requireNoTakeover(tx: Tx, principal: Principal, target: User, role: Role) {
    if (principal.access.isOperator) return
    const label = roleLabels[role]
    if (target.mustChangePassword) {
      throw new ForbiddenError(
        `授予${label.zh}角色（该账号的密码由管理员设置，须等用户登录并设置自己的密码后再授予）`,
        `grant the ${label.en} role yet (an administrator set this account’s password; grant it once the user has set their own)`,
      )
    }
    const row = await tx
      .selectFrom('users')
      .select('password_reset_by')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow()
    if (row.password_reset_by === principal.actor.id) {
      throw new ForbiddenError(
        `授予${label.zh}角色（您重置过该账号的密码，须由另一位安全管理员或在服务器上用命令行授予）`,
        `grant the ${label.en} role (you reset this account’s password: another security administrator, or the operator with the CLI, must grant it)`,
      )
    }
  }

  /**
   * 三员分立, the other order: a reset hands the resetting administrator the account's powers
   * (they see the one-time password, sign in first and set the next one). An account holding an
   * administrative role is therefore reset by the operator with the CLI, never through the API.
   * Checking who granted the role would not do: a security administrator could still reset a
   * site administrator someone else (or the operator) made, and take over their site.
   * A security administrator who must reset such an account revokes the role first; the grant
   * rule above then keeps them from granting it back.
   */
  function requireNoAdministrativeRole(principal: Principal, target: User) {
    if (principal.access.isOperator) return
    const held = target.grants.find((grant) => administrativeRoles.includes(grant.role))
    if (held) {
      const label = roleLabels[held.role]
      throw new ForbiddenError(
        `重置此账号的密码（该账号有${label.zh}角色，其密码只能在服务器上用命令行重置）`,
        `reset this account’s password (it holds the ${label.en} role: its password is reset with the CLI on the server)`,
      )
    }
  }

  /** A random password the policy accepts; a draw that happens to look common is drawn again. */
  async function drawPassword(userName: string): Promise<string> {
    for (let draw = 1; ; draw++) {
      const password = generatePassword(policy, { userName })
      try {
        await checkPassword(policy, password, { userName })
        return password
      } catch (error) {
        if (draw >= 5) throw error
      }
    }
  }

  return {
    async list(principal) {
      if (!canAdministerSystem(principal.access) && !canAdministerSecurity(principal.access)) {
        await refuse(principal, 'user.list', '', new ForbiddenError('查看用户列表', 'list users'))
      }
      const rows = await store.db.selectFrom('users').selectAll().orderBy('id').execute()
      const grants = await store.db.selectFrom('grants').selectAll().orderBy('id').execute()
      const columnIds = [
        ...new Set(grants.flatMap((grant) => (grant.column_id === null ? [] : [grant.column_id]))),
      ]
      const columns =
        columnIds.length === 0
          ? []
          : await store.db.selectFrom('columns').select(['id', 'name']).where('id', 'in', columnIds).execute()
      const columnName = new Map(columns.map((column) => [column.id, column.name]))
      return rows.map((row) => {
        const user = toUser(
          row,
          grants.filter((grant) => grant.user_id === row.id),
        )
        return {
          ...user,
          grants: user.grants.map((grant) => ({
            ...grant,
            columnName: grant.columnId === null ? null : (columnName.get(grant.columnId) ?? null),
          })),
        }
      })
    },

    async get(principal, id) {
      await requireSees(principal, id, 'user.get')
      return readUser(store.db, id)
    },

    create(principal, input) {
      return perform(ctx, principal.actor, 'user.create', { type: 'user' }, async (tx, now) => {
        requireSystem(principal)
        const values = validateInput(userInputSchema, input)
        const taken = await tx
          .selectFrom('users')
          .select('id')
          .where('user_name', '=', values.userName)
          .executeTakeFirst()
        if (taken) throw new AlreadyExistsError('userName', values.userName)
        await checkPassword(policy, values.password, { userName: values.userName })
        const hash = await hashPassword(values.password)
        const { id } = await tx
          .insertInto('users')
          .values({
            user_name: values.userName,
            display_name: values.displayName,
            password_hash: hash,
            password_changed_at: now,
            must_change_password: values.mustChangePassword,
            disabled: false,
            failed_sign_ins: 0,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await tx
          .insertInto('password_history')
          .values({ user_id: id, password_hash: hash, created_at: now })
          .execute()
        return { value: await readUser(tx, id), targetId: id, detail: { userName: values.userName } }
      })
    },

    update(principal, id, patch) {
      return perform(ctx, principal.actor, 'user.update', { type: 'user', id }, async (tx, now) => {
        requireSystem(principal)
        const values = validateInput(userPatchSchema, patch)
        requireMayManage(principal, await readUser(tx, id), '修改此账号', 'change this account')
        await tx
          .updateTable('users')
          .set({ display_name: values.displayName, disabled: values.disabled, updated_at: now })
          .where('id', '=', id)
          .execute()
        if (values.disabled) await endSessions(tx, id, now)
        return { value: await readUser(tx, id), targetId: id, detail: values }
      })
    },

    resetPassword(principal, id) {
      return perform(ctx, principal.actor, 'user.resetPassword', { type: 'user', id }, async (tx, now) => {
        requireSecurity(principal)
        const user = await readUser(tx, id)
        requireMayManage(principal, user, '重置此账号的密码', 'reset this account’s password')
        requireNoAdministrativeRole(principal, user)
        const password = await drawPassword(user.userName)
        const hash = await hashPassword(password)
        await tx
          .updateTable('users')
          .set({
            password_hash: hash,
            password_changed_at: now,
            must_change_password: true,
            // Kept after the user sets their own password: this administrator saw the one-time
            // password, and whoever signed in with it first set the next one.
            password_reset_by: principal.actor.id,
            failed_sign_ins: 0,
            locked_until: null,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute()
        await tx
          .insertInto('password_history')
          .values({ user_id: id, password_hash: hash, created_at: now })
          .execute()
        await endSessions(tx, id, now)
        return { value: password, targetId: id }
      })
    },

    unlock(principal, id) {
      return perform(ctx, principal.actor, 'user.unlock', { type: 'user', id }, async (tx, now) => {
        requireSecurity(principal)
        await readUser(tx, id)
        await tx
          .updateTable('users')
          .set({ failed_sign_ins: 0, locked_until: null, updated_at: now })
          .where('id', '=', id)
          .execute()
        return { value: await readUser(tx, id), targetId: id }
      })
    },

    grant(principal, input) {
      return perform(
        ctx,
        principal.actor,
        'user.grant',
        { type: 'user', id: input.userId },
        async (tx, now) => {
          requireSecurity(principal)
          const values = validateInput(grantInputSchema, input)
          const target = await readUser(tx, values.userId)
          requireMayManage(principal, target, '更改此账号的角色', 'change this account’s roles')
          if (installationRoles.includes(values.role) && !principal.access.isOperator) {
            throw new ForbiddenError(
              `授予${roleLabels[values.role].zh}角色（只能在服务器上用命令行授予）`,
              `grant the ${roleLabels[values.role].en} role (granted with the CLI on the server only)`,
            )
          }
          if (administrativeRoles.includes(values.role))
            await requireNoTakeover(tx, principal, target, values.role)
          await checkGrantScope(tx, values)
          await tx
            .insertInto('grants')
            .values({
              user_id: values.userId,
              role: values.role,
              site_id: values.siteId,
              column_id: values.columnId,
              review_level: values.reviewLevel,
              created_by: principal.actor.name,
              created_at: now,
            })
            .execute()
          // A role change takes effect at once: the user signs in again under the new roles.
          await endSessions(tx, values.userId, now)
          return { value: await readUser(tx, values.userId), targetId: values.userId, detail: values }
        },
      )
    },

    revoke(principal, grantId) {
      return perform(ctx, principal.actor, 'user.revoke', { type: 'grant', id: grantId }, async (tx, now) => {
        requireSecurity(principal)
        const grant = await tx.selectFrom('grants').selectAll().where('id', '=', grantId).executeTakeFirst()
        if (!grant) throw new NotFoundError('grant', grantId)
        requireMayManage(
          principal,
          await readUser(tx, grant.user_id),
          '更改此账号的角色',
          'change this account’s roles',
        )
        await tx.deleteFrom('grants').where('id', '=', grantId).execute()
        await endSessions(tx, grant.user_id, now)
        return {
          value: await readUser(tx, grant.user_id),
          targetId: grantId,
          detail: {
            userId: grant.user_id,
            role: grant.role,
            siteId: grant.site_id,
            columnId: grant.column_id,
          },
        }
      })
    },
  }
}

export async function readUser(db: Pick<Tx, 'selectFrom'>, id: number): Promise<User> {
  const row = Number.isSafeInteger(id)
    ? await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw new NotFoundError('user', id)
  const grants = await db.selectFrom('grants').selectAll().where('user_id', '=', id).orderBy('id').execute()
  return toUser(row, grants)
}

export async function endSessions(tx: Tx, userId: number, now: string, except?: string): Promise<void> {
  let update = tx
    .updateTable('sessions')
    .set({ ended_at: now })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
  if (except !== undefined) update = update.where('id', '!=', except)
  await update.execute()
}

/** Installation roles take no site; reviewer levels only for reviewers; the column must be the site's. */
async function checkGrantScope(tx: Tx, grant: ReturnType<typeof grantInputSchema.parse>) {
  const label = roleLabels[grant.role]
  if (installationRoles.includes(grant.role) && (grant.siteId !== null || grant.columnId !== null)) {
    throw new ValidationError(
      'siteId',
      `${label.zh}的授权适用于整个系统，不能限定站点`,
      `${label.en} is granted installation-wide, without a site`,
    )
  }
  if (grant.reviewLevel !== null && grant.role !== 'reviewer') {
    throw new ValidationError('reviewLevel', '只有审核员有审核级别', 'only reviewers have a review level')
  }
  if (grant.columnId !== null) {
    if (grant.role === 'site_admin') {
      throw new ValidationError(
        'columnId',
        '站点管理员的授权不能限定栏目',
        'a site administrator is granted a whole site',
      )
    }
    const column = await tx
      .selectFrom('columns')
      .select('site_id')
      .where('id', '=', grant.columnId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!column || column.site_id !== grant.siteId) {
      throw new ValidationError(
        'columnId',
        `栏目 ${grant.columnId} 不属于所选站点`,
        `column ${grant.columnId} is not in the chosen site`,
      )
    }
  }
  if (grant.siteId !== null) {
    const site = await tx.selectFrom('sites').select('id').where('id', '=', grant.siteId).executeTakeFirst()
    if (!site)
      throw new ValidationError(
        'siteId',
        `站点 ${grant.siteId} 不存在`,
        `site ${grant.siteId} does not exist`,
      )
  }
}
