import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Dropdown, Space, Spin, Table } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { timeFormatter } from '../sections/format-time.ts'
import type { Site } from '../types.ts'
import { downloadFile } from './download-file.ts'
import { EvidenceList } from './evidence-list.tsx'
import { InspectionChanges } from './inspection-changes.tsx'
import type { InspectionItem, InspectionReport, InspectionRun } from './inspection-types.ts'
import './inspection.css'

/**
 * 检查指标自查 in full: every indicator with its rule, status, evidence (linked) and fix, what
 * changed since the run before, the stored runs, and the exports to hand in.
 */
export function InspectionReportScreen({
  site,
  onBack,
  onOpenArticle,
}: {
  site: Site
  onBack(): void
  onOpenArticle?: ((id: number) => void) | undefined
}) {
  const { t, language } = useI18n()
  const client = useQueryClient()
  const latestKey = [`/api/sites/${site.id}/inspection/latest`]
  const runsKey = [`/api/sites/${site.id}/inspection/runs`]
  const latest = useQuery<InspectionReport>({ queryKey: latestKey })
  const stored = useQuery<{ items: InspectionRun[] }>({ queryKey: runsKey })
  const report = latest.data ?? null
  const runs = stored.data?.items ?? []
  const [failure, setError] = useState<unknown>(null)
  const error = failure ?? latest.error ?? stored.error
  const [action, setBusy] = useState<string | null>(null)
  const busy = action ?? (latest.isPending || stored.isPending ? 'load' : null)
  const minute = timeFormatter({ timeZone: site.timeZone })

  async function runNow() {
    setBusy('run')
    setError(null)
    try {
      client.setQueryData(
        latestKey,
        await api<InspectionReport>('POST', `/api/sites/${site.id}/inspection/runs`),
      )
      await client.invalidateQueries({ queryKey: runsKey })
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(null)
    }
  }

  async function exportAs(format: string) {
    setBusy(format)
    setError(null)
    try {
      await downloadFile(`/api/sites/${site.id}/inspection/export/${format}`, language)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section aria-labelledby="inspection-report-title" aria-busy={busy !== null} className="section-page">
      <Space className="tab-toolbar" align="center" wrap>
        <Button onClick={onBack}>{t('inspectionBack')}</Button>
        <h2 id="inspection-report-title" className="section-title">
          {t('inspectionReportTitle', { site: site.name })}
        </h2>
        <Button type="primary" onClick={runNow} loading={busy === 'run'} disabled={busy !== null}>
          {t('inspectionRunNow')}
        </Button>
        <Dropdown
          disabled={busy !== null}
          menu={{
            items: [
              { key: 'html', label: t('inspectionExportHtml') },
              { key: 'xlsx', label: t('inspectionExportXlsx') },
              { key: 'pdf', label: t('inspectionExportPdf') },
            ],
            onClick: ({ key }) => void exportAs(key),
          }}
        >
          <Button loading={busy === 'html' || busy === 'xlsx' || busy === 'pdf'}>
            {t('inspectionExport')}
          </Button>
        </Dropdown>
      </Space>
      <ErrorAlert error={error} />
      {report === null ? (
        busy === 'load' ? (
          <Spin />
        ) : null
      ) : (
        <>
          <p>
            {t('inspectionCheckedAt', { time: minute(report.checkedAt) })} ·{' '}
            <span className={report.failed > 0 ? 'inspection-failed' : ''}>
              {report.failed > 0 ? t('inspectionFailed', { count: report.failed }) : t('inspectionPassed')}
            </span>
          </p>
          <InspectionChanges report={report} timeZone={site.timeZone} />
          <Table<InspectionItem>
            className="inspection-table"
            rowKey="rule"
            pagination={false}
            dataSource={[...report.items]}
            columns={[
              {
                title: t('inspectionIndicator'),
                key: 'indicator',
                width: '28%',
                render: (_value, item) => (
                  <>
                    <strong>{item.title[language]}</strong>
                    <div className="inspection-rule">
                      <code>{item.rule}</code>
                      {item.isSingleVeto ? ` · ${t('inspectionSingleVeto')}` : ''}
                    </div>
                  </>
                ),
              },
              {
                title: t('inspectionStatus'),
                key: 'status',
                width: '10%',
                render: (_value, item) => (
                  <span className={`inspection-status is-${item.status}`}>
                    {t(`inspection.${item.status}` as MessageKey)}
                  </span>
                ),
              },
              {
                title: t('inspectionEvidence'),
                key: 'evidence',
                render: (_value, item) => (
                  <>
                    <EvidenceList item={item} baseUrl={report.baseUrl} onOpenArticle={onOpenArticle} />
                    {item.note ? <p className="inspection-note">{item.note}</p> : null}
                  </>
                ),
              },
              {
                title: t('inspectionFix'),
                key: 'fix',
                width: '24%',
                render: (_value, item) => (item.status === 'pass' ? null : item.fix[language]),
              },
            ]}
          />
          {runs.length > 0 ? (
            <>
              <h3 className="card-title">{t('inspectionRuns')}</h3>
              <ul className="inspection-runs">
                {runs.map((run) => (
                  <li key={run.id}>
                    {minute(run.checkedAt)} · {run.startedBy} ·{' '}
                    {run.failed > 0
                      ? t('inspectionRunFailed', { count: run.failed })
                      : t('inspectionRunPassed')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  )
}
