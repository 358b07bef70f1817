import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, List, Modal, Spin } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'
import type { Article } from '../types.ts'
import { orderWith } from './column-places.ts'

/** The words of one ordering dialog: 置顶排序 and 排序 differ only in these and their requests. */
export interface ArticleOrderTexts {
  readonly title: string
  readonly help: string
  readonly empty: string
  readonly saved: string
}

export interface ArticleOrderDialogProps {
  readonly texts: ArticleOrderTexts
  /** The articles to order, in the order they are now: read as a query under this key. */
  readonly query: { readonly key: readonly unknown[]; load(): Promise<readonly Article[]> }
  /** Saves the arrangement, first first. */
  save(articles: readonly Article[]): Promise<void>
  onClose(): void
}

/**
 * A column's articles moved up and down with buttons (the keyboard's way too), then saved
 * in one request.
 */
export function ArticleOrderDialog({ texts, query, save, onClose }: ArticleOrderDialogProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const client = useQueryClient()
  const read = useQuery({ queryKey: query.key, queryFn: query.load, staleTime: 0 })
  /** The articles in the order moved to; null while it is the order read. */
  const [moved, setArticles] = useState<readonly Article[] | null>(null)
  const articles = moved ?? read.data ?? null
  const [saveError, setError] = useState<string | null>(null)
  const error = saveError ?? read.error?.message ?? null
  const [isBusy, setBusy] = useState(false)

  function shift(id: number, by: -1 | 1) {
    if (!articles) return
    const ids = articles.map((article) => article.id)
    const order = orderWith(ids, id, ids.indexOf(id) + by)
    setArticles(order.map((each) => articles.find((article) => article.id === each) as Article))
  }

  async function saveOrder() {
    if (!articles) return
    setBusy(true)
    try {
      await save(articles)
      // Every list of articles, and this dialog's own reading, shows the new order.
      void client.invalidateQueries({ queryKey: ['/api/articles'] })
      void client.invalidateQueries({ queryKey: query.key })
      message.success(texts.saved)
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
      title={texts.title}
      okText={t('columns.pinnedOrderSave')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !articles || articles.length === 0 }}
      confirmLoading={isBusy}
      onOk={() => void saveOrder()}
      onCancel={onClose}
    >
      <p className="muted">{texts.help}</p>
      {error ? <Alert type="error" showIcon description={error} /> : null}
      {articles === null && !error ? <Spin /> : null}
      {articles ? (
        <List
          size="small"
          bordered
          locale={{ emptyText: texts.empty }}
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
