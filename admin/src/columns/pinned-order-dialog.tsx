import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Article, ColumnNode } from '../types.ts'
import { ArticleOrderDialog } from './article-order-dialog.tsx'

interface PinnedOrderDialogProps {
  readonly siteId: number
  readonly column: ColumnNode
  onClose(): void
}

/** 置顶排序: the column's pinned articles in the order its lists show them; saved as pin weights. */
export function PinnedOrderDialog({ siteId, column, onClose }: PinnedOrderDialogProps) {
  const { t } = useI18n()
  return (
    <ArticleOrderDialog
      texts={{
        title: t('columns.pinnedOrderOf', { name: column.name }),
        help: t('columns.pinnedOrderHelp'),
        empty: t('columns.pinnedOrderNone'),
        saved: t('columns.pinnedOrderSaved'),
      }}
      query={{
        key: ['pinned-order', column.id],
        load: async () => {
          const params = new URLSearchParams({
            site: String(siteId),
            columnId: String(column.id),
            sort: 'default',
            limit: '500',
          })
          const { items } = await api<{ items: Article[] }>('GET', `/api/articles?${params}`)
          return items.filter((article) => article.weight > 0)
        },
      }}
      save={async (articles) => {
        const articleIds = articles.map((article) => article.id)
        await api('PUT', `/api/columns/${column.id}/pinned-order`, { articleIds })
      }}
      onClose={onClose}
    />
  )
}
