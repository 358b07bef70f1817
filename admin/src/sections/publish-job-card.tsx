import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Progress, Segmented, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { FailedPages } from './failed-pages.tsx'
import type { PublishJob, PublishMode, PublishPlan } from './publish-types.ts'

export interface PublishJobCardProps {
  readonly site: Site
  /** Called once when a job has ended, well or not. */
  onFinished(): void
}

const isActive = (job: PublishJob | null) => job?.status === 'queued' || job?.status === 'running'

/** Starts a publish job and follows it, asking for its progress every second until it ends. */
export function PublishJobCard({ site, onFinished }: PublishJobCardProps) {
  const { t } = useI18n()
  const [mode, setMode] = useState<PublishMode>('incremental')
  const client = useQueryClient()
  const [jobId, setJobId] = useState<string | null>(null)
  /** The pages the plan counted when the job started: the 100% of the bar. */
  const [total, setTotal] = useState(0)
  const [startError, setError] = useState<unknown>(null)
  const [isStarting, setStarting] = useState(false)
  // Asked every second while the job runs; a failed poll stops asking.
  const followed = useQuery<PublishJob>({
    queryKey: [`/api/jobs/${jobId}`],
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.error || !isActive(query.state.data ?? null) ? false : 1000),
  })
  const job = jobId === null ? null : (followed.data ?? null)
  const error = startError ?? followed.error

  async function start() {
    setError(null)
    setStarting(true)
    try {
      const plan = await api<PublishPlan>('GET', `/api/sites/${site.id}/publish/plan?mode=${mode}`)
      setTotal(plan.pages.length)
      const started = await api<PublishJob>('POST', `/api/sites/${site.id}/publish`, { mode })
      client.setQueryData([`/api/jobs/${started.id}`], started)
      setJobId(started.id)
    } catch (caught) {
      setError(caught)
    } finally {
      setStarting(false)
    }
  }

  const hasEnded = job !== null && !isActive(job)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per job, when it ends
  useEffect(() => {
    if (jobId && hasEnded) onFinished()
  }, [jobId, hasEnded])

  const failedPages = job?.result?.failed ?? []
  const percent =
    job?.status === 'succeeded'
      ? 100
      : total > 0
        ? Math.min(99, Math.floor(((job?.done ?? 0) / total) * 100))
        : 0
  const progressStatus =
    job?.status === 'failed' || failedPages.length > 0
      ? 'exception'
      : job?.status === 'succeeded'
        ? 'success'
        : 'active'

  return (
    <Card className="section-card" title={<h3 className="card-title">{t('publishTitle')}</h3>}>
      <Space wrap className="publish-controls">
        <Segmented<PublishMode>
          aria-label={t('publishMode')}
          value={mode}
          onChange={setMode}
          disabled={isActive(job)}
          options={[
            { value: 'incremental', label: t('mode.incremental') },
            { value: 'full', label: t('mode.full') },
          ]}
        />
        <Button type="primary" onClick={start} loading={isStarting} disabled={isActive(job) && !error}>
          {t('startPublish')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {job && (
        <div className="publish-progress">
          <Typography.Paragraph aria-live="polite">
            {t(`job.${job.status}` as MessageKey)}
            {' · '}
            {t('jobPages', { done: job.done, total: Math.max(total, job.done) })}
          </Typography.Paragraph>
          <Progress percent={percent} status={progressStatus} aria-label={t('publishProgress')} />
          {job.result && (
            <Typography.Paragraph>
              {t('jobResult', {
                written: job.result.written,
                unchanged: job.result.unchanged,
                removed: job.result.removed,
              })}
            </Typography.Paragraph>
          )}
          {job.error && (
            <Alert
              type="error"
              showIcon
              title={t('jobFailed')}
              description={`${job.error.code}: ${job.error.message}`}
              className="section-alert"
            />
          )}
          <FailedPages pages={failedPages} />
        </div>
      )}
    </Card>
  )
}
