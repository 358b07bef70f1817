import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { type ImportJob, type ImportRow, OUTCOMES } from './import-types.ts'

const PAGE = 50

/** An ended job's report: every page with its outcome, a page at a time, and the CSV. */
export function ImportReportTable({ site, job }: { site: Site; job: ImportJob }) {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<string>('')
  const [page, setPage] = useState(1)
  const parameters: Record<string, string> = { offset: String((page - 1) * PAGE), limit: String(PAGE) }
  if (outcome) parameters.outcome = outcome
  const found = useQuery<{ total: number; items: ImportRow[] }>({
    queryKey: [`/api/sites/${site.id}/import-jobs/${job.id}/rows`, parameters],
    placeholderData: keepPreviousData,
  })
  const rows = found.data ?? null
  const error = found.error
  return (
    <Card
      className="section-card import-report"
      title={<h3 className="card-title">{t('importReport')}</h3>}
      extra={
        <a href={`/api/sites/${site.id}/import-jobs/${job.id}/report.csv`} download>
          {t('importReportCsv')}
        </a>
      }
    >
      <Space className="import-report-filter">
        <Select
          aria-label={t('importColumnOutcome')}
          value={outcome}
          onChange={(next) => {
            setOutcome(next)
            setPage(1)
          }}
          style={{ minWidth: 160 }}
          options={[
            { value: '', label: t('importAllOutcomes') },
            ...OUTCOMES.map((value) => ({ value, label: t(`importOutcome.${value}` as MessageKey) })),
          ]}
        />
      </Space>
      <ErrorAlert error={error} />
      <Table<ImportRow>
        size="small"
        rowKey={(row) => `${row.kind}:${row.url}`}
        dataSource={[...(rows?.items ?? [])]}
        loading={rows === null && !error}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: rows?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('importColumnOutcome'),
            dataIndex: 'outcome',
            width: 110,
            render: (value: string) => (
              <Tag color={value === 'failed' ? 'error' : value === 'imported' ? 'success' : 'default'}>
                {t(`importOutcome.${value}` as MessageKey)}
              </Tag>
            ),
          },
          { title: t('importColumnTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('importColumnUrl'), dataIndex: 'url', ellipsis: true },
          { title: t('importColumnReason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
    </Card>
  )
}
