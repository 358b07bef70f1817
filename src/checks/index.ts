export { nextDailyRun, startDailyInspection } from './daily-inspection.ts'
export { evidenceHref } from './evidence-href.ts'
export { ExternalLinkSchedule, type ExternalLinkScheduleOptions } from './external-link-schedule.ts'
export {
  checkExternalLinks,
  type LinkCheckOptions,
  type LinkOutcome,
  type LinkResult,
} from './external-links.ts'
export { type CaseSource, type OverdueCase, overdueCasesFrom } from './inspect-cases.ts'
export { createInspection, type Inspection, type InspectionOptions } from './inspection.ts'
export {
  exportInspection,
  type InspectionFile,
  type InspectionFormat,
  inspectionFormats,
} from './inspection-export.ts'
export { inspectionHtml } from './inspection-html.ts'
export type {
  ChangedItem,
  EvidenceRef,
  InspectionChanges,
  InspectionItem,
  InspectionReport,
  InspectionStatus,
} from './inspection-item.ts'
export type { InspectionRunSummary } from './inspection-runs.ts'
export {
  type BrokenLinks,
  InternalLinkCheck,
  type InternalLinkSite,
  type WrittenPage,
} from './internal-links.ts'
export {
  type BrokenLink,
  checkSiteExternalLinks,
  createLinkReports,
  currentBrokenLinks,
  type ExternalLinkFinding,
  type ExternalLinkReport,
  externalLinksOf,
  type LinkingPage,
  type LinkReports,
  latestLinkReport,
} from './link-reports.ts'
export { type NormalizedText, normalizeText, originalRange } from './normalize-text.ts'
export { isPrivateAddress } from './private-address.ts'
export { starterWords } from './starter-words.ts'
export { createWordLists, type ImportResult, type WordListEntry, type WordLists } from './word-lists.ts'
export { WordMatcher } from './word-matcher.ts'
export {
  type WordEntry,
  type WordEntryInput,
  type WordKind,
  type WordLevel,
  wordEntrySchema,
  wordKindLabels,
  wordKinds,
  wordLevels,
} from './wording-entry.ts'
export { createWordingGate, type WordingGateImpl } from './wording-gate-impl.ts'
