import { z } from 'zod'
import type { Content } from '../../content/index.ts'
import {
  assignInputSchema,
  calendarDaysSchema,
  caseStatuses,
  disclosureReportCsv,
  type Interaction,
  mailboxInputSchema,
  mailboxPatchSchema,
  questionnaireInputSchema,
  reasonSchema,
  replyInputSchema,
  summaryInputSchema,
} from '../../interaction/index.ts'
import { type ApiRoute, idParams, queryFlag, route, siteIdOf, siteParams } from '../api-route.ts'
import { asAttachment } from '../as-attachment.ts'
import {
  calendarDayListSchema,
  caseListSchema,
  caseSchema,
  consultationListSchema,
  dueCasesSchema,
  mailboxHandlerListSchema,
  mailboxListSchema,
  opinionListSchema,
  personalDataSchema,
  questionnaireResultsSchema,
} from '../interaction-response-schemas.ts'

const caseQuery = z
  .object({
    site: z.string().min(1).max(64).optional(),
    mailbox: z.coerce.number().int().positive().optional(),
    status: z.enum(caseStatuses).optional(),
    overdue: queryFlag.optional(),
  })
  .strict()
const handlerParams = idParams.extend({ userId: z.coerce.number().int().positive().max(2_147_483_647) })
const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict()

