import type { PersonalDataKeyring } from '../config/index.ts'
import {
  canManageSite,
  canReadAudit,
  type Principal,
  recordRefusal,
  type ServiceContext,
  type WordingGate,
} from '../content/index.ts'
import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import { type Mailbox, toMailbox } from './mailbox.ts'
import { NoticeQueue, type Notifier } from './notifier.ts'
import { PersonalDataCipher } from './personal-data-cipher.ts'

export interface InteractionOptions {
  readonly keys: PersonalDataKeyring
  /** The clock; tests move it. */
  readonly now?: () => Date
  /** E-mail notices (new cases, reminders, answers); none without it. */
  readonly notifier?: Notifier | null
  /** 错敏词 screening of answers before they go out (the checks folder's gate); none without it. */
  readonly wordingGate?: WordingGate
  /** Told of a notice that could not be sent; the change it told of stands. */
  readonly onNoticeError?: (error: unknown) => void
}

/** What every interaction service call works with. */
export interface InteractionContext {
  readonly store: Store
  /** The content services' context, for `perform` (one transaction with its audit record). */
  readonly service: ServiceContext
  readonly cipher: PersonalDataCipher
  readonly notices: NoticeQueue
  now(): string
}

export function createInteractionContext(
  store: Store,
  service: ServiceContext,
  options: InteractionOptions,
): InteractionContext {
  const clock = options.now ?? (() => new Date())
  return {
    store,
    service,
    cipher: new PersonalDataCipher(options.keys),
    notices: new NoticeQueue(options.notifier ?? null, options.onNoticeError ?? (() => {})),
    now: () => clock().toISOString(),
  }
}

export async function loadMailbox(store: Store, id: number): Promise<Mailbox> {
  const row = await store.db
    .selectFrom('mailboxes')
    .selectAll()
    .where('id', '=', Number.isSafeInteger(id) ? id : 0)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('mailbox', id)
  return toMailbox(row)
}

/** The user's handler grant on the mailbox, if any. */
async function handlerGrant(store: Store, principal: Principal, mailboxId: number) {
  const { userId } = principal.access
  if (userId === null) return undefined
  return store.db
    .selectFrom('mailbox_handlers')
    .select('review_level')
    .where('mailbox_id', '=', mailboxId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/** Handles the mailbox's cases (assign, reply, mark invalid): its handlers and the site's administrators. */
export async function mayHandle(store: Store, principal: Principal, mailbox: Mailbox): Promise<boolean> {
  return (
    canManageSite(principal.access, mailbox.siteId) ||
    (await handlerGrant(store, principal, mailbox.id)) !== undefined
  )
}

/**
 * Reads the public's personal data: only the mailbox's handlers and the audit administrator
 * (and the operator at the machine). Administering the site does not open it (个人信息保护法:
 * least access).
 */
export async function mayReadPersonal(
  store: Store,
  principal: Principal,
  mailbox: Mailbox,
): Promise<boolean> {
  return canReadAudit(principal.access) || (await handlerGrant(store, principal, mailbox.id)) !== undefined
}

/** Sees the mailbox's cases at all. */
export async function maySee(store: Store, principal: Principal, mailbox: Mailbox): Promise<boolean> {
  return canReadAudit(principal.access) || (await mayHandle(store, principal, mailbox))
}

/** Approves a reply at `level`: a handler granted that level (or every level), or a site administrator. */
export async function mayApprove(
  store: Store,
  principal: Principal,
  mailbox: Mailbox,
  level: number,
): Promise<boolean> {
  if (canManageSite(principal.access, mailbox.siteId)) return true
  const grant = await handlerGrant(store, principal, mailbox.id)
  return grant !== undefined && grant.review_level !== null && grant.review_level === level
}

/** A refused attempt is audited like a failed one, then thrown. */
/**
 * Refuses, audited, anyone who may not administer the site: the rule for setting up its
 * mailboxes, consultations and questionnaires.
 */
export async function requireSiteManager(
  ic: InteractionContext,
  principal: Principal,
  siteId: number,
  action: string,
  target: { readonly type: string; readonly id: string | number },
): Promise<void> {
  if (!canManageSite(principal.access, siteId))
    await refuse(ic, principal, action, target, new ForbiddenError('管理此站点', 'administer this site'))
}

export async function refuse(
  ic: InteractionContext,
  principal: Principal,
  action: string,
  target: { readonly type: string; readonly id: string | number },
  error: Error,
): Promise<never> {
  await recordRefusal(ic.store, principal.actor, action, target, error, ic.now())
  throw error
}
