/** The inspection report as GET /api/sites/:site/inspection/latest answers (src/checks/inspection-item.ts). */
export type InspectionStatus = 'pass' | 'fail' | 'warn' | 'skip'

export type EvidenceRef =
  | { readonly kind: 'article'; readonly id: number; readonly path: string | null }
  | { readonly kind: 'column'; readonly id: number; readonly path: string }
  | { readonly kind: 'page'; readonly path: string }
  | { readonly kind: 'case'; readonly id: number }

export interface Bilingual {
  readonly zh: string
  readonly en: string
}

export interface InspectionItem {
  readonly rule: string
  readonly title: Bilingual
  readonly isSingleVeto: boolean
  readonly status: InspectionStatus
  readonly evidence: readonly string[]
  readonly refs?: readonly (EvidenceRef | null)[]
  readonly fix: Bilingual
  readonly note?: string
}

export interface ChangedItem {
  readonly rule: string
  readonly title: Bilingual
  readonly was: InspectionStatus
  readonly now: InspectionStatus
}

export interface InspectionReport {
  readonly site: string
  readonly siteName: string
  readonly baseUrl: string
  readonly checkedAt: string
  readonly items: readonly InspectionItem[]
  readonly failed: number
  readonly changes: {
    readonly since: string
    readonly newlyFailed: readonly ChangedItem[]
    readonly newlyFixed: readonly ChangedItem[]
  } | null
  readonly runId?: number
}

export interface InspectionRun {
  readonly id: number
  readonly checkedAt: string
  readonly startedBy: string
  readonly failed: number
}
