import type { Selectable } from 'kysely'
import { type Principal, perform } from '../content/index.ts'
import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import type { CasesTable } from '../store/index.ts'
import { type Case, type CaseStatus, type PersonalData, toCase } from './case.ts'
import {
  type InteractionContext,
  loadMailbox,
  mayReadPersonal,
  maySee,
  refuse,
} from './interaction-context.ts'
import type { Mailbox } from './mailbox.ts'
import { dayIn, siteTimeZone } from './site-day.ts'
import { loadCalendar } from './work-calendar.ts'

export type CaseRow = Selectable<CasesTable>

export async function caseRow(ic: InteractionContext, id: number): Promise<CaseRow | undefined> {
  return ic.store.db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', Number.isSafeInteger(id) ? id : 0)
    .executeTakeFirst()
}

export async function today(ic: InteractionContext, siteId: number): Promise<string> {
  return dayIn(ic.now(), await siteTimeZone(ic.store.db, siteId))
}

/** The case if the principal may see it; else NOT_FOUND, exactly as for no case. */
export async function visibleCase(
  ic: InteractionContext,
  principal: Principal,
  id: number,
  action: string,
): Promise<{ row: CaseRow; mailbox: Mailbox }> {
  const row = await caseRow(ic, id)
  const mailbox = row ? await loadMailbox(ic.store, row.mailbox_id) : undefined
  if (!row || !mailbox || !(await maySee(ic.store, principal, mailbox)))
    return refuse(ic, principal, action, { type: 'case', id }, new NotFoundError('case', id))
  return { row, mailbox }
}

export async function getCase(ic: InteractionContext, principal: Principal, id: number): Promise<Case> {
  const { row } = await visibleCase(ic, principal, id, 'case.get')
  return toCase(row, await loadCalendar(ic.store), await today(ic, row.site_id))
}

/**
 * The personal data of a case, decrypted: for the mailbox's handlers and auditors only, and
 * every read (granted or refused) is in the audit log.
 */
export async function readPersonalData(
  ic: InteractionContext,
  principal: Principal,
  id: number,
): Promise<PersonalData> {
  const { row, mailbox } = await visibleCase(ic, principal, id, 'case.personal.read')
  if (!(await mayReadPersonal(ic.store, principal, mailbox))) {
    await refuse(
      ic,
      principal,
      'case.personal.read',
      { type: 'case', id },
      new ForbiddenError('查看来信人的个人信息', "read the sender's personal data"),
    )
  }
  const open = (sealed: string | null, field: string) =>
    sealed === null ? null : ic.cipher.open(sealed, `case:${row.query_code}:${field}`)
  return perform(ic.service, principal.actor, 'case.personal.read', { type: 'case', id }, async () => ({
    value: Object.freeze({
      name: open(row.name_sealed, 'name'),
      phone: open(row.phone_sealed, 'phone'),
      email: open(row.email_sealed, 'email'),
      idNumber: open(row.id_number_sealed, 'idNumber'),
    }),
    targetId: id,
    detail: { fields: ['name', 'phone', 'email', 'idNumber'] },
  }))
}

export interface CaseQuery {
  readonly siteId?: number | undefined
  readonly mailboxId?: number | undefined
  readonly status?: CaseStatus | undefined
  /** Only open cases past their due day. */
  readonly isOverdue?: boolean | undefined
  readonly limit?: number | undefined
}

/** The cases the principal may see, newest first, each with its deadline and urgency. */
export async function listCases(
  ic: InteractionContext,
  principal: Principal,
  query: CaseQuery,
): Promise<readonly Case[]> {
  let mailboxes = ic.store.db.selectFrom('mailboxes').select('id')
  if (query.siteId !== undefined) mailboxes = mailboxes.where('site_id', '=', query.siteId)
  if (query.mailboxId !== undefined) mailboxes = mailboxes.where('id', '=', query.mailboxId)
  const visible: number[] = []
  for (const { id } of await mailboxes.execute()) {
    if (await maySee(ic.store, principal, await loadMailbox(ic.store, id))) visible.push(id)
  }
  if (visible.length === 0) return []
  let rows = ic.store.db.selectFrom('cases').selectAll().where('mailbox_id', 'in', visible)
  if (query.status) rows = rows.where('status', '=', query.status)
  if (query.isOverdue) rows = rows.where('status', 'not in', ['answered', 'invalid'])
  const found = await rows
    .orderBy('id', 'desc')
    .limit(query.limit ?? 500)
    .execute()
  const calendar = await loadCalendar(ic.store)
  const days = new Map<number, string>()
  const cases: Case[] = []
  for (const row of found) {
    if (!days.has(row.site_id)) days.set(row.site_id, await today(ic, row.site_id))
    const item = toCase(row, calendar, days.get(row.site_id) ?? '')
    if (!query.isOverdue || item.urgency === 'overdue') cases.push(item)
  }
  return cases
}
