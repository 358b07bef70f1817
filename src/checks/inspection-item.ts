/** Whether an indicator holds: `fail` is what an inspector would mark down. */
export type InspectionStatus = 'pass' | 'fail' | 'warn' | 'skip'

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
  readonly fix: { readonly zh: string; readonly en: string }
  /** What the rule cannot see, said where it matters (no import marker yet, …). */
  readonly note?: string
}

export interface InspectionReport {
  readonly site: string
  readonly checkedAt: string
  readonly items: readonly InspectionItem[]
  /** How many single-veto items failed: the site fails the inspection if any did. */
  readonly failed: number
}

/** Days since `then` at `now`, both ISO instants. */
export function daysBetween(then: string, now: string): number {
  return (Date.parse(now) - Date.parse(then)) / 86_400_000
}
