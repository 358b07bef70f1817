import { Table, Tag } from 'antd'
import type { ReactNode } from 'react'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import type { Submission, SubmissionStatus } from './types.ts'

const STATUS_COLOURS: Record<SubmissionStatus, string> = {
  pending: 'processing',
  adopted: 'success',
  returned: 'error',
  ignored: 'default',
}

/** Submissions as both boxes list them; `side` says which site's name the reader needs. */
export function SubmissionTable({
  site,
  items,
  loading,
  side,
  actions,
}: {
  readonly site: Site
  readonly items: readonly Submission[]
  readonly loading: boolean
  readonly side: 'inbox' | 'outbox'
  readonly actions?: (submission: Submission) => ReactNode
}) {
  const { t } = useI18n()
  const minute = new Intl.DateTimeFormat('sv-SE', {
    timeZone: site.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  })
  return (
    <Table<Submission>
      rowKey="id"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: t('sub.empty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('sub.title'),
          key: 'title',
          // The title keeps room to read instead of a character per line.
          width: '28%',
          render: (_, item) => (
            <span className="submission-title">
              {item.sourceUrl ? (
                <a href={item.sourceUrl} target="_blank" rel="noreferrer">
                  {item.title}
                </a>
              ) : (
                item.title
              )}
              {item.note ? <div className="submission-note">{item.note}</div> : null}
            </span>
          ),
        },
        side === 'inbox'
          ? { title: t('sub.fromSite'), dataIndex: 'sourceSiteName', key: 'from', width: 180 }
          : { title: t('sub.toSite'), dataIndex: 'targetSiteName', key: 'to', width: 180 },
        { title: t('sub.toColumn'), dataIndex: 'targetColumnName', key: 'column', width: 120 },
        { title: t('sub.submittedBy'), dataIndex: 'submittedBy', key: 'by', width: 110 },
        {
          title: t('sub.submittedAt'),
          dataIndex: 'submittedAt',
          key: 'at',
          width: 160,
          render: (iso: string) => minute.format(new Date(iso)),
        },
        {
          title: t('sub.status'),
          key: 'status',
          width: 200,
          render: (_, item) => (
            <>
              <Tag color={STATUS_COLOURS[item.status]}>{t(`sub.status.${item.status}` as MessageKey)}</Tag>
              {item.reason ? (
                <div className="submission-reason">
                  {t('sub.reason')}：{item.reason}
                </div>
              ) : null}
              {item.adoptedArticleId !== null && side === 'inbox' ? (
                <div>{t('sub.adoptedArticle', { id: item.adoptedArticleId })}</div>
              ) : null}
            </>
          ),
        },
        ...(actions
          ? [
              {
                title: t('sub.actions'),
                key: 'actions',
                width: 260,
                render: (_: unknown, item: Submission) => actions(item),
              },
            ]
          : []),
      ]}
    />
  )
}
