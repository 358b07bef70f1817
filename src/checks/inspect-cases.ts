import type { Principal } from '../content/index.ts'
import type { InspectionItem } from './inspection-item.ts'

/** An open letter or 依申请公开 application past its due day, as 政民互动 reports it. */
export interface OverdueCase {
  readonly id: number
  readonly subject: string
  /** The mailbox's name, `书记信箱`, `依申请公开`. */
  readonly mailbox: string
  readonly isDisclosure: boolean
  readonly receivedAt: string
  readonly dueDay: string
}

/** 单项否决: a message of the public left unanswered for over three months. */
export const UNANSWERED_DAYS_TO_FAIL = 90

/**
 * 互动回应: cases past their deadline warn; one unanswered for three months fails the site.
 * `null` cases: 政民互动 is not set up here, so nothing could be checked.
 */
export function inspectCases(cases: readonly OverdueCase[] | null, now: string): InspectionItem {
  const title = {
    zh: '留言和依申请公开办理时限（超期未答复；3 个月以上未答复为否决）',
    en: 'letters and disclosure applications answered in time (over three months unanswered fails)',
  }
  const fix = {
    zh: '在“政民互动”中尽快答复或延期（依申请公开须写明理由）',
    en: 'answer these cases in 政民互动 or extend them (with the reason, for disclosure applications)',
  }
  if (cases === null)
    return {
      rule: 'overdue-cases',
      title,
      isSingleVeto: true,
      status: 'skip',
      evidence: [],
      fix,
      note: '未启用政民互动 / 政民互动 is not set up',
    }
  const age = (item: OverdueCase) => Math.floor((Date.parse(now) - Date.parse(item.receivedAt)) / 86_400_000)
  const sorted = [...cases].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
  const isVeto = sorted.some((item) => age(item) > UNANSWERED_DAYS_TO_FAIL)
  return {
    rule: 'overdue-cases',
    title,
    isSingleVeto: true,
    status: isVeto ? 'fail' : sorted.length > 0 ? 'warn' : 'pass',
    evidence: sorted.map(
      (item) =>
        `#${item.id} ${item.mailbox}${item.isDisclosure ? '（依申请公开）' : ''}「${item.subject}」: 收到 received ${item.receivedAt.slice(0, 10)}, 期限 due ${item.dueDay}, ${age(item)} d`,
    ),
    refs: sorted.map((item) => ({ kind: 'case' as const, id: item.id })),
    fix,
  }
}

/** The least of 政民互动 the inspection reads (its `Interaction` fits), so checks need not import it. */
export interface CaseSource {
  as(principal: Principal): {
    readonly mailboxes: {
      list(
        siteId: number,
      ): Promise<readonly { readonly id: number; readonly name: string; readonly kind: string }[]>
    }
    readonly cases: {
      list(query: { siteId: number; isOverdue: boolean; limit: number }): Promise<
        readonly {
          readonly id: number
          readonly subject: string
          readonly mailboxId: number
          readonly receivedAt: string
          readonly deadline: { readonly state: string; readonly dueDay?: string }
        }[]
      >
    }
  }
}

/** Open cases past their due day as the principal may see them, for `InspectionOptions.overdueCases`. */
export function overdueCasesFrom(source: CaseSource) {
  return async (principal: Principal, siteId: number): Promise<OverdueCase[]> => {
    const desk = source.as(principal)
    const mailboxes = new Map((await desk.mailboxes.list(siteId)).map((mailbox) => [mailbox.id, mailbox]))
    return (await desk.cases.list({ siteId, isOverdue: true, limit: 1000 })).map((item) => ({
      id: item.id,
      subject: item.subject,
      mailbox: mailboxes.get(item.mailboxId)?.name ?? String(item.mailboxId),
      isDisclosure: mailboxes.get(item.mailboxId)?.kind === 'disclosure',
      receivedAt: item.receivedAt,
      dueDay: item.deadline.dueDay ?? '',
    }))
  }
}