/** 政民互动 for staff: mailboxes, the inbox of cases, replies and their review, the calendar. */
export function interactionRoutes(interaction: Interaction, content: Content): ApiRoute[] {
  const tag = 'interaction'
  const siteId = (site: string) => siteIdOf(content.sites, site)
  return [
    route({
      method: 'GET',
      url: '/api/sites/:site/mailboxes',
      summary: "A site's mailboxes (信箱, 依申请公开) that the user handles or may see",
      tag,
      access: 'signed-in',
      params: siteParams,
      response: mailboxListSchema,
      handler: async ({ session, params }) =>
        interaction.as(session.principal).mailboxes.list(await siteId(params.site)),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/mailboxes',
      summary: 'Create a mailbox: kind, categories, departments, deadline in working days, review levels',
      tag,
      access: 'signed-in',
      status: 201,
      params: siteParams,
      body: mailboxInputSchema.omit({ siteId: true }),
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).mailboxes.create({ ...body, siteId: await siteId(params.site) }),
    }),
    route({
      method: 'PATCH',
      url: '/api/mailboxes/:id',
      summary:
        "Change a mailbox's settings: name, categories, departments, deadline, review levels, publishing",
      tag,
      access: 'signed-in',
      params: idParams,
      body: mailboxPatchSchema,
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).mailboxes.update(params.id, body),
    }),
    route({
      method: 'PUT',
      url: '/api/mailboxes/:id/handlers/:userId',
      summary: "Make a user a handler of the mailbox (opens its cases' personal data), optionally a reviewer",
      tag,
      access: 'signed-in',
      params: handlerParams,
      body: z.strictObject({ reviewLevel: z.number().int().min(1).max(3).nullable().default(null) }),
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).mailboxes.grantHandler(params.id, params.userId, body.reviewLevel),
    }),
    route({
      method: 'GET',
      url: '/api/mailboxes/:id/handlers',
      summary: 'Who handles the mailbox, and at which review level',
      tag,
      access: 'signed-in',
      params: idParams,
      response: mailboxHandlerListSchema,
      handler: async ({ session, params }) => interaction.as(session.principal).mailboxes.handlers(params.id),
    }),
    route({
      method: 'DELETE',
      url: '/api/mailboxes/:id/handlers/:userId',
      summary: "Take the mailbox (and its cases' personal data) away from a user",
      tag,
      access: 'signed-in',
      params: handlerParams,
      handler: async ({ session, params }) =>
        interaction.as(session.principal).mailboxes.revokeHandler(params.id, params.userId),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/consultations',
      summary: "A site's consultations (意见征集), newest first, with their state and opinion count",
      tag,
      access: 'signed-in',
      response: consultationListSchema,
      params: siteParams,
      handler: async ({ session, params }) =>
        interaction.as(session.principal).consultations.list(await siteId(params.site)),
    }),
    route({
      method: 'POST',
      url: '/api/sites/:site/consultations',
      summary: 'Open a consultation on a draft from a start day to an end day (site administrators)',
      tag,
      access: 'signed-in',
      status: 201,
      params: siteParams,
      body: z.strictObject({
        title: z.string().max(200),
        draft: z.string().max(100_000),
        startsDay: z.string().max(10),
        endsDay: z.string().max(10),
      }),
      handler: async ({ session, params, body }) =>
        interaction
          .as(session.principal)
          .consultations.create({ ...body, siteId: await siteId(params.site) }),
    }),
    route({
      method: 'GET',
      url: '/api/consultations/:id/opinions',
      summary: 'The opinions received, names masked (site administrators and auditors)',
      tag,
      access: 'signed-in',
      response: opinionListSchema,
      params: idParams,
      handler: async ({ session, params }) =>
        interaction.as(session.principal).consultations.opinions(params.id),
    }),
    route({
      method: 'GET',
      url: '/api/consultations/:id/opinions.csv',
      summary: 'The opinions as CSV, names masked, no contact details (audited)',
      tag,
      access: 'signed-in',
      params: idParams,
      handler: async ({ session, params, reply }) =>
        asAttachment(reply, `opinions-${params.id}.csv`).send(
          await interaction.as(session.principal).consultations.exportCsv(params.id),
        ),
    }),
    route({
      method: 'GET',
      url: '/api/opinions/:id/personal',
      summary: "An opinion's name, phone and e-mail (the audit administrator only; audited)",
      tag,
      access: 'signed-in',
      params: idParams,
      handler: async ({ session, params }) =>
        interaction.as(session.principal).consultations.personal(params.id),
    }),
    route({
      method: 'PUT',
      url: '/api/consultations/:id/questionnaire',
      summary: 'Set or remove (null) the questionnaire (调查) of a consultation, before any response',
      tag,
      access: 'signed-in',
      params: idParams,
      body: z.strictObject({ questionnaire: questionnaireInputSchema.nullable() }),
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).consultations.setQuestionnaire(params.id, body.questionnaire),
    }),
    route({
      method: 'GET',
      url: '/api/consultations/:id/results',
      summary: "The questionnaire's answers counted per question (site administrators and auditors)",
      tag,
      access: 'signed-in',
      response: questionnaireResultsSchema,
      params: idParams,
      handler: async ({ session, params }) =>
        interaction.as(session.principal).consultations.results(params.id),
    }),
    route({
      method: 'GET',
      url: '/api/consultations/:id/responses.csv',
      summary:
        'Every response with its answers as CSV; names and contacts only with personal=true and the right (audited)',
      tag,
      access: 'signed-in',
      params: idParams,
      query: z.object({ personal: z.enum(['true', 'false']).default('false') }).strict(),
      handler: async ({ session, params, query, reply }) =>
        asAttachment(reply, `responses-${params.id}.csv`).send(
          await interaction
            .as(session.principal)
            .consultations.exportResponses(params.id, query.personal === 'true'),
        ),
    }),
    route({
      method: 'PUT',
      url: '/api/consultations/:id/feedback',
      summary: 'Link a published article as the 结果反馈 of an ended consultation (null unlinks)',
      tag,
      access: 'signed-in',
      params: idParams,
      body: z.strictObject({ articleId: z.number().int().positive().max(2_147_483_647).nullable() }),
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).consultations.setFeedback(params.id, body.articleId),
    }),
    route({
      method: 'PUT',
      url: '/api/consultations/:id/summary',
      summary: 'Publish the summary of the feedback (采纳情况) once the consultation has ended',
      tag,
      access: 'signed-in',
      params: idParams,
      body: summaryInputSchema,
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).consultations.summarize(params.id, body),
    }),
    route({
      method: 'GET',
      url: '/api/cases',
      summary:
        'The inbox: cases the user may see, newest first, with deadline and urgency (overdue, due-soon)',
      tag,
      access: 'signed-in',
      response: caseListSchema,
      query: caseQuery,
      handler: async ({ session, query }) =>
        interaction.as(session.principal).cases.list({
          siteId: query.site === undefined ? undefined : await siteId(query.site),
          mailboxId: query.mailbox,
          status: query.status,
          isOverdue: query.overdue,
        }),
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/cases/due',
      summary:
        "For the dashboard: the site's open cases the user sees that are overdue or due within two working days",
      tag,
      access: 'signed-in',
      response: dueCasesSchema,
      params: siteParams,
      handler: async ({ session, params }) => {
        const open = await interaction.as(session.principal).cases.list({ siteId: await siteId(params.site) })
        return {
          overdue: open.filter((item) => item.urgency === 'overdue'),
          dueSoon: open.filter((item) => item.urgency === 'due-soon'),
        }
      },
    }),
    route({
      method: 'GET',
      url: '/api/cases/:id',
      summary: 'One case, without personal data (the name masked)',
      tag,
      access: 'signed-in',
      response: caseSchema,
      params: idParams,
      handler: async ({ session, params }) => interaction.as(session.principal).cases.get(params.id),
    }),
    route({
      method: 'GET',
      url: '/api/cases/:id/personal',
      summary:
        "The sender's name, phone, e-mail and ID number: handlers and auditors only; every read audited",
      tag,
      access: 'signed-in',
      response: personalDataSchema,
      params: idParams,
      handler: async ({ session, params, reply }) => {
        reply.header('cache-control', 'no-store')
        return interaction.as(session.principal).cases.personal(params.id)
      },
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/disclosure-report',
      summary:
        "A year's 依申请公开 figures for the annual report (received, answered by type, late, overdue); CSV with format=csv",
      tag,
      access: 'signed-in',
      params: siteParams,
      query: z
        .object({
          year: z.coerce.number().int().min(2000).max(2100),
          format: z.enum(['json', 'csv']).default('json'),
        })
        .strict(),
      handler: async ({ session, params, query, reply }) => {
        const report = await interaction
          .as(session.principal)
          .cases.disclosureReport(await siteId(params.site), query.year)
        if (query.format === 'json') return report
        return asAttachment(reply, `disclosure-${query.year}.csv`).send(disclosureReportCsv(report))
      },
    }),
    route({
      method: 'GET',
      url: '/api/sites/:site/cases/export',
      summary:
        "CSV of the site's cases the user sees; personal data only with personal=true and the right to read it (audited)",
      tag,
      access: 'signed-in',
      params: siteParams,
      query: z
        .object({
          mailbox: z.coerce.number().int().positive().optional(),
          personal: z.enum(['true', 'false']).default('false'),
        })
        .strict(),
      handler: async ({ session, params, query, reply }) => {
        const csv = await interaction
          .as(session.principal)
          .cases.exportCsv(
            { siteId: await siteId(params.site), mailboxId: query.mailbox },
            query.personal === 'true',
          )
        return asAttachment(reply, 'cases.csv').send(csv)
      },
    }),
    route({
      method: 'GET',
      url: '/api/cases/:id/duplicates',
      summary: 'Cases of the same mailbox from the same sender or with the same letter, within 30 days',
      tag,
      access: 'signed-in',
      response: caseListSchema,
      params: idParams,
      handler: async ({ session, params }) => interaction.as(session.principal).cases.duplicates(params.id),
    }),
    ...caseActions(interaction),
    route({
      method: 'GET',
      url: '/api/work-calendar/:year',
      summary: "The year's holidays and 调休 working days the deadline clock counts with",
      tag,
      access: 'signed-in',
      params: yearParams,
      response: calendarDayListSchema,
      handler: async ({ session, params }) => interaction.as(session.principal).calendar.list(params.year),
    }),
    route({
      method: 'PUT',
      url: '/api/work-calendar/:year',
      summary: "Replace the year's holidays and 调休 working days (system administrators)",
      tag,
      access: 'signed-in',
      params: yearParams,
      body: z.strictObject({ days: calendarDaysSchema }),
      handler: async ({ session, params, body }) =>
        interaction.as(session.principal).calendar.setYear(params.year, body.days),
    }),
  ]
}

