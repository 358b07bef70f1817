import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { zh as auditWords } from '../messages/audit.ts'
import type { Site } from '../types.ts'
import type { AuditRecord } from './admin-types.ts'
import { AuditVerificationAlert } from './audit-verification.tsx'
import { ErrorAlert } from './error-alert.tsx'
import { installationTimeZone, timeFormatter } from './format-time.ts'

const LIMITS = [50, 100, 200, 500]

/**
 * The audit log for the audit administrator: newest first, filtered by action, paged towards
 * older records by id, exportable as CSV with the same filter, and its hash chain checked.
 */
export function AuditTab({ sites }: { readonly sites: readonly Site[] }) {
  const { t } = useI18n()
  const [limit, setLimit] = useState(50)
  const [action, setAction] = useState('')
  /** The pages opened towards older records: each one's beforeId. Empty: the newest page. */
  const [cursors, setCursors] = useState<readonly number[]>([])
  const time = timeFormatter({ timeZone: installationTimeZone(sites), hasSeconds: true })
  /** The audit log's word for a code, or the code itself when it has none yet. */
  const named = (key: string, code: string) => (key in auditWords ? t(key as MessageKey) : code)
  const beforeId = cursors.at(-1)
  const parameters: Record<string, string> = { limit: String(limit) }
  if (action) parameters.action = action
  if (beforeId) parameters.beforeId = String(beforeId)
  const answer = useQuery<{ items: AuditRecord[] }>({
    queryKey: ['/api/audit', parameters],
    placeholderData: keepPreviousData,
  })
  const records = answer.data?.items ?? []
  const error = answer.error
  const isLoading = answer.isFetching

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
          {
            title: t('auditActor'),
            key: 'actor',
            render: (_, record) => <span title={record.actor}>{record.actorName}</span>,
          },
          { title: t('auditAddress'), dataIndex: 'address', key: 'address' },
          {
            title: t('auditAction'),
            key: 'action',
            render: (_, record) => (
              <span title={record.action}>{named(`audit.action.${record.action}`, record.action)}</span>
            ),
          },
          {
            title: t('auditTarget'),
            key: 'target',
            // 文章《标题》: the kind and the name; the id stays in the tooltip for the technically minded.
            render: (_, record) =>
              record.targetType === '' ? null : (
                <span title={`${record.targetType} ${record.targetId}`}>
                  {named(`audit.target.${record.targetType}`, record.targetType)}
                  {record.targetName
                    ? `《${record.targetName}》`
                    : record.targetId
                      ? ` ${record.targetId}`
                      : ''}
                </span>
              ),
          },
          {
            title: t('auditOutcome'),
            key: 'outcome',
            render: (_, record) =>
              record.outcome === 'success' ? (
                <Tag color="success">{t('outcomeSuccess')}</Tag>
              ) : (
                <Tag color="error" title={record.errorCode ?? undefined}>
                  {t('outcomeFailure')}
                  {record.errorCode
                    ? `（${named(`audit.error.${record.errorCode}`, record.errorCode)}）`
                    : ''}
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
