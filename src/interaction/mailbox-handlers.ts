import { canAdministerSecurity, canManageSite, type Principal, perform } from '../content/index.ts'
import { ForbiddenError } from '../errors/index.ts'
import { type InteractionContext, loadMailbox, refuse } from './interaction-context.ts'

/** Who answers a mailbox: the user, and the review level they approve at (null: handles only). */
export interface MailboxHandler {
  readonly userId: number
  readonly userName: string
  readonly displayName: string
  readonly reviewLevel: number | null
}

async function mayManageHandlers(
  ic: InteractionContext,
  principal: Principal,
  mailboxId: number,
  action: string,
) {
  const mailbox = await loadMailbox(ic.store, mailboxId)
  if (!canManageSite(principal.access, mailbox.siteId) && !canAdministerSecurity(principal.access))
    await refuse(
      ic,
      principal,
      action,
      { type: 'mailbox', id: mailboxId },
      new ForbiddenError('管理此信箱的办理人', "manage this mailbox's handlers"),
    )
}

/** The mailbox's handlers, for those who grant them (site administrators, the security administrator). */
export async function listHandlers(
  ic: InteractionContext,
  principal: Principal,
  mailboxId: number,
): Promise<readonly MailboxHandler[]> {
  await mayManageHandlers(ic, principal, mailboxId, 'mailbox.handlers')
  const rows = await ic.store.db
    .selectFrom('mailbox_handlers')
    .innerJoin('users', 'users.id', 'mailbox_handlers.user_id')
    .select(['users.id', 'users.user_name', 'users.display_name', 'mailbox_handlers.review_level'])
    .where('mailbox_handlers.mailbox_id', '=', mailboxId)
    .orderBy('users.user_name')
    .execute()
  return rows.map((row) =>
    Object.freeze({
      userId: row.id,
      userName: row.user_name,
      displayName: row.display_name,
      reviewLevel: row.review_level,
    }),
  )
}

/** Takes the mailbox (and its personal data) away from a user; audited. */
export async function revokeHandler(
  ic: InteractionContext,
  principal: Principal,
  mailboxId: number,
  userId: number,
): Promise<void> {
  await mayManageHandlers(ic, principal, mailboxId, 'mailbox.revoke')
  await perform(
    ic.service,
    principal.actor,
    'mailbox.revoke',
    { type: 'mailbox', id: mailboxId },
    async (tx) => {
      await tx
        .deleteFrom('mailbox_handlers')
        .where('mailbox_id', '=', mailboxId)
        .where('user_id', '=', userId)
        .execute()
      return { value: undefined, targetId: mailboxId, detail: { userId } }
    },
  )
}
