export { checkImportOrigin, isPrivateAddress } from './check-import-origin.ts'
export { ClusterJobs, type ClusterJobsOptions, queueReindex } from './cluster-jobs.ts'
export {
  createImportJobs,
  type ImportJobs,
  type ImportJobsOptions,
  type ImportReportRow,
} from './import-jobs.ts'
export type { ImportJobOptions, Job, JobResult, JobState } from './job.ts'
export { jobFiles } from './job-files.ts'
export { type JobRecords, jobRecords } from './job-records.ts'
export type { JobCommand } from './run-job-process.ts'
