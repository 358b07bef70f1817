import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { MailboxesTable } from '../store/index.ts'

/** 咨询, 投诉, 建议 are letters; 依申请公开 is an application under 《政府信息公开条例》. */
export const mailboxKinds = ['consultation', 'complaint', 'suggestion', 'disclosure'] as const
export type MailboxKind = (typeof mailboxKinds)[number]

export const mailboxKindLabels: Readonly<Record<MailboxKind, string>> = {
  consultation: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  disclosure: '依申请公开',
}

/** Working days to answer: 5 for 咨询, 15 for 投诉 and 建议, 20 for 依申请公开 (条例 art. 33). */
export const defaultDeadlineDays: Readonly<Record<MailboxKind, number>> = {
  consultation: 5,
  complaint: 15,
  suggestion: 15,
  disclosure: 20,
}

export interface Mailbox {
  readonly id: number
  readonly siteId: number
  readonly slug: string
  readonly name: string
  readonly kind: MailboxKind
  readonly categories: readonly string[]
  readonly departments: readonly string[]
  readonly deadlineDays: number
  /** Review steps a reply passes before it goes out (0–3), as for articles. */
  readonly reviewLevels: number
  readonly publishesAnswers: boolean
  /** Days after a case closes that its personal data is kept, then erased. */
  readonly retentionDays: number
  /** Staff addresses told by e-mail of new and nearly due cases. */
  readonly notifyAddresses: readonly string[]
}

const label = (max: number) => z.string().trim().min(1).max(max)

export const mailboxInputSchema = z.strictObject({
  siteId: z.number().int().positive(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens, at most 40'),
  name: label(60),
  kind: z.enum(mailboxKinds),
  categories: z.array(label(30)).max(50).default([]),
  departments: z.array(label(60)).max(200).default([]),
  deadlineDays: z.number().int().min(1).max(60).optional(),
  reviewLevels: z.number().int().min(0).max(3).default(1),
  publishesAnswers: z.boolean().default(false),
  retentionDays: z.number().int().min(1).max(36_500).default(1095),
  notifyAddresses: z.array(z.email()).max(20).default([]),
})
export type MailboxInput = z.input<typeof mailboxInputSchema>

/**
 * What may change on an existing mailbox. Not its slug (it is in the public form's address and
 * in published pages) nor its kind (a letter does not become an application); a new deadline
 * applies to cases received from then on, each case keeps the one it came in with.
 */
// Spelled out rather than picked from the input schema: its defaults would fill in the fields a
// patch leaves out (zod applies a default inside optional) and so reset them.
export const mailboxPatchSchema = z.strictObject({
  name: label(60).optional(),
  categories: z.array(label(30)).max(50).optional(),
  departments: z.array(label(60)).max(200).optional(),
  deadlineDays: z.number().int().min(1).max(60).optional(),
  reviewLevels: z.number().int().min(0).max(3).optional(),
  publishesAnswers: z.boolean().optional(),
  notifyAddresses: z.array(z.email()).max(20).optional(),
})
export type MailboxPatch = z.input<typeof mailboxPatchSchema>

export function toMailbox(row: Selectable<MailboxesTable>): Mailbox {
  return Object.freeze({
    id: row.id,
    siteId: row.site_id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as MailboxKind,
    categories: JSON.parse(row.categories) as string[],
    departments: JSON.parse(row.departments) as string[],
    deadlineDays: row.deadline_days,
    reviewLevels: row.review_levels,
    publishesAnswers: Boolean(row.publishes_answers),
    retentionDays: row.retention_days,
    notifyAddresses: JSON.parse(row.notify_addresses) as string[],
  })
}
