import { canAdministerSystem, type Principal, perform } from '../content/index.ts'
import { ForbiddenError } from '../errors/index.ts'
import { type InteractionContext, refuse } from './interaction-context.ts'

export interface EraseResult {
  readonly erased: number
}

/**
 * Erases the personal data of closed cases kept past their mailbox's retention (个人信息保护法
 * art. 19): the sealed name, phone, e-mail and ID number go; the case, its reply and the
 * masked name that may be published stay, so the record of the answer remains.
 */
export async function eraseExpiredPersonalData(
  ic: InteractionContext,
  principal: Principal,
): Promise<EraseResult> {
  if (!canAdministerSystem(principal.access))
    await refuse(
      ic,
      principal,
      'case.personal.erase',
      { type: 'case', id: '' },
      new ForbiddenError('清除到期的个人信息', 'erase expired personal data'),
    )
  return perform(
    ic.service,
    principal.actor,
    'case.personal.erase',
    { type: 'case', id: '' },
    async (tx, now) => {
      const candidates = await tx
        .selectFrom('cases')
        .innerJoin('mailboxes', 'mailboxes.id', 'cases.mailbox_id')
        .select(['cases.id', 'cases.replied_at', 'cases.updated_at', 'mailboxes.retention_days'])
        .where('cases.status', 'in', ['answered', 'invalid'])
        .where('cases.personal_erased_at', 'is', null)
        .execute()
      const expired = candidates
        .filter((row) => {
          const closedAt = Date.parse(row.replied_at ?? row.updated_at)
          return closedAt + row.retention_days * 86_400_000 <= Date.parse(now)
        })
        .map((row) => row.id)
      for (let start = 0; start < expired.length; start += 500) {
        await tx
          .updateTable('cases')
          .set({
            name_sealed: null,
            phone_sealed: null,
            email_sealed: null,
            id_number_sealed: null,
            personal_erased_at: now,
          })
          .where('id', 'in', expired.slice(start, start + 500))
          .execute()
      }
      return {
        value: Object.freeze({ erased: expired.length }),
        targetId: '',
        detail: { erased: expired.length, ids: expired },
      }
    },
  )
}
