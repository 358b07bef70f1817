import { Alert, Button, Card, Progress, Space, Tag } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { timeFormatter } from './format-time.ts'
import { type ImportJob, isLive, OUTCOMES } from './import-types.ts'

const STATE_COLOR: Record<ImportJob['state'], string> = {
  queued: 'default',
  running: 'processing',
  finished: 'success',
  failed: 'error',
  cancelled: 'warning',
  interrupted: 'warning',
}

/** One import job: its state, counts and progress, with cancel and resume. */
export function ImportJobCard({
  site,
  job,
  onChanged,
}: {
  site: Site
  job: ImportJob
  onChanged(job: ImportJob): void
}) {
  const { t } = useI18n()
  const [error, setError] = useState<unknown>(null)
  const [isBusy, setBusy] = useState(false)
  const formatTime = timeFormatter({ timeZone: site.timeZone })

  async function act(action: 'cancel' | 'resume') {
    setError(null)
    setBusy(true)
    try {
      onChanged(await api<ImportJob>('POST', `/api/sites/${site.id}/import-jobs/${job.id}/${action}`))
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const done = OUTCOMES.reduce((sum, outcome) => sum + (job.counts[outcome] ?? 0), 0)
  const pending = job.counts.pending ?? 0
  // The crawl finds pages as it reads: the bar is what is done of what is known so far.
  const percent =
    job.state === 'finished'
      ? 100
      : done + pending > 0
        ? Math.min(99, Math.floor((done / (done + pending)) * 100))
        : 0
  const canResume =
    !job.options.isDryRun &&
    (job.state === 'cancelled' ||
      job.state === 'interrupted' ||
      job.state === 'failed' ||
      (job.state === 'finished' && job.result?.isComplete === false))

  return (
    <Card
      className="section-card import-job"
      title={<h3 className="card-title">{t('importJob', { id: job.id })}</h3>}
      extra={
        <Tag color={STATE_COLOR[job.state]} className="import-state">
          {t(`importState.${job.state}` as MessageKey)}
        </Tag>
      }
    >
      <p className="import-source">
        {t('importUrl')}: <span className="import-url">{job.options.url}</span>
        {job.options.isDryRun ? `（${t('importDryRun')}）` : ''}
      </p>
      <p>{t('importStartedBy', { name: job.startedBy.name, time: formatTime(job.createdAt) })}</p>
      <Progress
        percent={percent}
        status={
          job.state === 'failed'
            ? 'exception'
            : isLive(job)
              ? 'active'
              : job.state === 'finished'
                ? 'success'
                : 'normal'
        }
        aria-label={t('importPagesRead', { done, pending })}
      />
      <p className="import-pages">{t('importPagesRead', { done, pending })}</p>
      <Space wrap className="import-counts">
        {OUTCOMES.filter(
          (outcome) => (job.counts[outcome] ?? 0) > 0 || outcome === 'imported' || outcome === 'failed',
        ).map((outcome) => (
          <Tag key={outcome} className={`import-count import-count-${outcome.replace(' ', '-')}`}>
            {t(`importOutcome.${outcome}` as MessageKey)}: {job.counts[outcome] ?? 0}
          </Tag>
        ))}
      </Space>
      {job.error && <Alert type="error" showIcon title={job.error.message} className="section-alert" />}
      {job.result?.isComplete === false && <Alert type="warning" showIcon title={t('importIncomplete')} />}
      <Space className="import-actions" style={{ display: 'flex', marginTop: 12 }}>
        {isLive(job) && (
          <Button danger onClick={() => act('cancel')} loading={isBusy}>
            {t('importCancel')}
          </Button>
        )}
        {canResume && (
          <Button onClick={() => act('resume')} loading={isBusy}>
            {t('importResume')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={error} />
    </Card>
  )
}