function caseActions(interaction: Interaction): ApiRoute[] {
  const tag = 'interaction'
  const action = <B>(
    url: string,
    summary: string,
    body: z.ZodType<B> | undefined,
    run: (cases: ReturnType<Interaction['as']>['cases'], id: number, body: B) => Promise<unknown>,
    method: 'POST' | 'PUT' = 'POST',
  ) =>
    route({
      method,
      url: `/api/cases/:id${url}`,
      summary,
      tag,
      access: 'signed-in',
      params: idParams,
      ...(body ? { body } : {}),
      handler: async ({ session, params, body: input }) =>
        run(interaction.as(session.principal).cases, params.id, input as B),
    })
  return [
    action('/assign', 'Assign the case to a person and/or a department', assignInputSchema, (c, id, b) =>
      c.assign(id, b),
    ),
    action(
      '/reply',
      'Draft the reply (依申请公开: 公开, 部分公开, 不予公开 with its reason, 信息不存在, 非本机关负责, 重复申请)',
      replyInputSchema,
      (c, id, b) => c.draftReply(id, b),
      'PUT',
    ),
    action(
      '/reply/submit',
      'Send the draft reply to review (straight out with no review levels)',
      undefined,
      (c, id) => c.submitReply(id),
    ),
    action(
      '/reply/approve',
      'Approve the reply at a review level; the last level answers the case',
      z.strictObject({ level: z.number().int().min(1).max(3) }),
      (c, id, b) => c.approveReply(id, b.level),
    ),
    action(
      '/reply/reject',
      'Send the reply back to its drafter with a comment',
      z.strictObject({ comment: z.string().trim().min(1).max(2000) }),
      (c, id, b) => c.rejectReply(id, b.comment),
    ),
    action(
      '/merge',
      'Merge the case into another of the same mailbox as its duplicate',
      z.strictObject({ intoId: z.number().int().positive() }),
      (c, id, b) => c.mergeInto(id, b.intoId),
    ),
    action(
      '/answer/public',
      'Show an answered letter on the public site or take it off (next publish)',
      z.strictObject({ isShown: z.boolean() }),
      (c, id, b) => c.showAnswer(id, b.isShown),
    ),
    action('/invalid', 'Mark the case invalid, with the reason', reasonSchema, (c, id, b) =>
      c.markInvalid(id, b.reason),
    ),
    action('/correction', '补正: ask the applicant for more; the clock stops', reasonSchema, (c, id, b) =>
      c.requestCorrection(id, b.reason),
    ),
    action(
      '/correction/received',
      'The applicant answered the 补正: the clock runs again',
      undefined,
      (c, id) => c.correctionReceived(id),
    ),
    action(
      '/extension',
      'The one extension of 20 working days of an application, with its reason',
      reasonSchema,
      (c, id, b) => c.extend(id, b.reason),
    ),
  ]
}
