/** Whether an indicator holds: `fail` is what an inspector would mark down. */
export type InspectionStatus = 'pass' | 'fail' | 'warn' | 'skip'

/**
 * What one line of evidence is about, for the report to link it: an article (its public path
 * once published), a column, a published page, or a case of 政民互动.
 */
export type EvidenceRef =
  | { readonly kind: 'article'; readonly id: number; readonly path: string | null }
  | { readonly kind: 'column'; readonly id: number; readonly path: string }
  | { readonly kind: 'page'; readonly path: string }
  | { readonly kind: 'case'; readonly id: number }

/**
 * One indicator of the inspection (政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号) as fabu
 * checked it: the rule applied, the outcome, what it found and how to put it right.
 */
export interface InspectionItem {
  readonly rule: string
  readonly title: { readonly zh: string; readonly en: string }
  /** A single-veto item (单项否决): failing it fails the whole site. */
  readonly isSingleVeto: boolean
  readonly status: InspectionStatus
  /** What fabu found: one line per article, column, page or link concerned. */
  readonly evidence: readonly string[]
  /** What each line of `evidence` is about, at the same index (null: nothing to link). */
  readonly refs?: readonly (EvidenceRef | null)[]
  readonly fix: { readonly zh: string; readonly en: string }
  /** What the rule cannot see, said where it matters (no import marker yet, …). */
  readonly note?: string
}

/** An indicator whose status changed between two runs. */
export interface ChangedItem {
  readonly rule: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly was: InspectionStatus
  readonly now: InspectionStatus
}

/** What changed since the previous stored run (the daily run, or `fabu check --save`). */
export interface InspectionChanges {
  /** When the run compared with was made. */
  readonly since: string
  /** Passing, warned or unchecked before, failing now. */
  readonly newlyFailed: readonly ChangedItem[]
  /** Failing before, passing or warned now. */
  readonly newlyFixed: readonly ChangedItem[]
}

export interface InspectionReport {
  readonly site: string
  readonly siteName: string
  /** The site's public address, for the links of the evidence. */
  readonly baseUrl: string
  readonly checkedAt: string
  readonly items: readonly InspectionItem[]
  /** How many single-veto items failed: the site fails the inspection if any did. */
  readonly failed: number
  /** Against the newest stored run before this one; null when there is none. */
  readonly changes: InspectionChanges | null
  /** Set when this run was stored. */
  readonly runId?: number
}

/** Days since `then` at `now`, both ISO instants. */
export function daysBetween(then: string, now: string): number {
  return (Date.parse(now) - Date.parse(then)) / 86_400_000
}
