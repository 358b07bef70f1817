import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useState } from 'react'
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
  const client = useQueryClient()
  const list = useQuery<{ items: ImportJob[] }>({ queryKey: [`/api/sites/${site.id}/import-jobs`] })
  /** The job started or changed here; until then the site's newest. */
  const [followedId, setFollowedId] = useState<number | null>(null)
  const newest = list.data?.items[0] ?? null
  const jobId = followedId ?? newest?.id ?? null
  // Asked every second while the job is live; a failed poll stops asking.
  const followed = useQuery<ImportJob>({
    queryKey: [`/api/sites/${site.id}/import-jobs/${jobId}`],
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.error || !query.state.data || !isLive(query.state.data) ? false : 1000,
  })
  const job = list.isPending ? undefined : (followed.data ?? (jobId === newest?.id ? newest : null))
  const error = list.error ?? followed.error
  const follow = (next: ImportJob) => {
    client.setQueryData([`/api/sites/${site.id}/import-jobs/${next.id}`], next)
    setFollowedId(next.id)
  }

  if (job === undefined) return <Typography.Paragraph>{t('loading')}</Typography.Paragraph>
  return (
    <div className="site-import">
      <ImportForm site={site} isDisabled={isLive(job)} onStarted={follow} />
      <ErrorAlert error={error} />
      {job ? (
        <>
          <ImportJobCard site={site} job={job} onChanged={follow} />
          {!isLive(job) && <ImportReportTable key={job.id} site={site} job={job} />}
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('importNoJob')}</Typography.Paragraph>
      )}
    </div>
  )
}
