import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, ConfigProvider, Space, Table, Tag } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { type Key, lazy, Suspense, useState } from 'react'
import { ArticleFilters } from '../columns/article-filters.tsx'
import { BulkActions } from '../columns/bulk-actions.tsx'
import { useListQuery } from '../columns/use-list-query.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Article, ArticleStatus, ColumnNode, Site } from '../types.ts'

const SubmitDialog = lazy(() => import('../submissions/submit-dialog.tsx'))

const STATUS_COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  rejected: 'error',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
}

const SORTABLE = { title: 'title', publishAt: 'publishAt', updatedAt: 'updatedAt' } as const

/** Selected rows light enough that the title links keep 4.5:1, hovered too (antd's would be 3.9:1). */
const SELECTED_ROWS = { components: { Table: { rowSelectedBg: '#e8f0fa', rowSelectedHoverBg: '#dbe6f3' } } }

export interface ArticleListProps {
  readonly site: Site
  readonly columnId: number | null
  /** The site's column tree, to move articles to another column. */
  readonly columns: readonly ColumnNode[]
  /** Opens an article in the editor; null for a new one. */
  onOpen(id: number | null): void
}

export function ArticleList({ site, columnId, columns, onOpen }: ArticleListProps) {
  const siteId = site.id
  const { t } = useI18n()
  const client = useQueryClient()
  const [query, setQuery] = useListQuery()
  const [selected, setSelected] = useState<readonly Article[]>([])
  /** The article being submitted (报送) to another site. */
  const [submitting, setSubmitting] = useState<Article | null>(null)
  // Editors and site administrators select articles for bulk steps; the server checks each one again.
  const canSelect = site.allowedActions.includes('write')

  const parameters: Record<string, string> = {
    site: String(siteId),
    limit: String(query.pageSize),
    offset: String((query.page - 1) * query.pageSize),
    sort: query.sort,
    order: query.order,
  }
  if (columnId !== null) {
    parameters.columnId = String(columnId)
    parameters.includesDescendants = 'true'
  }
  for (const key of ['status', 'text', 'createdBy', 'from', 'to'] as const) {
    const value = query[key]
    if (value) parameters[key] = value
  }
  // The last page stays on screen while the next one is read (no flash of an empty table).
  const found = useQuery<{ items: Article[]; total: number }>({
    queryKey: ['/api/articles', parameters],
    placeholderData: keepPreviousData,
  })
  const result = found.data ?? null
  const loading = found.isFetching
  const error = found.error?.message ?? null

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
        {canSelect && (
          <Button type="primary" onClick={() => onOpen(null)}>
            {t('newArticle')}
          </Button>
        )}
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
            void client.invalidateQueries({ queryKey: ['/api/articles'] })
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
            ...(canSelect
              ? [
                  {
                    title: t('sub.actions'),
                    key: 'submit',
                    width: 90,
                    render: (_: unknown, article: Article) =>
                      article.status === 'published' ? (
                        <Button size="small" onClick={() => setSubmitting(article)}>
                          {t('sub.submit')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </ConfigProvider>
      {submitting && (
        <Suspense fallback={null}>
          <SubmitDialog siteId={siteId} article={submitting} onClose={() => setSubmitting(null)} />
        </Suspense>
      )}
    </section>
  )
}
