import { App, Button, Select, Space, Table, Tag } from 'antd'
import { useEffect, useId, useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'
import type { DeletedArticle } from './admin-types.ts'
import { ErrorAlert, useErrorText } from './error-alert.tsx'
import { timeFormatter } from './format-time.ts'
import { PurgeControl } from './purge-control.tsx'
import { administersSystem } from './roles.ts'

const PAGE_SIZE = 20

export interface RecycleBinTabProps {
  readonly session: SessionView
  readonly sites: readonly Site[]
}

/** A site's deleted articles, each restorable; system administrators empty the bin for good. */
export function RecycleBinTab({ session, sites }: RecycleBinTabProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const errorText = useErrorText()
  const [chosenSiteId, setSiteId] = useState<number>()
  const siteId = chosenSiteId ?? sites[0]?.id
  const [page, setPage] = useState(1)
  const [reloads, setReloads] = useState(0)
  const [result, setResult] = useState<{ items: DeletedArticle[]; total: number } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [isLoading, setLoading] = useState(false)
  const siteLabelId = useId()
  const site = sites.find((candidate) => candidate.id === siteId)
  const time = timeFormatter(site ? { timeZone: site.timeZone } : {})
  const reload = () => setReloads((n) => n + 1)

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads asks again on purpose
  useEffect(() => {
    if (siteId === undefined) return
    const query = new URLSearchParams({
      site: String(siteId),
      deleted: 'true',
      limit: String(PAGE_SIZE),
      offset: String((page - 1) * PAGE_SIZE),
    })
    setLoading(true)
    api<{ items: DeletedArticle[]; total: number }>('GET', `/api/articles?${query}`)
      .then((next) => {
        setResult(next)
        setError(null)
      })
      .catch((caught) => {
        setResult(null)
        setError(caught)
      })
      .finally(() => setLoading(false))
  }, [siteId, page, reloads])

  async function restore(article: DeletedArticle) {
    try {
      await api('POST', `/api/articles/${article.id}/restore`)
      message.success(t('restored', { title: article.title }))
      reload()
    } catch (caught) {
      message.error(errorText(caught))
    }
  }

  return (
    <section aria-label={t('tabRecycleBin')}>
      {administersSystem(session) && <PurgeControl onPurged={reload} />}
      <Space wrap className="tab-toolbar">
        <span id={siteLabelId}>{t('site')}</span>
        <Select<number>
          aria-labelledby={siteLabelId}
          className="form-wide"
          value={siteId}
          onChange={(next) => {
            setSiteId(next)
            setPage(1)
          }}
          options={sites.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          notFoundContent={t('noSite')}
        />
      </Space>
      <ErrorAlert error={error} />
      <Table<DeletedArticle>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={result?.items ?? []}
        locale={{ emptyText: t('recycleBinEmpty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('total', { n }),
        }}
        onChange={(pagination) => setPage(pagination.current ?? 1)}
        columns={[
          { title: t('title'), dataIndex: 'title', key: 'title' },
          {
            title: t('status'),
            dataIndex: 'status',
            key: 'status',
            render: (status: string) => <Tag>{t(`status.${status}` as MessageKey)}</Tag>,
          },
          { title: t('deletedBy'), dataIndex: 'deletedBy', key: 'deletedBy' },
          { title: t('deletedAt'), dataIndex: 'deletedAt', key: 'deletedAt', render: time },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, article) => (
              <Button
                size="small"
                onClick={() => restore(article)}
                aria-label={t('restoreArticle', { title: article.title })}
              >
                {t('restore')}
              </Button>
            ),
          },
        ]}
      />
    </section>
  )
}
