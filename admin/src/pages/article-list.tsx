import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Article, ArticleStatus, Site } from '../types.ts'

const STATUS_COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  rejected: 'error',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
}

const SORTABLE = { title: 'title', publishAt: 'publishAt', updatedAt: 'updatedAt' } as const

interface Query {
  page: number
  pageSize: number
  status?: ArticleStatus
  text?: string
  sort: 'default' | 'title' | 'publishAt' | 'updatedAt'
  order: 'asc' | 'desc'
}

export interface ArticleListProps {
  readonly site: Site
  readonly columnId: number | null
  /** Opens an article in the editor; null for a new one. */
  onOpen(id: number | null): void
}

export function ArticleList({ site, columnId, onOpen }: ArticleListProps) {
  const siteId = site.id
  const { t } = useI18n()
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20, sort: 'default', order: 'desc' })
  const [result, setResult] = useState<{ items: Article[]; total: number } | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const params = new URLSearchParams({
      site: String(siteId),
      limit: String(query.pageSize),
      offset: String((query.page - 1) * query.pageSize),
      sort: query.sort,
      order: query.order,
    })
    if (columnId !== null) {
      params.set('columnId', String(columnId))
      params.set('includesDescendants', 'true')
    }
    if (query.status) params.set('status', query.status)
    if (query.text) params.set('text', query.text)
    setLoading(true)
    api<{ items: Article[]; total: number }>('GET', `/api/articles?${params}`)
      .then((found) => {
        setResult(found)
        setError(null)
      })
      .catch((caught: Error) => setError(caught.message))
      .finally(() => setLoading(false))
  }, [siteId, columnId, query])

  // Times as the site shows them: in its time zone, to the minute (2017-12-14 16:44).
  const minute = new Intl.DateTimeFormat('sv-SE', {
    timeZone: site.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  })
  const time = (iso: string | null) => (iso ? minute.format(new Date(iso)) : '—')

  return (
    <section aria-labelledby="articles-title">
      <Space className="list-toolbar" wrap>
        <h2 id="articles-title" className="section-title">
          {t('articles')}
        </h2>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          onSearch={(text) => setQuery((current) => ({ ...current, page: 1, text: text || undefined }))}
        />
        <Button type="primary" onClick={() => onOpen(null)}>
          {t('newArticle')}
        </Button>
        <Select
          aria-label={t('status')}
          className="status-filter"
          allowClear
          placeholder={t('anyStatus')}
          value={query.status}
          onChange={(status?: ArticleStatus) => setQuery((current) => ({ ...current, page: 1, status }))}
          options={(Object.keys(STATUS_COLOURS) as ArticleStatus[]).map((status) => ({
            value: status,
            label: t(`status.${status}` as MessageKey),
          }))}
        />
      </Space>
      {error && <Alert type="error" showIcon description={error} className="list-error" />}
      <Table<Article>
        rowKey="id"
        loading={loading}
        dataSource={result?.items ?? []}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: result?.total ?? 0,
          showTotal: (n) => t('total', { n }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const single = sorter as SorterResult<Article>
          const field = single.order ? SORTABLE[single.field as keyof typeof SORTABLE] : undefined
          setQuery((current) => ({
            ...current,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? 20,
            sort: field ?? 'default',
            order: single.order === 'ascend' ? 'asc' : 'desc',
          }))
        }}
        columns={[
          {
            title: t('title'),
            dataIndex: 'title',
            key: 'title',
            sorter: true,
            render: (title: string, article: Article) => (
              <Button type="link" className="title-link" onClick={() => onOpen(article.id)}>
                {title}
              </Button>
            ),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            key: 'status',
            width: 110,
            render: (status: ArticleStatus) => (
              <Tag color={STATUS_COLOURS[status]}>{t(`status.${status}` as MessageKey)}</Tag>
            ),
          },
          { title: t('author'), dataIndex: 'createdBy', key: 'createdBy', width: 120 },
          {
            title: t('publishTime'),
            dataIndex: 'publishAt',
            key: 'publishAt',
            width: 170,
            sorter: true,
            render: time,
          },
          {
            title: t('updatedAt'),
            dataIndex: 'updatedAt',
            key: 'updatedAt',
            width: 170,
            sorter: true,
            render: time,
          },
        ]}
      />
    </section>
  )
}
