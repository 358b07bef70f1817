import type { Principal } from '../content/index.ts'
import { type Case, isOpen } from './case.ts'
import { type AnswerType, answerTypeLabels, disclosureAnswers } from './case-inputs.ts'
import { listCases } from './case-service.ts'
import type { InteractionContext } from './interaction-context.ts'
import { listMailboxes } from './mailbox-service.ts'

/**
 * The figures of applications a year's 政府信息公开工作年度报告 reports (its table 3, in outline):
 * received, answered by type, still open at the report's day, corrections asked, extensions,
 * and answers given after the due day.
 */
export interface DisclosureReport {
  readonly year: number
  readonly received: number
  readonly answered: Readonly<Record<(typeof disclosureAnswers)[number], number>>
  readonly invalid: number
  readonly open: number
  readonly correctionsRequested: number
  readonly extended: number
  readonly answeredLate: number
  readonly overdueOpen: number
}

export async function disclosureReport(
  ic: InteractionContext,
  principal: Principal,
  siteId: number,
  year: number,
): Promise<DisclosureReport> {
  const boxes = (await listMailboxes(ic, principal, siteId)).filter(
    (mailbox) => mailbox.kind === 'disclosure',
  )
  const cases: Case[] = []
  for (const box of boxes) {
    const all = await listCases(ic, principal, { mailboxId: box.id, limit: 100_000 })
    cases.push(...all.filter((item) => item.receivedDay.startsWith(`${year}-`)))
  }
  const answered = Object.fromEntries(disclosureAnswers.map((type) => [type, 0])) as Record<
    (typeof disclosureAnswers)[number],
    number
  >
  let answeredLate = 0
  for (const item of cases) {
    if (item.status !== 'answered' || !item.answerType || item.answerType === 'reply') continue
    answered[item.answerType as (typeof disclosureAnswers)[number]]++
    // The due day is in the site's zone; a reply's instant is compared by its UTC day, a
    // difference of hours that only matters for replies sent after midnight on the due day.
    if (item.deadline.state === 'running' && (item.repliedAt ?? '').slice(0, 10) > item.deadline.dueDay)
      answeredLate++
  }
  return Object.freeze({
    year,
    received: cases.length,
    answered,
    invalid: cases.filter((item) => item.status === 'invalid').length,
    open: cases.filter((item) => isOpen(item.status)).length,
    correctionsRequested: cases.filter((item) => item.pauses.length > 0).length,
    extended: cases.filter((item) => item.extensionDays > 0).length,
    answeredLate,
    overdueOpen: cases.filter((item) => item.urgency === 'overdue').length,
  })
}

/** The report as rows of (label, figure), for a table or a CSV export. */
export function disclosureReportRows(report: DisclosureReport): readonly (readonly [string, number])[] {
  return [
    ['收到申请数 received', report.received],
    ...disclosureAnswers.map(
      (type) =>
        [`答复：${answerTypeLabels[type as AnswerType]} answered: ${type}`, report.answered[type]] as const,
    ),
    ['无效 invalid', report.invalid],
    ['尚未办结 open', report.open],
    ['要求补正 corrections requested', report.correctionsRequested],
    ['延期答复 extended', report.extended],
    ['逾期答复 answered late', report.answeredLate],
    ['已超期未答复 overdue and open', report.overdueOpen],
  ]
}

/** The report as CSV with a BOM (so Excel reads the Chinese labels); labels hold no formula characters. */
export function disclosureReportCsv(report: DisclosureReport): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
  const lines = [`${quote(`${report.year} 年 year`)},数量 count`]
  for (const [label, figure] of disclosureReportRows(report)) lines.push(`${quote(label)},${figure}`)
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
