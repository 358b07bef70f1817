import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Article, ColumnNode } from '../types.ts'
import { ArticleOrderDialog } from './article-order-dialog.tsx'
import { arrangement, orderedHead } from './manual-order.ts'

/** The dialog orders the column's newest articles; older ones keep their date order. */
const NEWEST = 50

interface ColumnOrderDialogProps {
  readonly siteId: number
  readonly column: ColumnNode
  onClose(): void
}

/**
 * 排序: the column's newest articles (its pinned ones aside, 置顶排序 orders those) in the
 * order its newest page shows them. Only the head that differs from date order is saved, so
 * a new article comes right after the editor's choice.
 */
export function ColumnOrderDialog({ siteId, column, onClose }: ColumnOrderDialogProps) {
  const { t } = useI18n()
  return (
    <ArticleOrderDialog
      texts={{
        title: t('columns.articleOrderOf', { name: column.name }),
        help: t('columns.articleOrderHelp', { count: NEWEST }),
        empty: t('columns.articleOrderNone'),
        saved: t('columns.articleOrderSaved'),
      }}
      query={{
        key: ['column-order', column.id],
        load: async () => {
          const params = new URLSearchParams({
            site: String(siteId),
            columnId: String(column.id),
            sort: 'publishAt',
            order: 'desc',
            limit: String(NEWEST),
          })
          const [{ items }, { articleIds }] = await Promise.all([
            api<{ items: Article[] }>('GET', `/api/articles?${params}`),
            api<{ articleIds: number[] }>('GET', `/api/columns/${column.id}/order`),
          ])
          return arrangement(
            items.filter((article) => article.weight <= 0),
            articleIds,
          )
        },
      }}
      save={async (articles) => {
        await api('PUT', `/api/columns/${column.id}/order`, { articleIds: orderedHead(articles) })
      }}
      onClose={onClose}
    />
  )
}
