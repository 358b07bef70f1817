import {
  canAdministerSecurity,
  canAdministerSystem,
  canManageSite,
  canReadAudit,
  canReadSite,
  type Principal,
  perform,
  validateInput,
} from '../content/index.ts'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/index.ts'
import { type InteractionContext, loadMailbox, refuse, requireSiteManager } from './interaction-context.ts'
import {
  defaultDeadlineDays,
  type Mailbox,
  type MailboxInput,
  type MailboxPatch,
  mailboxInputSchema,
  mailboxPatchSchema,
  toMailbox,
} from './mailbox.ts'
import { recordSiteChange } from './record-site-change.ts'
import { type CalendarDay, calendarDaysSchema } from './work-calendar.ts'

export async function createMailbox(
  ic: InteractionContext,
  principal: Principal,
  input: MailboxInput,
): Promise<Mailbox> {
  const values = validateInput(mailboxInputSchema, input)
  await requireSiteManager(ic, principal, values.siteId, 'mailbox.create', {
    type: 'site',
    id: values.siteId,
  })
  return perform(
    ic.service,
    principal.actor,
    'mailbox.create',
    { type: 'mailbox', id: values.slug },
    async (tx, now) => {
      const row = await tx
        .insertInto('mailboxes')
        .values({
          site_id: values.siteId,
          slug: values.slug,
          name: values.name,
          kind: values.kind,
          categories: JSON.stringify(values.categories),
          departments: JSON.stringify(values.departments),
          deadline_days: values.deadlineDays ?? defaultDeadlineDays[values.kind],
          review_levels: values.reviewLevels,
          publishes_answers: values.publishesAnswers,
          retention_days: values.retentionDays,
          notify_addresses: JSON.stringify(values.notifyAddresses),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      // Its list of answered letters appears on the site with the next publish.
      if (values.publishesAnswers)
        await recordSiteChange(
          tx,
          { siteId: values.siteId, entity: 'mailbox', entityId: row.id, action: 'create' },
          now,
        )
      return { value: toMailbox(row), targetId: row.id, detail: { siteId: values.siteId, kind: values.kind } }
    },
  )
}

/** Changes an existing mailbox's settings (site administrators); audited with what changed. */
export async function updateMailbox(
  ic: InteractionContext,
  principal: Principal,
  mailboxId: number,
  patch: MailboxPatch,
): Promise<Mailbox> {
  const values = validateInput(mailboxPatchSchema, patch)
  const mailbox = await loadMailbox(ic.store, mailboxId)
  await requireSiteManager(ic, principal, mailbox.siteId, 'mailbox.update', {
    type: 'mailbox',
    id: mailboxId,
  })
  return perform(
    ic.service,
    principal.actor,
    'mailbox.update',
    { type: 'mailbox', id: mailboxId },
    async (tx, now) => {
      const row = await tx
        .updateTable('mailboxes')
        .set({
          ...(values.name === undefined ? {} : { name: values.name }),
          ...(values.categories === undefined ? {} : { categories: JSON.stringify(values.categories) }),
          ...(values.departments === undefined ? {} : { departments: JSON.stringify(values.departments) }),
          ...(values.deadlineDays === undefined ? {} : { deadline_days: values.deadlineDays }),
          ...(values.reviewLevels === undefined ? {} : { review_levels: values.reviewLevels }),
          ...(values.publishesAnswers === undefined ? {} : { publishes_answers: values.publishesAnswers }),
          ...(values.notifyAddresses === undefined
            ? {}
            : { notify_addresses: JSON.stringify(values.notifyAddresses) }),
          updated_at: now,
        })
        .where('id', '=', mailboxId)
        .returningAll()
        .executeTakeFirstOrThrow()
      const updated = toMailbox(row)
      // The name heads its list of answered letters; starting or stopping to publish adds or
      // removes that list: either way the site changes with the next publish.
      if (mailbox.publishesAnswers || updated.publishesAnswers)
        await recordSiteChange(
          tx,
          { siteId: mailbox.siteId, entity: 'mailbox', entityId: mailboxId, action: 'update' },
          now,
        )
      return { value: updated, targetId: mailboxId, detail: { changed: Object.keys(values) } }
    },
  )
}

/** A site's mailboxes: for everyone working in the site, its auditors and its handlers. */
export async function listMailboxes(
  ic: InteractionContext,
  principal: Principal,
  siteId: number,
): Promise<readonly Mailbox[]> {
  const rows = await ic.store.db
    .selectFrom('mailboxes')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute()
  const handled = new Set(
    principal.access.userId === null
      ? []
      : (
          await ic.store.db
            .selectFrom('mailbox_handlers')
            .select('mailbox_id')
            .where('user_id', '=', principal.access.userId)
            .execute()
        ).map((row) => row.mailbox_id),
  )
  const seesAll = canReadSite(principal.access, siteId) || canReadAudit(principal.access)
  return rows.map(toMailbox).filter((mailbox) => seesAll || handled.has(mailbox.id))
}

/** The mailbox a public form posts to, by its site and slug. */
export async function mailboxBySlug(ic: InteractionContext, siteId: number, slug: string): Promise<Mailbox> {
  const row = await ic.store.db
    .selectFrom('mailboxes')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('mailbox', slug)
  return toMailbox(row)
}

/**
 * Makes a user a handler of the mailbox (and a reviewer of its replies at `reviewLevel`).
 * It opens the public's personal data, so the site's administrators or the security
 * administrator grant it, and it is audited.
 */
export async function grantHandler(
  ic: InteractionContext,
  principal: Principal,
  mailboxId: number,
  userId: number,
  reviewLevel: number | null,
): Promise<void> {
  const mailbox = await loadMailbox(ic.store, mailboxId)
  if (!canManageSite(principal.access, mailbox.siteId) && !canAdministerSecurity(principal.access))
    await refuse(
      ic,
      principal,
      'mailbox.grant',
      { type: 'mailbox', id: mailboxId },
      new ForbiddenError('授权办理此信箱', 'grant handling of this mailbox'),
    )
  if (reviewLevel !== null && (reviewLevel < 1 || reviewLevel > 3))
    throw new ValidationError('reviewLevel', '审核级别须为 1–3', 'a review level is 1 to 3')
  await perform(
    ic.service,
    principal.actor,
    'mailbox.grant',
    { type: 'mailbox', id: mailboxId },
    async (tx, now) => {
      await tx
        .deleteFrom('mailbox_handlers')
        .where('mailbox_id', '=', mailboxId)
        .where('user_id', '=', userId)
        .execute()
      await tx
        .insertInto('mailbox_handlers')
        .values({
          mailbox_id: mailboxId,
          user_id: userId,
          review_level: reviewLevel,
          created_by: principal.actor.id,
          created_at: now,
        })
        .execute()
      return { value: undefined, targetId: mailboxId, detail: { userId, reviewLevel } }
    },
  )
}

/**
 * Replaces the calendar's entries for one year (holidays and 调休 working days, as the State
 * Council's notice for that year lists them): the system administrator's job.
 */
export async function setCalendarYear(
  ic: InteractionContext,
  principal: Principal,
  year: number,
  days: readonly CalendarDay[],
): Promise<void> {
  const entries = validateInput(calendarDaysSchema, days)
  if (!canAdministerSystem(principal.access))
    await refuse(
      ic,
      principal,
      'calendar.set',
      { type: 'calendar', id: year },
      new ForbiddenError('修改节假日安排', 'edit the holiday calendar'),
    )
  const outside = entries.find((entry) => !entry.day.startsWith(`${year}-`))
  if (outside)
    throw new ValidationError('days', `${outside.day} 不在 ${year} 年`, `${outside.day} is not in ${year}`)
  await perform(ic.service, principal.actor, 'calendar.set', { type: 'calendar', id: year }, async (tx) => {
    await tx
      .deleteFrom('work_calendar_days')
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .execute()
    if (entries.length > 0) await tx.insertInto('work_calendar_days').values(entries).execute()
    return { value: undefined, targetId: year, detail: { days: entries.length } }
  })
}
