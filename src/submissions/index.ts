export { type AdoptionCount, type AdoptionPeriod, adoptionCounts } from './adoption-counts.ts'
export {
  type AdoptionReport,
  adoptionReportCsv,
  adoptionReportXlsx,
  type UnitAdoptions,
} from './adoption-report.ts'
export type { Adoption, SiteFolder } from './decide-submission.ts'
export {
  type Submission,
  type SubmissionStatus,
  submissionStatuses,
  submissionStatusLabels,
} from './submission.ts'
export {
  SubmissionColumnClosedError,
  SubmissionDecidedError,
  SubmissionNotYoursError,
  SubmissionReasonRequiredError,
  SubmissionRepeatedError,
} from './submission-errors.ts'
export {
  adoptInputSchema,
  adoptionReportSchema,
  returnInputSchema,
  submissionSchema,
  submissionSourcesSchema,
  submissionTargetSchema,
  submitInputSchema,
} from './submission-inputs.ts'
export {
  createSubmissions,
  type SubmissionDesk,
  type Submissions,
  type SubmissionTarget,
} from './submissions.ts'
