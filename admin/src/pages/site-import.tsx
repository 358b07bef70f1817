import { Typography } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { ImportForm } from '../sections/import-form.tsx'
import { ImportJobCard } from '../sections/import-job-card.tsx'
import { ImportReportTable } from '../sections/import-report-table.tsx'
import { type ImportJob, isLive } from '../sections/import-types.ts'
import type { Site } from '../types.ts'

/**
 * 导入: start an import of an old website and follow it. The job lives on the server, so a
 * reload finds the running one again (the newest job of the site) and goes on polling it.
 */
export function SiteImport({ site }: { site: Site }) {
  const { t } = useI18n()
  const [job, setJob] = useState<ImportJob | null | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    api<{ items: ImportJob[] }>('GET', `/api/sites/${site.id}/import-jobs`).then(
      ({ items }) => setJob(items[0] ?? null),
      (caught) => {
        setError(caught)
        setJob(null)
      },
    )
  }, [site.id])

  // Each answer schedules the next question, so polls never overlap.
  useEffect(() => {
    if (!job || !isLive(job)) return
    const timer = setTimeout(() => {
      api<ImportJob>('GET', `/api/sites/${site.id}/import-jobs/${job.id}`).then(setJob, setError)
    }, 1000)
    return () => clearTimeout(timer)
  }, [job, site.id])

  if (job === undefined) return <Typography.Paragraph>{t('loading')}</Typography.Paragraph>
  return (
    <div className="site-import">
      <ImportForm site={site} isDisabled={isLive(job)} onStarted={setJob} />
      <ErrorAlert error={error} />
      {job ? (
        <>
          <ImportJobCard site={site} job={job} onChanged={setJob} />
          {!isLive(job) && <ImportReportTable key={job.id} site={site} job={job} />}
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('importNoJob')}</Typography.Paragraph>
      )}
    </div>
  )
}
