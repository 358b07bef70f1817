import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { AuditRecord } from './admin-types.ts'
import { AuditVerificationAlert } from './audit-verification.tsx'
import { ErrorAlert } from './error-alert.tsx'
import { timeFormatter } from './format-time.ts'

const LIMITS = [50, 100, 200, 500]

/**
 * The audit log for the audit administrator: newest first, filtered by action, paged towards
 * older records by id, exportable as CSV with the same filter, and its hash chain checked.
 */
export function AuditTab() {
  const { t } = useI18n()
  const [limit, setLimit] = useState(50)
  const [action, setAction] = useState('')
  /** The pages opened towards older records: each one's beforeId. Empty: the newest page. */
  const [cursors, setCursors] = useState<readonly number[]>([])
  const [records, setRecords] = useState<readonly AuditRecord[]>([])
  const [error, setError] = useState<unknown>(null)
  const [isLoading, setLoading] = useState(true)
  const time = timeFormatter({ hasSeconds: true })
  const beforeId = cursors.at(-1)

  useEffect(() => {
    const query = new URLSearchParams({ limit: String(limit) })
    if (action) query.set('action', action)
    if (beforeId) query.set('beforeId', String(beforeId))
    setLoading(true)
    api<{ items: AuditRecord[] }>('GET', `/api/audit?${query}`)
      .then(({ items }) => {
        setRecords(items)
        setError(null)
      }, setError)
      .finally(() => setLoading(false))
  }, [limit, action, beforeId])

  const exportQuery = new URLSearchParams(action ? { action } : {})
  const lastId = records.at(-1)?.id
  return (
    <section aria-label={t('tabAudit')}>
      <AuditVerificationAlert />
      <Space wrap className="tab-toolbar">
        <Input.Search
          aria-label={t('auditActionFilter')}
          placeholder={t('auditActionPlaceholder')}
          allowClear
          onSearch={(text) => {
            setAction(text.trim())
            setCursors([])
          }}
        />
        <Select<number>
          aria-label={t('auditLimit')}
          value={limit}
          onChange={(next) => {
            setLimit(next)
            setCursors([])
          }}
          options={LIMITS.map((value) => ({ value, label: t('perPage', { n: value }) }))}
        />
        <Typography.Link href={`/api/audit/export.csv${exportQuery.size ? `?${exportQuery}` : ''}`} download>
          {t('auditExport')}
        </Typography.Link>
      </Space>
      <ErrorAlert error={error} />
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={[...records]}
        pagination={false}
        expandable={{
          expandedRowRender: (record) => (
            <pre className="audit-detail">{JSON.stringify(record.detail, null, 2)}</pre>
          ),
        }}
        columns={[
          { title: t('auditId'), dataIndex: 'id', key: 'id', width: 80 },
          { title: t('auditTime'), dataIndex: 'at', key: 'at', render: time, width: 170 },
          { title: t('auditActor'), dataIndex: 'actor', key: 'actor' },
          { title: t('auditAddress'), dataIndex: 'address', key: 'address' },
          { title: t('auditAction'), dataIndex: 'action', key: 'action' },
          {
            title: t('auditTarget'),
            key: 'target',
            render: (_, record) => `${record.targetType} ${record.targetId}`.trim(),
          },
          {
            title: t('auditOutcome'),
            key: 'outcome',
            render: (_, record) =>
              record.outcome === 'success' ? (
                <Tag color="success">{t('outcomeSuccess')}</Tag>
              ) : (
                <Tag color="error">
                  {t('outcomeFailure')}
                  {record.errorCode ? ` ${record.errorCode}` : ''}
                </Tag>
              ),
          },
        ]}
      />
      <Space className="pager">
        <Button onClick={() => setCursors([])} disabled={cursors.length === 0}>
          {t('newest')}
        </Button>
        <Button onClick={() => setCursors((current) => current.slice(0, -1))} disabled={cursors.length === 0}>
          {t('newer')}
        </Button>
        <Button
          onClick={() => lastId && setCursors((current) => [...current, lastId])}
          disabled={!lastId || records.length < limit}
        >
          {t('older')}
        </Button>
      </Space>
    </section>
  )
}
