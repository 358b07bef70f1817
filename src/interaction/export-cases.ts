import { type Principal, perform } from '../content/index.ts'
import { ForbiddenError } from '../errors/index.ts'
import { caseStatusLabels } from './case.ts'
import { type CaseQuery, listCases } from './case-service.ts'
import { type InteractionContext, loadMailbox, mayReadPersonal, refuse } from './interaction-context.ts'

/**
 * A cell as a spreadsheet should read it: quoted when needed, and text that starts like a
 * formula (=, +, -, @, tab, CR) led by an apostrophe so it never runs as one.
 */
function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The cases the principal sees as CSV (UTF-8 with BOM, for Excel). Personal data only when
 * asked for and only where the principal may read it (every mailbox of the export), and the
 * export is in the audit log either way, with how many cases and whether it held personal data.
 */
export async function exportCases(
  ic: InteractionContext,
  principal: Principal,
  query: CaseQuery,
  withPersonal: boolean,
): Promise<string> {
  const cases = await listCases(ic, principal, { ...query, limit: query.limit ?? 10_000 })
  if (withPersonal) {
    for (const mailboxId of new Set(cases.map((item) => item.mailboxId))) {
      if (!(await mayReadPersonal(ic.store, principal, await loadMailbox(ic.store, mailboxId))))
        await refuse(
          ic,
          principal,
          'case.export',
          { type: 'mailbox', id: mailboxId },
          new ForbiddenError('导出来信人的个人信息', "export the senders' personal data"),
        )
    }
  }
  const header = [
    '编号 id',
    '查询码 code',
    '信箱 mailbox',
    '标题 subject',
    '内容 content',
    '来信人 sender',
    ...(withPersonal ? ['姓名 name', '电话 phone', '邮箱 e-mail', '证件号 ID number'] : []),
    '状态 status',
    '收到 received',
    '期限 due',
    '办理单位 department',
    '答复 reply',
    '答复日期 replied',
  ]
  const lines = [header.map(cell).join(',')]
  const mailboxNames = new Map<number, string>()
  for (const item of cases) {
    if (!mailboxNames.has(item.mailboxId))
      mailboxNames.set(item.mailboxId, (await loadMailbox(ic.store, item.mailboxId)).name)
    let personal: (string | null)[] = []
    if (withPersonal) {
      const row = await ic.store.db
        .selectFrom('cases')
        .select(['query_code', 'name_sealed', 'phone_sealed', 'email_sealed', 'id_number_sealed'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow()
      const open = (sealed: string | null, field: string) =>
        sealed === null ? null : ic.cipher.open(sealed, `case:${row.query_code}:${field}`)
      personal = [
        open(row.name_sealed, 'name'),
        open(row.phone_sealed, 'phone'),
        open(row.email_sealed, 'email'),
        open(row.id_number_sealed, 'idNumber'),
      ]
    }
    lines.push(
      [
        item.id,
        item.queryCode,
        mailboxNames.get(item.mailboxId) ?? '',
        item.subject,
        item.content,
        item.nameMasked,
        ...personal,
        caseStatusLabels[item.status],
        item.receivedDay,
        item.deadline.state === 'running' ? item.deadline.dueDay : '补正中 paused',
        item.department,
        item.reply,
        item.repliedAt,
      ]
        .map(cell)
        .join(','),
    )
  }
  return perform(
    ic.service,
    principal.actor,
    'case.export',
    { type: 'cases', id: query.siteId ?? 'all' },
    async () => ({
      value: `\uFEFF${lines.join('\r\n')}\r\n`,
      targetId: query.siteId ?? 'all',
      detail: { count: cases.length, withPersonal },
    }),
  )
}
