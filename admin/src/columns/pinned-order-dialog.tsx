import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import { Alert, App, Button, List, Modal, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Article, ColumnNode } from '../types.ts'
import { orderWith } from './column-places.ts'

interface PinnedOrderDialogProps {
  readonly siteId: number
  readonly column: ColumnNode
  onClose(): void
}

/**
 * 置顶排序: the column's pinned articles in the order its lists show them, moved up and down
 * with buttons (the keyboard's way too); saving gives them pin weights in that order.
 */
export function PinnedOrderDialog({ siteId, column, onClose }: PinnedOrderDialogProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [articles, setArticles] = useState<readonly Article[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)

  useEffect(() => {
    const params = new URLSearchParams({
      site: String(siteId),
      columnId: String(column.id),
      sort: 'default',
      limit: '500',
    })
    api<{ items: Article[] }>('GET', `/api/articles?${params}`)
      .then(({ items }) => setArticles(items.filter((article) => article.weight > 0)))
      .catch((caught: Error) => setError(caught.message))
  }, [siteId, column.id])

  function shift(id: number, by: -1 | 1) {
    if (!articles) return
    const ids = articles.map((article) => article.id)
    const order = orderWith(ids, id, ids.indexOf(id) + by)
    setArticles(order.map((each) => articles.find((article) => article.id === each) as Article))
  }

  async function save() {
    if (!articles) return
    setBusy(true)
    try {
      await api('PUT', `/api/columns/${column.id}/pinned-order`, {
        articleIds: articles.map((article) => article.id),
      })
      message.success(t('columns.pinnedOrderSaved'))
      onClose()
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={t('columns.pinnedOrderOf', { name: column.name })}
      okText={t('columns.pinnedOrderSave')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !articles || articles.length === 0 }}
      confirmLoading={isBusy}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <p className="muted">{t('columns.pinnedOrderHelp')}</p>
      {error ? <Alert type="error" showIcon description={error} /> : null}
      {articles === null && !error ? <Spin /> : null}
      {articles ? (
        <List
          size="small"
          bordered
          locale={{ emptyText: t('columns.pinnedOrderNone') }}
          dataSource={[...articles]}
          renderItem={(article, index) => (
            <List.Item
              actions={[
                <Button
                  key="up"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('columns.pinnedUp', { title: article.title })}
                  disabled={index === 0}
                  onClick={() => shift(article.id, -1)}
                />,
                <Button
                  key="down"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('columns.pinnedDown', { title: article.title })}
                  disabled={index === articles.length - 1}
                  onClick={() => shift(article.id, 1)}
                />,
              ]}
            >
              {index + 1}. {article.title}
            </List.Item>
          )}
        />
      ) : null}
    </Modal>
  )
}
