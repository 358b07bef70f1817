import type { Principal } from '../content/index.ts'
import type { InteractionContext } from './interaction-context.ts'
import { requireSiteManager } from './interaction-context.ts'

/** A period of site-local days, with the instants it runs between (from inclusive, until exclusive). */
export interface ActivityPeriod {
  readonly fromDay: string
  readonly toDay: string
  readonly from: string
  readonly until: string
}

/** Received within the period, and answered (the reply sent) within it. */
export interface ReceivedAnswered {
  readonly received: number
  readonly answered: number
}

/** The 互动交流 figures of a 政府网站工作年度报表 for a period. */
export interface ActivityCounts {
  /** Letters to the mailboxes of kind 咨询, 投诉 and 建议. */
  readonly letters: ReceivedAnswered
  /** Applications to the 依申请公开 mailboxes. */
  readonly applications: ReceivedAnswered
  /** 意见征集: opened (first day in the period), with results published, opinions received. */
  readonly consultations: {
    readonly opened: number
    readonly resultsPublished: number
    readonly opinions: number
  }
}

/**
 * Counts the site's letters, applications, consultations and opinions of a period: site
 * administrators only (the figures are aggregates, so reading them is not audited). A case
 * counts as received on its site-local day of receipt and as answered at the instant its reply
 * went out; cases later marked invalid or merged as duplicates still count as received.
 */
export async function countActivity(
  ic: InteractionContext,
  principal: Principal,
  siteId: number,
  period: ActivityPeriod,
): Promise<ActivityCounts> {
  await requireSiteManager(ic, principal, siteId, 'interaction.counts', { type: 'site', id: siteId })
  const db = ic.store.db
  const received = await db
    .selectFrom('cases')
    .innerJoin('mailboxes', 'mailboxes.id', 'cases.mailbox_id')
    .select(['mailboxes.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cases.site_id', '=', siteId)
    .where('cases.received_day', '>=', period.fromDay)
    .where('cases.received_day', '<=', period.toDay)
    .groupBy('mailboxes.kind')
    .execute()
  const answered = await db
    .selectFrom('cases')
    .innerJoin('mailboxes', 'mailboxes.id', 'cases.mailbox_id')
    .select(['mailboxes.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cases.site_id', '=', siteId)
    .where('cases.status', '=', 'answered')
    .where('cases.replied_at', '>=', period.from)
    .where('cases.replied_at', '<', period.until)
    .groupBy('mailboxes.kind')
    .execute()
  const sumOf = (rows: readonly { kind: string; n: number | string | bigint }[], isApplication: boolean) =>
    rows
      .filter((row) => (row.kind === 'disclosure') === isApplication)
      .reduce((sum, row) => sum + Number(row.n), 0)

  const opened = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', siteId)
    .where('starts_day', '>=', period.fromDay)
    .where('starts_day', '<=', period.toDay)
    .executeTakeFirstOrThrow()
  const resultsPublished = await db
    .selectFrom('consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', siteId)
    .where('summary_at', '>=', period.from)
    .where('summary_at', '<', period.until)
    .executeTakeFirstOrThrow()
  const opinions = await db
    .selectFrom('consultation_opinions')
    .innerJoin('consultations', 'consultations.id', 'consultation_opinions.consultation_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultations.site_id', '=', siteId)
    .where('consultation_opinions.received_at', '>=', period.from)
    .where('consultation_opinions.received_at', '<', period.until)
    .executeTakeFirstOrThrow()

  return Object.freeze({
    letters: { received: sumOf(received, false), answered: sumOf(answered, false) },
    applications: { received: sumOf(received, true), answered: sumOf(answered, true) },
    consultations: {
      opened: Number(opened.n),
      resultsPublished: Number(resultsPublished.n),
      opinions: Number(opinions.n),
    },
  })
}
