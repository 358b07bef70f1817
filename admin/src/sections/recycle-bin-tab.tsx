import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Select, Space, Table, Tag } from 'antd'
import { useId, useState } from 'react'
import { api } from '../api.ts'
import type { ArticleList } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Article, SessionView, Site } from '../types.ts'
import { ErrorAlert, useErrorText } from './error-alert.tsx'
import { installationTimeZone, timeFormatter } from './format-time.ts'
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
  const client = useQueryClient()
  const answer = useQuery<ArticleList>({
    queryKey: [
      '/api/articles',
      {
        site: String(siteId),
        deleted: 'true',
        limit: String(PAGE_SIZE),
        offset: String((page - 1) * PAGE_SIZE),
      },
    ],
    enabled: siteId !== undefined,
    placeholderData: keepPreviousData,
  })
  const result = answer.data ?? null
  const error = answer.error
  const isLoading = answer.isFetching
  const siteLabelId = useId()
  const site = sites.find((candidate) => candidate.id === siteId)
  const time = timeFormatter({ timeZone: site?.timeZone ?? installationTimeZone(sites) })
  // Restoring or purging changes the bin and the article lists alike.
  const reload = () => void client.invalidateQueries({ queryKey: ['/api/articles'] })

  async function restore(article: Article) {
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
      <Table<Article>
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
