import { z } from 'zod'
import { apiComponents } from './response-schemas.ts'

/** The inspection self-check's answers (src/checks/inspection-item.ts, inspection-runs.ts). */

const bilingual = z.object({ zh: z.string(), en: z.string() })
const inspectionStatus = z.enum(['pass', 'fail', 'warn', 'skip'])

/** What a line of evidence is about, for the report to link it. */
const evidenceRefSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('article'), id: z.number().int(), path: z.string().nullable() }),
    z.object({ kind: z.literal('column'), id: z.number().int(), path: z.string() }),
    z.object({ kind: z.literal('page'), path: z.string() }),
    z.object({ kind: z.literal('case'), id: z.number().int() }),
  ])
  .register(apiComponents, { id: 'EvidenceRef' })

/** One indicator as fabu checked it: the outcome, what it found, how to put it right. */
const inspectionItemSchema = z
  .object({
    rule: z.string(),
    title: bilingual,
    /** A single-veto item (单项否决): failing it fails the whole site. */
    isSingleVeto: z.boolean(),
    status: inspectionStatus,
    evidence: z.array(z.string()),
    /** What each line of `evidence` is about, at the same index (null: nothing to link). */
    refs: z.array(evidenceRefSchema.nullable()).optional(),
    fix: bilingual,
    note: z.string().optional(),
  })
  .register(apiComponents, { id: 'InspectionItem' })

/** An indicator whose status changed between two runs. */
const changedItemSchema = z.object({
  rule: z.string(),
  title: bilingual,
  was: inspectionStatus,
  now: inspectionStatus,
})

export const inspectionReportSchema = z
  .object({
    site: z.string(),
    siteName: z.string(),
    baseUrl: z.string(),
    checkedAt: z.string(),
    items: z.array(inspectionItemSchema),
    /** How many single-veto items failed. */
    failed: z.number().int(),
    /** Against the newest stored run before this one; null when there is none. */
    changes: z
      .object({
        since: z.string(),
        newlyFailed: z.array(changedItemSchema),
        newlyFixed: z.array(changedItemSchema),
      })
      .nullable(),
    /** Set when this run was stored. */
    runId: z.number().int().optional(),
  })
  .register(apiComponents, { id: 'InspectionReport' })

/** The stored runs, newest first: when, by whom, how many single-veto items failed. */
export const inspectionRunListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        checkedAt: z.string(),
        startedBy: z.string(),
        failed: z.number().int(),
      }),
    ),
  })
  .register(apiComponents, { id: 'InspectionRunList' })
