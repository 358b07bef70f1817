import { join } from 'node:path'

/** Where a job's report lies in the data folder: the CSV to download and the rows the admin lists. */
export function jobFiles(dataDir: string, jobId: number) {
  const folder = join(dataDir, 'imports')
  return { folder, csv: join(folder, `job-${jobId}.csv`), rows: join(folder, `job-${jobId}.json`) }
}
