import { Alert, Button, ConfigProvider, Space, Table, Tag } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { type Key, useEffect, useState } from 'react'
import { api } from '../api.ts'
import { type ArticleFilter, ArticleFilters } from '../columns/article-filters.tsx'
import { BulkActions } from '../columns/bulk-actions.tsx'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Article, ArticleStatus, ColumnNode, Grant, Site } from '../types.ts'

const STATUS_COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  rejected: 'error',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
}

const SORTABLE = { title: 'title', publishAt: 'publishAt', updatedAt: 'updatedAt' } as const

interface Query extends ArticleFilter {
  page: number
  pageSize: number
  sort: 'default' | 'title' | 'publishAt' | 'updatedAt'
  order: 'asc' | 'desc'
}

const WRITING_ROLES = ['admin', 'site_admin', 'editor']

/** Selected rows light enough that the title links keep 4.5:1, hovered too (antd's would be 3.9:1). */
const SELECTED_ROWS = { components: { Table: { rowSelectedBg: '#e8f0fa', rowSelectedHoverBg: '#dbe6f3' } } }

export interface ArticleListProps {
  readonly site: Site
  readonly columnId: number | null
  /** The site's column tree, to move articles to another column. */
  readonly columns: readonly ColumnNode[]
  readonly grants: readonly Grant[]
  /** Opens an article in the editor; null for a new one. */
  onOpen(id: number | null): void
}

export function ArticleList({ site, columnId, columns, grants, onOpen }: ArticleListProps) {
  const siteId = site.id
  const { t } = useI18n()
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20, sort: 'default', order: 'desc' })
  const [result, setResult] = useState<{ items: Article[]; total: number } | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<readonly Article[]>([])
  // Read again after bulk steps changed the articles.
  const [version, setVersion] = useState(0)
  // Editors and site administrators select articles for bulk steps; the server checks each one again.
  const canSelect = grants.some(
    (grant) => WRITING_ROLES.includes(grant.role) && (grant.siteId === null || grant.siteId === siteId),
  )

  useEffect(() => {
    void version
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
    for (const key of ['status', 'text', 'createdBy', 'from', 'to'] as const) {
      const value = query[key]
      if (value) params.set(key, value)
    }
    setLoading(true)
    // Only the latest query's answer is shown: an earlier, slower one may arrive after it.
    let isCurrent = true
    api<{ items: Article[]; total: number }>('GET', `/api/articles?${params}`)
      .then((found) => {
        if (!isCurrent) return
        setResult(found)
        setError(null)
      })
      .catch((caught: Error) => isCurrent && setError(caught.message))
      .finally(() => isCurrent && setLoading(false))
    return () => {
      isCurrent = false
    }
  }, [siteId, columnId, query, version])

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
        <Button type="primary" onClick={() => onOpen(null)}>
          {t('newArticle')}
        </Button>
        <ArticleFilters
          value={query}
          onChange={(filter) =>
            setQuery(({ pageSize, sort, order }) => ({ page: 1, pageSize, sort, order, ...filter }))
          }
        />
      </Space>
      {error && <Alert type="error" showIcon description={error} className="list-error" />}
      {selected.length > 0 && (
        <BulkActions
          articles={selected}
          columns={columns}
          onClear={() => setSelected([])}
          onDone={() => {
            setSelected([])
            setVersion((current) => current + 1)
          }}
        />
      )}
      <ConfigProvider theme={SELECTED_ROWS}>
        <Table<Article>
          rowKey="id"
          loading={loading}
          dataSource={result?.items ?? []}
          {...(canSelect
            ? {
                rowSelection: {
                  selectedRowKeys: selected.map((article) => article.id),
                  preserveSelectedRowKeys: true,
                  onChange: (_keys: Key[], rows: Article[]) => setSelected(rows.filter(Boolean)),
                  getTitleCheckboxProps: () => ({ 'aria-label': t('list.selectPage') }),
                  getCheckboxProps: (article: Article) => ({
                    'aria-label': t('list.selectArticle', { title: article.title }),
                  }),
                },
              }
            : {})}
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
              // On a tablet the title keeps room to read instead of a character per line.
              width: '40%',
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
      </ConfigProvider>
    </section>
  )
}
