import { perform, systemActor } from '../content/index.ts'
import type { InteractionContext } from './interaction-context.ts'
import { lookupCase, normaliseQueryCode, type PublicCaseStatus } from './submit-case.ts'

/**
 * A copy of one case for the person who sent it (个人信息保护法 第四十五条: a person may get a
 * copy of their personal data): what they submitted, their own contact details as stored, and
 * the answer once it went out. Nothing the office keeps for itself (drafts, handlers, notes).
 */
export interface ApplicantCopy extends PublicCaseStatus {
  readonly personal: {
    readonly name: string | null
    readonly phone: string | null
    readonly email: string | null
    readonly idNumber: string | null
  }
}

export type CopyFormat = 'json' | 'txt'

/**
 * The copy, behind the same check as the status page (the query code and the last four digits
 * of the phone; null for either wrong). Each copy handed out is in the audit log, with the
 * address it went to.
 */
export async function applicantCopy(
  ic: InteractionContext,
  siteId: number,
  code: string,
  phoneLast4: string,
  format: CopyFormat,
  address: string,
): Promise<ApplicantCopy | null> {
  const status = await lookupCase(ic, siteId, code, phoneLast4)
  if (!status) return null
  const queryCode = normaliseQueryCode(code)
  const row = await ic.store.db
    .selectFrom('cases')
    .select(['id', 'name_sealed', 'phone_sealed', 'email_sealed', 'id_number_sealed'])
    .where('query_code', '=', queryCode)
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow()
  const open = (sealed: string | null, field: string) =>
    sealed === null ? null : ic.cipher.open(sealed, `case:${queryCode}:${field}`)
  const visitor = { ...systemActor('visitor'), address }
  return perform(ic.service, visitor, 'case.applicant.copy', { type: 'case', id: row.id }, async () => ({
    value: Object.freeze({
      ...status,
      personal: Object.freeze({
        name: open(row.name_sealed, 'name'),
        phone: open(row.phone_sealed, 'phone'),
        email: open(row.email_sealed, 'email'),
        idNumber: open(row.id_number_sealed, 'idNumber'),
      }),
    }),
    targetId: row.id,
    detail: { format },
  }))
}

/** The copy as plain text, one labelled field a line, long texts under their heading. */
export function applicantCopyText(copy: ApplicantCopy): string {
  const line = (label: string, value: string | null) => `${label}：${value ?? ''}`
  return [
    line('查询码', copy.queryCode),
    line('信箱', copy.mailboxName),
    line('受理日期', copy.receivedDay),
    line('状态', copy.statusLabel),
    line('姓名', copy.personal.name),
    line('电话', copy.personal.phone),
    line('电子邮箱', copy.personal.email),
    line('证件号码', copy.personal.idNumber),
    '',
    line('标题', copy.subject),
    '内容：',
    copy.content,
    '',
    ...(copy.reply
      ? [
          line('答复时间', copy.repliedAt?.slice(0, 10) ?? null),
          ...(copy.answerLabel ? [line('答复类型', copy.answerLabel)] : []),
          '答复：',
          copy.reply,
          ...(copy.answerReason ? ['', line('理由和依据', copy.answerReason)] : []),
        ]
      : copy.answerReason
        ? [line('需要补正', copy.answerReason)]
        : ['尚未答复。']),
    '',
  ].join('\n')
}
